"""Writes of the outreach app, one module per topic: engagements (and material), inquiries."""
