"""Decisions, commitments and the parties' progress in JSON, under /api/v1/decisions/.

Lists and details follow the access policy; each country's status is present only for
callers allowed to see country detail. A member-country official may update only their own
country's status (403 otherwise); the Secretariat may update any.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from secretaria.accounts.auth import require_user
from secretaria.core import access
from secretaria.core.openapi import Id, Page, Slug, mapped
from secretaria.decisions import selectors, services
from secretaria.decisions.models import CommitmentParty, Decision, PartyStatus
from secretaria.documents.selectors import document_by_symbol

router = Router(tags=["decisions"])


class PartyOut(Schema):
    id: int
    kind: CommitmentParty.Kind
    key: str = Field(description='ISO alpha-2 code of a country, "st", "ppt", "net-<slug>" or "org-<id>"')
    name: str
    status: PartyStatus
    status_changed_at: datetime.datetime | None


class CommitmentOut(Schema):
    id: int
    decision_id: Id
    description_es: str
    description_en: str
    due_date: datetime.date | None
    due_before_meeting: str | None = Field(None, description="Slug of the meeting it is due before")
    deadline: datetime.date | None
    parties: list[PartyOut]


class ProgressOut(Schema):
    done: int
    applicable: int
    percent: int | None


class DecisionOut(Schema):
    id: int
    meeting: str = Field(description="Slug of the meeting")
    number: int
    paragraph: str
    label: str
    text_es: str
    text_en: str
    theme: str | None = Field(None, description="Slug of the theme")
    kind: Decision.Kind
    access_level: access.AccessLevel
    supersedes: int | None
    superseded_by: list[int]
    progress: ProgressOut


class DecisionDetailOut(DecisionOut):
    commitments: list[CommitmentOut]


class PartyUpdateIn(Schema):
    status: PartyStatus | None = None
    note: str = ""
    evidence_url: str = Field("", max_length=500)
    evidence_documents: list[str] = Field(
        default_factory=list, max_length=50, description="Symbols of documents the caller may read"
    )
    on: datetime.date | None = None


class DecisionFilter(Schema):
    meeting: Slug | None = Field(None, description="Slug of a meeting")
    theme: Slug | None = Field(None, description="Slug of a theme")


class NoteOut(Schema):
    id: int
    party_id: Id
    occurred_on: datetime.date
    recorded_at: datetime.datetime
    by: str
    status_from: str
    status_to: str
    note: str
    evidence_url: str
    evidence_documents: list[str]


def _progress(progress) -> dict:
    return {"done": progress.done, "applicable": progress.applicable, "percent": progress.percent}


def _party_out(party) -> dict:
    return {
        "id": party.pk,
        "kind": party.kind,
        "key": party.key,
        "name": party.name,
        "status": party.status,
        "status_changed_at": party.status_changed_at,
    }


def _parties_shown(user, decision, commitment) -> list:
    detail = access.can(user, "decisions.view_country_detail", decision)
    return [p for p in commitment.parties.all() if detail or p.kind != CommitmentParty.Kind.COUNTRY]


def _commitment_out(user, decision, commitment) -> dict:
    return {
        "id": commitment.pk,
        "decision_id": decision.pk,
        "description_es": commitment.description_es,
        "description_en": commitment.description_en,
        "due_date": commitment.due_date,
        "due_before_meeting": commitment.due_before_meeting.slug if commitment.due_before_meeting_id else None,
        "deadline": commitment.deadline,
        "parties": [_party_out(p) for p in _parties_shown(user, decision, commitment)],
    }


def _decision_out(user, decision, *, detail=False) -> dict:
    # The overall progress counts every party, even those whose status the caller may not see.
    parties = [p for c in decision.commitments.all() for p in c.parties.all()]
    out = {
        "id": decision.pk,
        "meeting": decision.meeting.slug,
        "number": decision.number,
        "paragraph": decision.paragraph,
        "label": decision.label,
        "text_es": decision.text_es,
        "text_en": decision.text_en,
        "theme": decision.theme.slug if decision.theme_id else None,
        "kind": decision.kind,
        "access_level": decision.access_level,
        "supersedes": decision.supersedes_id if decision.supersedes else None,
        "superseded_by": [d.pk for d in decision.superseded_by.all()],
        "progress": _progress(selectors.progress_of(parties)),
    }
    if detail:
        out["commitments"] = [_commitment_out(user, decision, c) for c in decision.commitments.all()]
    return out


@router.get("", response=list[DecisionOut], summary="Decisions the caller may see")
@paginate(Page)
def list_decisions(request, filters: Query[DecisionFilter]):
    user = request.auth if request.auth is not None else request.user
    decisions = selectors.decisions_visible_to(user).prefetch_related(
        selectors.parties_prefetch(),
        Prefetch("superseded_by", queryset=Decision.objects.filter(access.visible_filter(user))),
    )
    if filters.meeting:
        decisions = decisions.filter(meeting__slug=filters.meeting)
    if filters.theme:
        decisions = decisions.filter(theme__slug=filters.theme)
    return mapped(decisions, lambda decision: _decision_out(user, decision))


@router.get("/{int:decision_id}", response=DecisionDetailOut, summary="One decision with its commitments")
def get_decision(request, decision_id: Id):
    user = request.auth if request.auth is not None else request.user
    decision = selectors.decision_for_page(decision_id, user)
    if decision is None:
        raise Http404
    return _decision_out(user, decision, detail=True)


@router.get("/commitments/{int:commitment_id}", response=CommitmentOut, summary="One commitment with its parties")
def get_commitment(request, commitment_id: Id):
    user = request.auth if request.auth is not None else request.user
    decision = selectors.decision_for_page(
        get_object_or_404(Decision.objects.filter(commitments__pk=commitment_id)).pk, user
    )
    if decision is None:
        raise Http404
    commitment = next(c for c in decision.commitments.all() if c.pk == commitment_id)
    return _commitment_out(user, decision, commitment)


@router.post(
    "/parties/{int:party_id}/status",
    response={201: NoteOut},
    summary="Record a party's progress (status change and/or note)",
    description="A member-country official may update only their own country; the Secretariat any party.",
)
def update_party(request, party_id: Id, payload: PartyUpdateIn):
    user = require_user(request)
    party = get_object_or_404(
        CommitmentParty.objects.select_related("commitment", "commitment__decision", "country"), pk=party_id
    )
    if not access.can(user, "decisions.view", party.commitment.decision):
        raise Http404
    if not access.can(user, "decisions.update_party", party):
        raise PermissionDenied("You may only update the commitments of your own country.")

    documents = []
    for symbol in payload.evidence_documents:
        document = document_by_symbol(user, symbol)
        if document is None:
            raise ValidationError({"evidence_documents": f"No document {symbol} is open to you."})
        documents.append(document)
    note = services.party_update(
        party=party,
        by=user,
        status=payload.status,
        text=payload.note,
        evidence_url=payload.evidence_url,
        evidence_documents=documents,
        on=payload.on,
        request=request,
    )
    return 201, {
        "id": note.pk,
        "party_id": party.pk,
        "occurred_on": note.occurred_on,
        "recorded_at": note.recorded_at,
        "by": note.author_name,
        "status_from": note.status_from,
        "status_to": note.status_to,
        "note": note.text,
        "evidence_url": note.evidence_url,
        "evidence_documents": [document.symbol for document in documents],
    }
