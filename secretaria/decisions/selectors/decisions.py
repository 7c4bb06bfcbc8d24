"""Reads of decisions and their progress. Progress is computed from the parties' statuses, never stored."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet

from secretaria.core import access
from secretaria.decisions.models import (
    Commitment,
    CommitmentParty,
    Decision,
    PartyStatus,
    ProgressNote,
    ProgressNoteFile,
    Theme,
)
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


def parties_prefetch() -> Prefetch:
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
