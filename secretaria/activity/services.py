"""Writing to the activity record. Every Secretariat step calls ``activity_record``."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from secretaria.activity.models import Activity


def activity_record(
    *,
    kind: str,
    actor=None,
    meeting=None,
    obj=None,
    summary_es: str = "",
    summary_en: str = "",
    on: datetime.datetime | None = None,
) -> Activity:
    """Record one step. ``on`` backdates it (demo data, imports); default now."""
    actor = actor if getattr(actor, "is_authenticated", False) else None
    activity = Activity(
        kind=kind,
        actor=actor,
        meeting=meeting,
        summary_es=summary_es[:500],
        summary_en=summary_en[:500],
        occurred_at=on or timezone.now(),
    )
    if obj is not None and getattr(obj, "pk", None) is not None:
        activity.content_type = ContentType.objects.get_for_model(obj)
        activity.object_id = str(obj.pk)
    activity.save()
    return activity
