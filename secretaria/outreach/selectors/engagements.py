"""Reads of engagements and material, filtered by what the viewer may see."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from secretaria.core import access
from secretaria.core.access import AccessLevel
from secretaria.outreach.models import Engagement, EngagementDocument, Material


@dataclass(frozen=True)
class EngagementFilters:
    kind: str | None = None
    country: str | None = None  # ISO alpha-2
    start: datetime.date | None = None
    end: datetime.date | None = None
    status: str | None = None
    q: str | None = None


def visible_engagements(user) -> QuerySet[Engagement]:
    qs = Engagement.objects.all()
    if access.is_secretariat(user):
        return qs
    levels = access.visible_levels(user)
    condition = Q(access_level__in=[level for level in levels if level != AccessLevel.GROUP])
    if access.is_current_ppt(user):
        condition |= Q(status=Engagement.Status.REQUESTED)
    return qs.filter(condition)


def engagement_list(user, filters: EngagementFilters = EngagementFilters()) -> QuerySet[Engagement]:
    qs = visible_engagements(user).select_related("country", "organization", "contact")
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.country:
        qs = qs.filter(country__iso2=filters.country.upper())
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.start:
        qs = qs.filter(Q(end_date__gte=filters.start) | Q(end_date__isnull=True, start_date__gte=filters.start))
    if filters.end:
        qs = qs.filter(start_date__lte=filters.end)
    if filters.q:
        qs = qs.filter(
            Q(title_es__icontains=filters.q) | Q(title_en__icontains=filters.q) | Q(place__icontains=filters.q)
        )
    return qs.prefetch_related(
        "secretariat_people", Prefetch("deliverables", queryset=EngagementDocument.objects.select_related("document"))
    ).order_by("-start_date", "pk")


def engagement_detail(user, pk: int) -> Engagement | None:
    return (
        visible_engagements(user)
        .select_related("country", "organization", "contact", "mission_report", "decided_by")
        .prefetch_related(
            "secretariat_people",
            "people_met__organization",
            "people_met__country",
            "organizations_met",
            Prefetch("deliverables", queryset=EngagementDocument.objects.select_related("document")),
            "follow_ups",
            "costs__funder_country",
            "costs__funder_organization",
            "materials",
        )  # fmt: skip
        .filter(pk=pk)
        .first()
    )


def pending_approvals() -> QuerySet[Engagement]:
    return Engagement.objects.filter(status=Engagement.Status.REQUESTED).select_related("organization", "country")


def calendar_months(engagements) -> list[tuple[datetime.date, list[Engagement]]]:
    """The engagements grouped by the month they start in, oldest first (the calendar view)."""
    months: dict[datetime.date, list[Engagement]] = {}
    for engagement in sorted(engagements, key=lambda e: (e.start_date, e.pk)):
        months.setdefault(engagement.start_date.replace(day=1), []).append(engagement)
    return list(months.items())


def visible_materials(user) -> QuerySet[Material]:
    qs = Material.objects.select_related("document", "engagement")
    if access.is_secretariat(user):
        return qs
    levels = [level for level in access.visible_levels(user) if level != AccessLevel.GROUP]
    return qs.filter(status=Material.Status.PUBLISHED, access_level__in=levels)
