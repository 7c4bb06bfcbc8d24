"""Writes of the fund: one module per topic (cases, ledger, protocol, access_log)."""
