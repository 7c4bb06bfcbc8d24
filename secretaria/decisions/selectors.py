"""Reads of the decisions app. Progress is computed here from the parties' statuses, never stored."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from secretaria.core import access
from secretaria.decisions.models import (
    OPEN_STATUSES,
    Commitment,
    CommitmentParty,
    Decision,
    FollowUpLetter,
    PartyStatus,
    ProgressNote,
    ProgressNoteFile,
    Theme,
)
from secretaria.directory.models import Country, Post, Term
from secretaria.directory.selectors import member_countries, presidency_on
from secretaria.documents.models import Document
from secretaria.meetings.models import Meeting

# --- Progress -----------------------------------------------------------------------------


@dataclass
class Progress:
    done: int = 0
    in_progress: int = 0
    pending: int = 0
    not_applicable: int = 0

    def add(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    @property
    def applicable(self) -> int:
        return self.done + self.in_progress + self.pending

    @property
    def percent(self) -> int | None:
        """Share of applicable parties that are done, rounded; None when nothing applies."""
        if not self.applicable:
            return None
        return round(100 * self.done / self.applicable)

    @property
    def open(self) -> int:
        return self.in_progress + self.pending


def progress_of(parties) -> Progress:
    progress = Progress()
    for party in parties:
        progress.add(party.status)
    return progress


def combined_status(statuses: list[str]) -> str | None:
    """One status for several parties of the same key (a country's parts of one decision)."""
    if not statuses:
        return None
    applicable = [s for s in statuses if s != PartyStatus.NOT_APPLICABLE]
    if not applicable:
        return PartyStatus.NOT_APPLICABLE
    if all(s == PartyStatus.DONE for s in applicable):
        return PartyStatus.DONE
    if any(s in (PartyStatus.DONE, PartyStatus.IN_PROGRESS) for s in applicable):
        return PartyStatus.IN_PROGRESS
    return PartyStatus.PENDING


# --- Decisions ----------------------------------------------------------------------------


def _parties_prefetch() -> Prefetch:
    return Prefetch(
        "commitments",
        queryset=Commitment.objects.select_related("due_before_meeting")
        .prefetch_related(
            Prefetch(
                "parties",
                queryset=CommitmentParty.objects.select_related("country", "group", "organization").order_by(
                    "kind", "country__name_es", "pk"
                ),
            )
        )
        .order_by("order", "pk"),
    )


def decisions_visible_to(user) -> QuerySet[Decision]:
    return (
        Decision.objects.filter(access.visible_filter(user))
        .select_related("meeting", "theme", "supersedes", "supersedes__meeting")
        .order_by("-meeting__start_date", "meeting_id", "order")
    )


def public_decisions() -> QuerySet[Decision]:
    return decisions_visible_to(AnonymousUser())


def evidence_visible_to(user) -> Prefetch:
    """Each note's evidence documents that ``user`` may read, as ``note.visible_evidence``."""

    documents = Document.objects.filter(access.visible_filter(user))
    if not access.can(user, "documents.manage"):
        documents = documents.exclude(status=Document.Status.DRAFT)
    return Prefetch("evidence_documents", queryset=documents.order_by("symbol"), to_attr="visible_evidence")


def evidence_files_visible_to(user) -> Prefetch:
    """Each note's uploaded files at a level ``user`` reaches, as ``note.visible_files`` (the page
    shows a note only to who may see it; the download asks the policy again)."""
    files = ProgressNoteFile.objects.filter(access_level__in=access.visible_levels(user)).order_by("pk")
    return Prefetch("files", queryset=files, to_attr="visible_files")


def evidence_file(pk: int) -> ProgressNoteFile | None:
    return (
        ProgressNoteFile.objects.select_related("note__party__commitment__decision", "note__party__country")
        .filter(pk=pk)
        .first()
    )


def decision_for_page(pk: int, user) -> Decision | None:
    notes = (
        ProgressNote.objects.select_related("author", "letter")
        .prefetch_related(evidence_visible_to(user), evidence_files_visible_to(user))
        .order_by("-occurred_on", "-recorded_at", "-pk")
    )
    parties = CommitmentParty.objects.select_related("country", "group", "organization").prefetch_related(
        Prefetch("notes", queryset=notes)
    )
    commitments = (
        Commitment.objects.select_related("due_before_meeting")
        .prefetch_related(Prefetch("parties", queryset=parties.order_by("kind", "country__name_es", "pk")))
        .order_by("order", "pk")
    )
    visible_later = Decision.objects.filter(access.visible_filter(user)).select_related("meeting")
    decision = (
        decisions_visible_to(user)
        .filter(pk=pk)
        .prefetch_related(
            Prefetch("commitments", queryset=commitments), Prefetch("superseded_by", queryset=visible_later)
        )
        .first()
    )
    if decision is not None and decision.supersedes_id and not access.can(user, "decisions.view", decision.supersedes):
        decision.supersedes = None
    return decision


def themes() -> QuerySet[Theme]:
    return Theme.objects.order_by("name_es")


def meetings_with_decisions(user):
    ids = decisions_visible_to(user).values("meeting_id")
    return Meeting.objects.filter(access.visible_filter(user), pk__in=ids).order_by("-start_date")


def restricted_decision_count(meeting, user) -> int:
    """How many of ``meeting``'s decisions ``user`` may not see, so a list can say it is not complete."""
    return Decision.objects.filter(meeting=meeting).exclude(access.visible_filter(user)).count()


def meeting_for_accountability(slug: str):
    """A meeting the public may see, for its accountability page (None otherwise)."""

    return Meeting.objects.filter(access.visible_filter(AnonymousUser()), slug=slug).first()


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


def letters_for_meeting(meeting) -> QuerySet[FollowUpLetter]:
    return (
        FollowUpLetter.objects.filter(meeting=meeting)
        .select_related("country", "created_by")
        .order_by("-letter_date", "country__name_es", "-pk")
    )


# --- The matrix ---------------------------------------------------------------------------


@dataclass
class Column:
    key: str
    abbr: str
    name: str
    progress: Progress = field(default_factory=Progress)


@dataclass
class Row:
    decision: Decision
    cells: list[str | None]
    progress: Progress
    party_ids: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class Matrix:
    columns: list[Column]
    rows: list[Row]
    total: Progress
    chart: list[tuple[datetime.date, int, int]]
    show_countries: bool


@dataclass
class MatrixFilters:
    meeting: int | None = None
    theme: int | None = None
    status: str | None = None
    party: str | None = None


def _party_columns(parties: list[CommitmentParty], show_countries: bool) -> list[Column]:
    columns: dict[str, Column] = {}
    if show_countries:
        for country in member_countries():
            columns[country.iso2] = Column(country.iso2, country.iso2, country.name)
    extra: dict[str, Column] = {}
    for party in parties:
        key = party.key
        if key in columns or key in extra:
            continue
        if party.kind == CommitmentParty.Kind.COUNTRY:
            extra[key] = Column(key, party.country.iso2, party.country.name)
        elif party.kind == CommitmentParty.Kind.SECRETARIAT:
            extra[key] = Column(key, "ST", party.name)
        elif party.kind == CommitmentParty.Kind.PPT:
            extra[key] = Column(key, "PPT", party.name)
        elif party.kind == CommitmentParty.Kind.NETWORK:
            extra[key] = Column(key, party.group.acronym or party.group.slug.upper()[:8], party.name)
        else:
            extra[key] = Column(key, party.organization.acronym or party.organization.name[:8], party.organization.name)
    order = {"st": 0, "ppt": 1}
    return list(columns.values()) + sorted(extra.values(), key=lambda c: (order.get(c.key, 2), c.abbr))


def decision_matrix(user, filters: MatrixFilters | None = None) -> Matrix:
    """Decisions (rows) × responsible parties (columns) with statuses, progress and a history.

    Country columns appear for those who may see country detail (members and the
    Secretariat); a decision whose country detail is public shows them to everyone.
    Constant number of queries whatever the number of decisions.
    """
    filters = filters or MatrixFilters()
    decisions = decisions_visible_to(user).prefetch_related(_parties_prefetch())
    if filters.meeting:
        decisions = decisions.filter(meeting_id=filters.meeting)
    if filters.theme:
        decisions = decisions.filter(theme_id=filters.theme)
    decisions = list(decisions)
    show_countries = access.can_view(user, access.AccessLevel.MEMBERS)

    def party_shown(decision, party) -> bool:
        return party.kind != CommitmentParty.Kind.COUNTRY or show_countries or decision.country_detail_public

    rows: list[Row] = []
    all_parties: list[CommitmentParty] = []  # shown in columns
    counted: list[CommitmentParty] = []  # in the overall progress, shown or not
    for decision in decisions:
        everyone = [p for c in decision.commitments.all() for p in c.parties.all()]
        parties = [p for p in everyone if party_shown(decision, p)]
        if filters.party:
            parties_for_filter = [p for p in parties if p.key == filters.party]
            if not parties_for_filter:
                continue
        else:
            parties_for_filter = parties
        if filters.status and not any(p.status == filters.status for p in parties_for_filter):
            continue
        rows.append(Row(decision=decision, cells=[], progress=progress_of(everyone)))
        all_parties.extend(parties)
        counted.extend(everyone)
    columns = _party_columns(all_parties, show_countries)
    index = {column.key: i for i, column in enumerate(columns)}
    by_row_key: dict[tuple[int, str], list[str]] = defaultdict(list)
    party_ids: dict[tuple[int, str], list[int]] = defaultdict(list)
    for party in all_parties:
        decision_id = party.commitment.decision_id
        by_row_key[(decision_id, party.key)].append(party.status)
        party_ids[(decision_id, party.key)].append(party.pk)
        if party.key in index:
            columns[index[party.key]].progress.add(party.status)
    for row in rows:
        row.cells = [combined_status(by_row_key.get((row.decision.pk, column.key), [])) for column in columns]
        row.party_ids = {column.key: party_ids.get((row.decision.pk, column.key), []) for column in columns}
    return Matrix(
        columns=columns,
        rows=rows,
        total=progress_of(counted),
        chart=completion_over_time([p.pk for p in counted], counted),
        show_countries=show_countries,
    )


def completion_over_time(party_ids: list[int], parties: list[CommitmentParty]) -> list[tuple[datetime.date, int, int]]:
    """(date, parties done, parties applicable) after each day on which a status changed.

    Replays the logged status changes, so it is derived from the log, not typed.
    """
    if not parties:
        return []
    changes = (
        ProgressNote.objects.filter(party_id__in=party_ids)
        .exclude(status_to="")
        .exclude(status_to=F("status_from"))
        .order_by("occurred_on", "recorded_at", "pk")
        .values_list("party_id", "occurred_on", "status_from", "status_to")
    )
    changes = list(changes)
    # Start from each party's status before its first logged change (pending if never logged).
    state: dict[int, str] = {}
    for party in parties:
        state[party.pk] = PartyStatus.PENDING
    first_seen: set[int] = set()
    for party_id, _on, status_from, _to in changes:
        if party_id not in first_seen:
            first_seen.add(party_id)
            state[party_id] = status_from or PartyStatus.PENDING
    for party in parties:
        if party.pk not in first_seen:
            state[party.pk] = party.status

    def snapshot() -> tuple[int, int]:
        done = sum(1 for s in state.values() if s == PartyStatus.DONE)
        applicable = sum(1 for s in state.values() if s != PartyStatus.NOT_APPLICABLE)
        return done, applicable

    start = min(p.commitment.decision.meeting.start_date for p in parties)
    series: list[tuple[datetime.date, int, int]] = [(start, *snapshot())]
    for party_id, on, _from, status_to in changes:
        state[party_id] = status_to
        point = (on, *snapshot())
        if series and series[-1][0] == on:
            series[-1] = point
        else:
            series.append(point)
    # Carry the line on to today while the follow-up is current; a conference of years ago
    # ends at its last change, or its chart would be a flat line across the years since.
    today = timezone.localdate()
    if series[-1][0] < today and (today - start).days <= 2 * 365:
        series.append((today, *snapshot()))
    return series


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
