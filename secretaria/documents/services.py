"""Writes to documents. Views, the API, the import command and the demo all come through here.

Every write that changes what the search index holds ends with ``reindex_document`` (or
``unindex`` on delete), inside the same transaction, so the index never lags the content.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.core.access import AccessLevel
from secretaria.core.audit import audit_record
from secretaria.core.models import AuditEvent
from secretaria.documents.models import (
    Document,
    DocumentComment,
    DocumentFile,
    DocumentFileRevision,
    ExtractionState,
    Language,
)
from secretaria.documents.search import SEARCH_KIND, reindex_document
from secretaria.documents.selectors import may_comment
from secretaria.documents.tasks import queue_extraction
from secretaria.files.filetypes import FileType, UploadRefused, detect, expand_zip, is_zip_archive, sanitize_filename
from secretaria.files.storage import generated_name, private_storage
from secretaria.files.uploads import hash_and_size
from secretaria.outbox.services import outbox_emit
from secretaria.search import services as search_services

METADATA_FIELDS = {"symbol", "doc_type", "date", "title_es", "title_en", "summary_es", "summary_en", "author", "group"}


def _require_manager(by) -> None:
    # ``by=None`` is the system itself (import command, demo data); a person must be allowed.
    if by is not None and not access.can(by, "documents.manage"):
        raise PermissionDenied(_("Only the Technical Secretariat manages documents."))


def _check_access(access_level: str, access_group) -> None:
    if access_level not in AccessLevel.values:
        raise ValidationError({"access_level": _("Unknown access level.")})
    if access_level == AccessLevel.GROUP and access_group is None:
        raise ValidationError({"access_group": _("Choose the group whose members may read it.")})


@transaction.atomic
def document_create(
    *,
    by,
    symbol: str,
    date: datetime.date,
    doc_type: str = Document.Type.WORKING_DOCUMENT,
    title_es: str = "",
    title_en: str = "",
    summary_es: str = "",
    summary_en: str = "",
    topics: Iterable = (),
    author=None,
    group=None,
    access_level: str = AccessLevel.MEMBERS,
    access_group=None,
) -> Document:
    _require_manager(by)
    _check_access(access_level, access_group)
    document = Document(
        symbol=symbol.strip(),
        doc_type=doc_type,
        date=date,
        title_es=title_es.strip(),
        title_en=title_en.strip(),
        summary_es=summary_es.strip(),
        summary_en=summary_en.strip(),
        author=author,
        group=group,
        access_level=access_level,
        access_group=access_group if access_level == AccessLevel.GROUP else None,
        created_by=by,
    )
    document.full_clean()
    document.save()
    document.topics.set(list(topics))
    reindex_document(document)
    return document


@transaction.atomic
def document_update(*, document: Document, by, topics: Iterable | None = None, **fields) -> Document:
    _require_manager(by)
    unknown = set(fields) - METADATA_FIELDS
    if unknown:
        raise ValueError(f"not metadata fields: {sorted(unknown)}")
    new_symbol = (fields.get("symbol") or document.symbol).strip()
    if new_symbol != document.symbol and document.status != Document.Status.DRAFT:
        # The symbol is the permanent address of a published document: links to it must keep working.
        raise ValidationError({"symbol": _("The symbol of a published document cannot change.")})
    for name, value in fields.items():
        setattr(document, name, value.strip() if isinstance(value, str) else value)
    document.full_clean()
    document.save()
    if topics is not None:
        document.topics.set(list(topics))
    reindex_document(document)
    return document


@transaction.atomic
def document_set_access(*, document: Document, by, access_level: str, access_group=None, request=None) -> Document:
    _require_manager(by)
    _check_access(access_level, access_group)
    access_group = access_group if access_level == AccessLevel.GROUP else None
    before = (document.access_level, document.access_group_id)
    if before == (access_level, getattr(access_group, "pk", None)):
        return document
    document.access_level = access_level
    document.access_group = access_group
    document.full_clean()
    document.save(update_fields=["access_level", "access_group", "updated_at"])
    audit_record(
        kind=AuditEvent.Kind.ACCESS_CHANGED,
        actor=by,
        target=f"document {document.symbol}",
        request=request,
        before=f"{before[0]}" + (f" (group {before[1]})" if before[1] else ""),
        after=f"{access_level}" + (f" (group {access_group.pk})" if access_group else ""),
    )
    reindex_document(document)
    return document


# --- Files ----------------------------------------------------------------------------------
def _store(fileobj, filetype: FileType) -> str:
    fileobj.seek(0)
    return private_storage.save(generated_name(filetype.extensions[0]), File(fileobj))


def _delete_stored_on_commit(names: list[str]) -> None:
    def delete():
        for name in names:
            if name:
                private_storage.delete(name)

    transaction.on_commit(delete)


@transaction.atomic
def document_add_file(
    *, document: Document, by, fileobj, name: str, language: str, filetype: FileType | None = None
) -> DocumentFile:
    """Add the ``language`` version, or replace it (the earlier file is kept as a revision).

    Raises UploadRefused when the file is not accepted. Uploading the same bytes again
    changes nothing.
    """
    _require_manager(by)
    if language not in Language.values:
        raise ValidationError({"language": _("Unknown language: %(code)s.") % {"code": language}})
    original_name = sanitize_filename(name)
    sha256, size = hash_and_size(fileobj)
    filetype = filetype or detect(fileobj, original_name, size)
    existing = DocumentFile.objects.select_for_update().filter(document=document, language=language).first()
    if existing is not None and existing.sha256 == sha256:
        return existing
    stored = _store(fileobj, filetype)
    now = timezone.now()
    values = {
        "file": stored,
        "original_name": original_name,
        "file_type": filetype.code,
        "content_type": filetype.mime,
        "size": size,
        "sha256": sha256,
        "uploaded_at": now,
        "uploaded_by": by,
        "extraction_state": ExtractionState.PENDING if filetype.extractable else ExtractionState.NOT_EXTRACTABLE,
        "extraction_error": "" if filetype.extractable else _("Images and videos carry no text to extract."),
        "extracted_text": "",
        "extracted_at": None,
    }
    if existing is None:
        doc_file = DocumentFile.objects.create(document=document, language=language, **values)
    else:
        DocumentFileRevision.objects.create(
            document_file=existing,
            file=existing.file.name,
            original_name=existing.original_name,
            file_type=existing.file_type,
            content_type=existing.content_type,
            size=existing.size,
            sha256=existing.sha256,
            uploaded_at=existing.uploaded_at,
            uploaded_by=existing.uploaded_by,
            replaced_at=now,
            replaced_by=by,
        )
        for key, value in values.items():
            setattr(existing, key, value)
        existing.save()
        doc_file = existing
    Document.objects.filter(pk=document.pk).update(updated_at=now)
    if filetype.extractable:
        queue_extraction(doc_file)
    reindex_document(document)
    return doc_file


@dataclass
class UploadReport:
    added: list[DocumentFile] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (original name, reason)


_LANG_IN_NAME = re.compile(r"[\s_\-.(\[](es|en|fr|pt|esp|spa|eng|ing|fra|por)[)\]]?\.[A-Za-z0-9]+$", re.IGNORECASE)
_LANG_ALIASES = {"esp": "es", "spa": "es", "eng": "en", "ing": "en", "fra": "fr", "por": "pt"}


def language_from_name(name: str, default: str) -> str:
    """``Informe_EN.pdf`` → "en"; names without a language marker get ``default``."""
    match = _LANG_IN_NAME.search(name)
    if not match:
        return default
    code = match.group(1).lower()
    return _LANG_ALIASES.get(code, code)


def document_add_files(*, document: Document, by, files: Iterable[tuple], default_language: str = "es") -> UploadReport:
    """Add several files, each ``(fileobj, name, language)``; zips are opened and each member checked.

    Each accepted file is stored in its own transaction: one refused file does not undo
    the others. The report lists what was added and every refusal with its reason.
    """
    report = UploadReport()
    for fileobj, name, language in files:
        original = sanitize_filename(name)
        try:
            if _is_bulk_zip(fileobj, original):
                result = expand_zip(fileobj, original)
                report.refused.extend(result.refused)
                for member in result.accepted:
                    lang = language_from_name(member.name, language or default_language)
                    report.added.append(
                        document_add_file(
                            document=document,
                            by=by,
                            fileobj=io.BytesIO(member.content),
                            name=member.name,
                            language=lang,
                            filetype=member.filetype,
                        )
                    )
            else:
                report.added.append(
                    document_add_file(
                        document=document, by=by, fileobj=fileobj, name=original, language=language or default_language
                    )
                )
        except UploadRefused as exc:
            report.refused.append((original, str(exc)))
        except ValidationError as exc:
            report.refused.append((original, " ".join(exc.messages)))
    return report


def _is_bulk_zip(fileobj, name: str) -> bool:
    return name.lower().endswith(".zip") or is_zip_archive(fileobj)


def historical_moment(day: datetime.date) -> datetime.datetime:
    """Noon of a record's own date, for imports and the demo: a 2004 document reads 2004."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def document_backdate(*, document: Document) -> None:
    """Date an archive's document and its files by the document's date, not the day of the import.

    ``created_at`` is ``auto_now_add``, so it is set by an update after the rows exist."""
    moment = historical_moment(document.date)
    Document.objects.filter(pk=document.pk).update(created_at=moment)
    DocumentFile.objects.filter(document=document).update(uploaded_at=moment)


# --- Life cycle -------------------------------------------------------------------------------
@transaction.atomic
def document_publish(*, document: Document, by, at: datetime.datetime | None = None) -> Document:
    """Publish a draft: record who and when, announce it in the outbox, put it in the index.

    ``at`` is for imports and the demo: an archive's document was published on its own date,
    not on the day it was loaded."""
    _require_manager(by)
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status != Document.Status.DRAFT:
        raise ValidationError(
            _("Only a draft can be published; this document is %(status)s.") % {"status": document.get_status_display()}
        )
    if not document.files.exists():
        raise ValidationError(_("Add at least one language version before publishing."))
    document.status = Document.Status.PUBLISHED
    document.published_at = at or timezone.now()
    document.published_by = by
    document.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    outbox_emit(
        kind="document.published",
        payload={
            "document_id": document.pk,
            "symbol": document.symbol,
            "title_es": document.title_es,
            "title_en": document.title_en,
            "doc_type": document.doc_type,
            "access_level": document.access_level,
            "access_group_id": document.access_group_id,
            "languages": sorted(document.files.values_list("language", flat=True)),
            "published_at": document.published_at.isoformat(),
            "published_by": getattr(by, "pk", None),
        },
    )
    reindex_document(document)
    return document


@transaction.atomic
def document_withdraw(*, document: Document, by, note: str) -> Document:
    """Withdraw a published document; it stays reachable by its symbol, with the note."""
    _require_manager(by)
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status != Document.Status.PUBLISHED:
        raise ValidationError(_("Only a published document can be withdrawn."))
    if not (note or "").strip():
        raise ValidationError({"withdrawal_note": _("Say why the document is withdrawn; readers will see it.")})
    document.status = Document.Status.WITHDRAWN
    document.withdrawn_at = timezone.now()
    document.withdrawn_by = by
    document.withdrawal_note = note.strip()
    document.save(update_fields=["status", "withdrawn_at", "withdrawn_by", "withdrawal_note", "updated_at"])
    reindex_document(document)
    return document


@transaction.atomic
def document_delete(*, document: Document, by) -> None:
    """Delete a draft and its files. Published documents are withdrawn instead, for the record."""
    _require_manager(by)
    if document.status != Document.Status.DRAFT:
        raise ValidationError(_("A published document cannot be deleted; withdraw it instead."))
    names = list(document.files.values_list("file", flat=True))
    names += list(DocumentFileRevision.objects.filter(document_file__document=document).values_list("file", flat=True))
    pk = document.pk
    document.delete()
    _delete_stored_on_commit(names)
    search_services.unindex_object(SEARCH_KIND, pk)


# --- Comments (never indexed for search: they are working notes among the readers) ----------


def comment_add(*, document: Document, by, body: str) -> DocumentComment:
    if not may_comment(by, document):
        raise PermissionDenied(_("You cannot comment on this document."))
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write the comment.")})
    return DocumentComment.objects.create(document=document, author=by, body=body[:5000])


def comment_delete(*, comment: DocumentComment, by) -> None:
    """The author deletes their own comment; the Secretariat hides instead (for the record)."""
    if comment.author_id is None or comment.author_id != getattr(by, "pk", None):
        raise PermissionDenied(_("Only its author can delete a comment."))
    comment.delete()


def comment_hide(*, comment: DocumentComment, by) -> DocumentComment:
    _require_manager(by)
    if by is None:
        raise PermissionDenied
    comment.hidden_at, comment.hidden_by = timezone.now(), by
    comment.save(update_fields=["hidden_at", "hidden_by"])
    return comment
