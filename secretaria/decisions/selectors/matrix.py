"""The follow-up matrix of decisions by responsible party, and completion over time."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F
from django.utils import timezone

from secretaria.core import access
from secretaria.decisions.models import (
    CommitmentParty,
    Decision,
    PartyStatus,
    ProgressNote,
)
from secretaria.decisions.selectors.decisions import (
    Progress,
    combined_status,
    decisions_visible_to,
    parties_prefetch,
    progress_of,
)
from secretaria.directory.selectors import member_countries

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
    decisions = decisions_visible_to(user).prefetch_related(parties_prefetch())
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
