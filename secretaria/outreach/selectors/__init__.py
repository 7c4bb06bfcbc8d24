"""Reads of the outreach app, one module per topic: engagements, inquiries, report (the period's outreach)."""
