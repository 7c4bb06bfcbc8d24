"""The protocol's settings and the fund roles, edited by the fund officers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from secretaria.fund import rules
from secretaria.fund.models import Category, FundRole, ProtocolSettings, RequesterKind

_FIELDS = ("categories", "requester_kinds", "cap_usd", "exception_approver", "reporting_periods",
           "retention_years", "step_days", "protocol_symbol")  # fmt: skip


def _valid_period(value: str) -> bool:
    parts = value.split("-")
    return len(parts) == 2 and all(p.isdigit() for p in parts) and 1 <= int(parts[0]) <= 12 and 1 <= int(parts[1]) <= 31


@transaction.atomic
def protocol_settings_update(*, by, reason: str = "", **values) -> ProtocolSettings:
    if not rules.fund_access(by).officer:
        raise PermissionDenied
    row = ProtocolSettings.objects.select_for_update().get(pk=rules.protocol_settings().pk)
    for name, value in values.items():
        if name not in _FIELDS:
            raise TypeError(name)
        setattr(row, name, value)
    errors = {}
    if not row.categories or any(c not in Category.values for c in row.categories):
        errors["categories"] = _("Choose at least one category from the list.")
    if not row.requester_kinds or any(k not in RequesterKind.values for k in row.requester_kinds):
        errors["requester_kinds"] = _("Choose at least one kind of requester from the list.")
    if not row.reporting_periods or not all(isinstance(p, str) and _valid_period(p) for p in row.reporting_periods):
        errors["reporting_periods"] = _("Write each period's start as MM-DD, e.g. 01-01, 07-01.")
    if errors:
        raise ValidationError(errors)
    row.full_clean()
    row.save()
    update_change_reason(row, (reason or "").strip()[:100])
    return row


def fund_role_grant(*, by, user, kind: str, country=None, requester_kind: str = "") -> FundRole:
    """Fund officers grant roles (and an administrator the first officer, from the command line)."""
    if by is not None and not rules.fund_access(by).officer:
        raise PermissionDenied
    role = FundRole(user=user, kind=kind, country=country, requester_kind=requester_kind)
    role.full_clean()
    role.save()
    rules.forget(user)
    return role
