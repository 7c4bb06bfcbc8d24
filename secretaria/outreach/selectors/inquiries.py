"""Reads of inquiries (the Secretariat's only) and their response times in office hours."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from statistics import median

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from secretaria.outreach.models import (
    AnswerTemplate,
    AnswerTemplateVersion,
    Inquiry,
    InquiryMessage,
    InquiryStatusChange,
)
from secretaria.outreach.office import office_hours_between


def inquiry_list(*, status: str | None = None, assigned_to=None) -> QuerySet[Inquiry]:
    qs = Inquiry.objects.select_related("assigned_to", "country").prefetch_related("status_changes")
    if status:
        qs = qs.filter(status=status)
    if assigned_to is not None:
        qs = qs.filter(assigned_to=assigned_to)
    return qs.order_by("-received_at", "pk")


def inquiry_count_since(*, email: str, since: datetime.datetime) -> int:
    return Inquiry.objects.filter(email__iexact=email.strip(), received_at__gte=since).count()


def inquiry_detail(pk: int) -> Inquiry | None:
    return (
        Inquiry.objects.select_related("assigned_to", "country", "organization")
        .prefetch_related(
            Prefetch(
                "messages",
                queryset=InquiryMessage.objects.select_related("author", "template_version__template").prefetch_related(
                    "attachments"
                ),
            ),
            "notes__author",
            "documents",
            "status_changes",
        )  # fmt: skip
        .filter(pk=pk)
        .first()
    )


def paused_intervals(changes: list[InquiryStatusChange], until: datetime.datetime):
    """The intervals the inquiry spent waiting for the requester."""
    out, since = [], None
    for change in sorted(changes, key=lambda c: (c.changed_at, c.pk)):
        if change.to_status == Inquiry.Status.WAITING and since is None:
            since = change.changed_at
        elif change.to_status != Inquiry.Status.WAITING and since is not None:
            out.append((since, change.changed_at))
            since = None
    if since is not None:
        out.append((since, until))
    return out


@dataclass
class ResponseTimes:
    first_response_hours: float | None
    resolution_hours: float | None
    open_hours: float | None  # still running: office hours so far


def response_times(inquiry: Inquiry, now: datetime.datetime | None = None) -> ResponseTimes:
    now = now or timezone.now()
    changes = list(inquiry.status_changes.all())
    resolved = inquiry.closed_at or inquiry.answered_at
    paused = paused_intervals(changes, resolved or now)
    first = (
        office_hours_between(inquiry.received_at, inquiry.first_response_at, paused)
        if inquiry.first_response_at
        else None
    )
    resolution = office_hours_between(inquiry.received_at, resolved, paused) if resolved else None
    running = None if resolved else office_hours_between(inquiry.received_at, now, paused)
    return ResponseTimes(first, resolution, running)


@dataclass
class PeriodFigures:
    received: int
    answered: int
    closed: int
    median_first_response_hours: float | None
    median_resolution_hours: float | None


def inquiry_figures(start: datetime.date, end: datetime.date) -> PeriodFigures:
    """Counts and median office-hour response times of the inquiries received in the period
    (erased inquiries are counted too: their dates and status are kept)."""
    qs = list(Inquiry.objects.filter(received_at__date__gte=start, received_at__date__lte=end)
              .prefetch_related("status_changes"))  # fmt: skip
    times = [response_times(i) for i in qs]
    firsts = [t.first_response_hours for t in times if t.first_response_hours is not None]
    resolutions = [t.resolution_hours for t in times if t.resolution_hours is not None]
    return PeriodFigures(
        received=len(qs),
        answered=sum(1 for i in qs if i.first_response_at is not None),
        closed=sum(1 for i in qs if i.status == Inquiry.Status.CLOSED),
        median_first_response_hours=median(firsts) if firsts else None,
        median_resolution_hours=median(resolutions) if resolutions else None,
    )


def answer_templates() -> list[AnswerTemplate]:
    """The answer templates, those in use first, each with ``latest`` (its current version, or None);
    three queries whatever their number."""
    ordered = AnswerTemplateVersion.objects.order_by("-number").select_related("created_by__person")
    templates = list(
        AnswerTemplate.objects.prefetch_related(Prefetch("versions", ordered, to_attr="ordered_versions")).order_by(
            "-is_active", "name_es"
        )
    )
    for template in templates:
        template.latest = template.ordered_versions[0] if template.ordered_versions else None
    return templates


def template_versions(template: AnswerTemplate) -> QuerySet[AnswerTemplateVersion]:
    """A template's versions, newest first, with how many replies each one wrote."""
    return (
        template.versions.order_by("-number")
        .select_related("created_by__person")
        .annotate(reply_count=Count("replies"))
    )
