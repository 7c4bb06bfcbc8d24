"""Writing to the activity record. Every Secretariat step calls ``activity_record``; what no
workflow records (moderating a meeting, IT support, a phone coordination) the Secretariat adds by
hand with ``activity_add``."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.activity.models import Activity
from secretaria.core import access
from secretaria.core.audit import audit_record

# The kinds an entry added by hand may have (the others are written by the workflows).
MANUAL_KINDS = (
    Activity.Kind.MODERATION,
    Activity.Kind.IT_SUPPORT,
    Activity.Kind.COORDINATION,
    Activity.Kind.MISSION,
    Activity.Kind.OTHER,
)


def activity_record(
    *,
    kind: str,
    actor=None,
    meeting=None,
    obj=None,
    summary_es: str = "",
    summary_en: str = "",
    engagement_es: str = "",
    engagement_en: str = "",
    on: datetime.datetime | None = None,
    manual: bool = False,
) -> Activity:
    """Record one step. ``on`` backdates it (demo data, imports); default now."""
    actor = actor if getattr(actor, "is_authenticated", False) else None
    activity = Activity(
        kind=kind,
        actor=actor,
        meeting=meeting,
        summary_es=summary_es[:500],
        summary_en=summary_en[:500],
        engagement_es=engagement_es[:300],
        engagement_en=engagement_en[:300],
        occurred_at=on or timezone.now(),
        manual=manual,
    )
    if obj is not None and getattr(obj, "pk", None) is not None:
        activity.content_type = ContentType.objects.get_for_model(obj)
        activity.object_id = str(obj.pk)
    activity.save()
    return activity


def _require_secretariat(by) -> None:
    if not access.can(by, "activity.view"):
        raise PermissionDenied(_("Only the Technical Secretariat keeps the activity record."))


def _check_manual(kind: str, summary_es: str, summary_en: str) -> None:
    if kind not in MANUAL_KINDS:
        raise ValidationError({"kind": _("This kind is recorded by the site itself, not by hand.")})
    if not (summary_es.strip() and summary_en.strip()):
        raise ValidationError({"summary_es": _("Write the summary in both languages.")})


@transaction.atomic
def activity_add(
    *,
    by,
    kind: str,
    on: datetime.date | datetime.datetime,
    summary_es: str,
    summary_en: str,
    meeting=None,
    engagement_es: str = "",
    engagement_en: str = "",
) -> Activity:
    """An entry the Secretariat adds by hand (moderation, IT support, coordination, a mission)."""
    _require_secretariat(by)
    _check_manual(kind, summary_es, summary_en)
    if not isinstance(on, datetime.datetime):
        on = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))
    activity = activity_record(
        kind=kind, actor=by, meeting=meeting, summary_es=summary_es.strip(), summary_en=summary_en.strip(),
        engagement_es=engagement_es.strip(), engagement_en=engagement_en.strip(), on=on, manual=True,
    )  # fmt: skip
    audit_record(kind="activity.added", actor=by, target=activity, entry_kind=kind)
    return activity


@transaction.atomic
def activity_update(*, by, activity: Activity, **fields) -> Activity:
    """Change an entry added by hand; the site's own entries are the record and are not edited."""
    _require_secretariat(by)
    if not activity.manual:
        raise ValidationError(_("Only entries added by hand can be changed."))
    for name in ("kind", "summary_es", "summary_en", "engagement_es", "engagement_en", "meeting"):
        if name in fields:
            setattr(activity, name, fields[name])
    if "on" in fields:
        on = fields["on"]
        if not isinstance(on, datetime.datetime):
            on = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))
        activity.occurred_at = on
    _check_manual(activity.kind, activity.summary_es, activity.summary_en)
    activity.save()
    audit_record(kind="activity.changed", actor=by, target=activity, entry_kind=activity.kind)
    return activity


@transaction.atomic
def activity_delete(*, by, activity: Activity) -> None:
    _require_secretariat(by)
    if not activity.manual:
        raise ValidationError(_("Only entries added by hand can be removed."))
    audit_record(kind="activity.removed", actor=by, target=activity, summary=activity.summary_es)
    activity.delete()
