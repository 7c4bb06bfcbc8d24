"""Reading the activity record by period, meeting and kind."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from secretaria.activity.models import Activity


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def activities_between(
    start: datetime.date | datetime.datetime | None,
    end: datetime.date | datetime.datetime | None,
    meeting=None,
    kind: str | None = None,
    *,
    text: str = "",
    manual: bool | None = None,
) -> QuerySet[Activity]:
    """Activities from ``start`` to ``end``, both included (dates are whole days), oldest first."""
    qs = Activity.objects.select_related("actor", "meeting")
    if start is not None:
        if not isinstance(start, datetime.datetime):
            start = _start_of(start)
        qs = qs.filter(occurred_at__gte=start)
    if end is not None:
        if not isinstance(end, datetime.datetime):
            qs = qs.filter(occurred_at__lt=_start_of(end + datetime.timedelta(days=1)))
        else:
            qs = qs.filter(occurred_at__lte=end)
    if meeting is not None:
        qs = qs.filter(meeting=meeting)
    if kind:
        qs = qs.filter(kind=kind)
    if manual is not None:
        qs = qs.filter(manual=manual)
    if text:
        qs = qs.filter(
            Q(summary_es__icontains=text)
            | Q(summary_en__icontains=text)
            | Q(engagement_es__icontains=text)
            | Q(engagement_en__icontains=text)
        )
    return qs.order_by("occurred_at", "pk")
