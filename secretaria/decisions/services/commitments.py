"""Writes of commitments, their responsible parties and the parties' progress (with evidence files)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from secretaria.core import access
from secretaria.core.access import DEFAULT_NEW_LEVEL, AccessLevel
from secretaria.core.audit import audit_record
from secretaria.decisions.models import (
    Commitment,
    CommitmentParty,
    Decision,
    PartyStatus,
    ProgressNote,
    ProgressNoteFile,
)
from secretaria.decisions.sending import author_name
from secretaria.decisions.services.decisions import _require
from secretaria.files.uploads import CheckedUpload, check_uploads, store_upload

# --- Commitments and parties ---------------------------------------------------------------


def commitment_create(
    *,
    decision: Decision,
    by,
    description_es: str = "",
    description_en: str = "",
    due_date: datetime.date | None = None,
    due_before_meeting=None,
    parties: list[dict] | None = None,
) -> Commitment:
    """``parties``: dicts such as ``{"kind": "country", "country": gt}`` or ``{"kind": "secretariat"}``."""
    _require(by, "decisions.manage")
    if not (description_es or description_en):
        raise ValidationError({"description_es": _("Describe the commitment in at least one language.")})
    commitment = Commitment(
        decision=decision,
        description_es=description_es.strip(),
        description_en=description_en.strip(),
        due_date=due_date,
        due_before_meeting=due_before_meeting,
        order=decision.commitments.count() + 1,
    )
    commitment.full_clean()
    commitment.save()
    for spec in parties or []:
        party_add(commitment=commitment, by=by, **spec)
    audit_record(kind="commitment_created", actor=by, target=f"decisions.commitment:{commitment.pk}")
    return commitment


def party_add(*, commitment: Commitment, by, kind: str, country=None, group=None, organization=None) -> CommitmentParty:
    _require(by, "decisions.manage")
    party = CommitmentParty(commitment=commitment, kind=kind, country=country, group=group, organization=organization)
    party.full_clean()
    party.save()
    return party


MAX_EVIDENCE_FILES = 5


def check_evidence_files(files: Iterable[tuple]) -> list[CheckedUpload]:
    """Each upload checked (content sniffing, size, dangerous types), or UploadRefused for the
    first refused: the same checks as the library's files."""
    return check_uploads(
        files,
        max_files=MAX_EVIDENCE_FILES,
        field="evidence_files",
        too_many=gettext_noop("At most %(max)s files may be attached to one note."),
    )


def _store_evidence_files(note: ProgressNote, checked: list[CheckedUpload], *, level: str, by) -> None:
    for upload in checked:
        ProgressNoteFile.objects.create(
            note=note,
            file=store_upload(upload, "decisions"),
            access_level=level,
            uploaded_by=by if getattr(by, "is_authenticated", False) else None,
            **upload.fields(),
        )


def party_update(
    *,
    party: CommitmentParty,
    by,
    status: str | None = None,
    text: str = "",
    evidence_url: str = "",
    evidence_documents: list | None = None,
    evidence_files: Iterable[tuple] = (),
    evidence_files_level: str = DEFAULT_NEW_LEVEL,
    on: datetime.date | None = None,
    request=None,
) -> ProgressNote:
    """A status change and/or a note on one party's commitment, logged with who and when.

    ``evidence_documents`` are documents.Document rows the author may read (checked here).
    ``evidence_files`` are (fileobj, name) uploads, a national report say: each goes through the
    documents app's hostile-upload checks before anything is written (UploadRefused says why),
    and is readable at ``evidence_files_level`` by those who see the note.
    """
    _require(by, "decisions.update_party", party)
    status = status or party.status
    if status not in PartyStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    text = (text or "").strip()
    evidence_documents = list(evidence_documents or [])
    for document in evidence_documents:
        if not access.can_view(by, document.access_level, document.access_group_id) or document.is_draft:
            raise ValidationError({"evidence_documents": _("You cannot cite a document you may not read.")})
    if evidence_files_level not in AccessLevel.values or evidence_files_level == AccessLevel.GROUP:
        raise ValidationError({"evidence_files_level": _("Choose who may read the files from the list.")})
    checked = check_evidence_files(evidence_files)
    if status == party.status and not text and not evidence_url and not evidence_documents and not checked:
        raise ValidationError(_("Change the status or write a note."))
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date cannot be in the future.")})
    note = ProgressNote(
        party=party,
        kind=ProgressNote.Kind.UPDATE,
        occurred_on=on,
        author=by,
        author_name=author_name(by),
        status_from=party.status,
        status_to=status,
        text=text,
        evidence_url=evidence_url,
    )
    note.full_clean()
    with transaction.atomic():
        note.save()
        if evidence_documents:
            note.evidence_documents.set(evidence_documents)
        _store_evidence_files(note, checked, level=evidence_files_level, by=by)
        if status != party.status:
            party.status = status
            party.status_changed_at = timezone.now()
            party.save(update_fields=["status", "status_changed_at"])
            audit_record(
                kind="commitment_status_changed",
                actor=by,
                request=request,
                target=f"decisions.commitmentparty:{party.pk} {party.name_in('en')}",
                old=note.status_from,
                new=status,
            )
    return note
