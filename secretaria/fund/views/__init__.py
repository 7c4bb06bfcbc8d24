"""Pages of the fund, one module per topic: cases, ledger, protocol (settings, roles, access log), reports."""
