"""The append-only access log: every reveal of personal data, download and export."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from secretaria.fund.models import AccessLogEntry


def access_log_write(*, user, action: str, reason: str, case=None, detail: str = "") -> AccessLogEntry:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why you need to see this.")})
    if len(reason) > 1000:
        raise ValidationError({"reason": _("Keep the reason under 1000 characters.")})
    return AccessLogEntry.objects.create(user=user, action=action, reason=reason, case=case, detail=detail[:200])
