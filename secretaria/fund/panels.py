"""The fund's panel on the members' dashboard: shown only to fund roles (a count and a link,
no case code, so the dashboard says nothing to anyone else)."""

from secretaria.fund import rules, selectors


def fund_panel(request) -> dict | None:
    fa = rules.fund_access(request.user)
    if fa.needs_totp:
        return {"needs_totp": True}
    if not fa.any:
        return None
    overdue, cases = selectors.panel_counts(request.user)
    return {"overdue": overdue, "open": cases}
