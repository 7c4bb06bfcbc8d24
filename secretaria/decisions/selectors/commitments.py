"""Reads of commitments' parties: deadlines, focal points, logs and a member's own open commitments."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from secretaria.core import access
from secretaria.decisions.models import (
    OPEN_STATUSES,
    CommitmentParty,
    Decision,
    ProgressNote,
)
from secretaria.decisions.selectors.decisions import evidence_visible_to
from secretaria.decisions.selectors.matrix import MatrixFilters
from secretaria.directory.models import Country, Post, Term
from secretaria.directory.selectors import member_countries, presidency_on

# --- Parties, deadlines and focal points --------------------------------------------------


def country_parties_for_meeting(meeting, country) -> QuerySet[CommitmentParty]:
    return (
        CommitmentParty.objects.filter(
            kind=CommitmentParty.Kind.COUNTRY, country=country, commitment__decision__meeting=meeting
        )
        .select_related(
            "commitment",
            "commitment__decision",
            "commitment__decision__meeting",
            "commitment__due_before_meeting",
            "country",
        )
        .order_by("commitment__decision__order", "commitment__order", "commitment_id")
    )


def countries_with_commitments(meeting) -> QuerySet[Country]:
    ids = CommitmentParty.objects.filter(
        kind=CommitmentParty.Kind.COUNTRY, commitment__decision__meeting=meeting
    ).values("country_id")
    return member_countries().filter(pk__in=ids)


def _deadline_between(start: datetime.date | None, end: datetime.date | None) -> Q:
    by_date = Q(commitment__due_date__isnull=False)
    by_meeting = Q(commitment__due_date__isnull=True, commitment__due_before_meeting__isnull=False)
    if start:
        by_date &= Q(commitment__due_date__gte=start)
        by_meeting &= Q(commitment__due_before_meeting__start_date__gte=start)
    if end:
        by_date &= Q(commitment__due_date__lte=end)
        by_meeting &= Q(commitment__due_before_meeting__start_date__lte=end)
    return by_date | by_meeting


def _open_parties() -> QuerySet[CommitmentParty]:
    return CommitmentParty.objects.filter(status__in=OPEN_STATUSES).select_related(
        "country",
        "group",
        "organization",
        "commitment",
        "commitment__due_before_meeting",
        "commitment__decision",
        "commitment__decision__meeting",
    )


def parties_due_between(start: datetime.date, end: datetime.date) -> QuerySet[CommitmentParty]:
    return _open_parties().filter(_deadline_between(start, end)).order_by("commitment__due_date", "pk")


def parties_overdue(on: datetime.date) -> QuerySet[CommitmentParty]:
    return (
        _open_parties()
        .filter(_deadline_between(None, on - datetime.timedelta(days=1)))
        .order_by("commitment__decision__meeting__start_date", "commitment__decision__order", "kind", "pk")
    )


def focal_point_emails(
    *, country=None, group=None, organization=None, ppt: bool = False, on: datetime.date | None = None
) -> list[str]:
    """E-mail addresses of the people holding a focal-point post of the country (or network,
    organisation, or the country holding the Pro-Tempore Presidency) on ``on`` (today)."""
    on = on or timezone.localdate()
    if ppt:
        term = presidency_on(on)
        country = term.country if term else None
        if country is None:
            return []
    posts = Post.objects.filter(is_focal_point=True)
    if country is not None:
        posts = posts.filter(country=country)
    elif group is not None:
        posts = posts.filter(group=group)
    elif organization is not None:
        posts = posts.filter(organization=organization)
    else:
        return []
    terms = Term.objects.filter(Q(end__isnull=True) | Q(end__gte=on), post__in=posts, start__lte=on).select_related(
        "person"
    )
    emails = []
    for term in terms.order_by("person__family_name"):
        if term.person.email and term.person.email not in emails:
            emails.append(term.person.email)
    return emails


def focal_point_emails_by_country(country_ids, *, on: datetime.date | None = None) -> dict[int, list[str]]:
    """``focal_point_emails`` for many countries in one query: country id → addresses."""
    on = on or timezone.localdate()
    terms = Term.objects.filter(
        Q(end__isnull=True) | Q(end__gte=on), post__is_focal_point=True, post__country_id__in=set(country_ids),
        start__lte=on,
    ).select_related("person", "post").order_by("person__family_name")  # fmt: skip
    by_country: dict[int, list[str]] = {pk: [] for pk in country_ids}
    for term in terms:
        emails = by_country.setdefault(term.post.country_id, [])
        if term.person.email and term.person.email not in emails:
            emails.append(term.person.email)
    return by_country


def focal_point_people(*, country, on: datetime.date | None = None) -> list:
    """The people holding a focal-point post of ``country`` on ``on`` (today), each once."""
    on = on or timezone.localdate()
    terms = Term.objects.filter(
        Q(end__isnull=True) | Q(end__gte=on), post__is_focal_point=True, post__country=country, start__lte=on
    ).select_related("person")
    people = []
    for term in terms.order_by("person__family_name"):
        if term.person not in people:
            people.append(term.person)
    return people


# --- Logs ---------------------------------------------------------------------------------


def log_entries_visible_to(user, filters: MatrixFilters | None = None) -> QuerySet[ProgressNote]:
    """Every progress note on decisions ``user`` may see, country parties only where allowed."""
    filters = filters or MatrixFilters()
    notes = ProgressNote.objects.filter(
        party__commitment__decision__in=Decision.objects.filter(access.visible_filter(user)).values("pk")
    )
    if not access.can_view(user, access.AccessLevel.MEMBERS):
        notes = notes.filter(
            ~Q(party__kind=CommitmentParty.Kind.COUNTRY) | Q(party__commitment__decision__country_detail_public=True)
        )
    if filters.meeting:
        notes = notes.filter(party__commitment__decision__meeting_id=filters.meeting)
    if filters.theme:
        notes = notes.filter(party__commitment__decision__theme_id=filters.theme)
    return (
        notes.prefetch_related(evidence_visible_to(user))
        .select_related(
            "party",
            "party__country",
            "party__group",
            "party__organization",
            "party__commitment",
            "party__commitment__decision",
            "party__commitment__decision__meeting",
            "author",
        )
        .order_by("occurred_on", "recorded_at", "pk")
    )


# --- The members' dashboard panel and a country's own commitments -------------------------------


def open_parties_for_user(user, limit: int = 5) -> list[CommitmentParty]:
    """Open commitments the user's country (or, for the ST, anyone) must act on, soonest first."""
    parties = _open_parties().filter(
        commitment__decision__in=Decision.objects.filter(access.visible_filter(user)).values("pk")
    )
    if not access.is_secretariat(user):
        if not user.country_id:
            return []
        mine = Q(kind=CommitmentParty.Kind.COUNTRY, country_id=user.country_id)
        if access.is_current_ppt(user):
            mine |= Q(kind=CommitmentParty.Kind.PPT)
        parties = parties.filter(mine)
    parties = parties.order_by("commitment__due_date", "commitment__due_before_meeting__start_date", "pk")
    return list(parties[:limit])
