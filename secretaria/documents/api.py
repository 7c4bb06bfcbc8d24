"""The documents API under /api/v1/documents/: read what you may, write if you are the Secretariat."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile

from secretaria.accounts.auth import require_user
from secretaria.core.access import AccessLevel
from secretaria.core.openapi import Id, Offset, Slug, Year
from secretaria.directory.models import Group, Organization
from secretaria.documents import selectors, services
from secretaria.documents.models import Document, Language, Topic
from secretaria.documents.selectors import DocumentFilters
from secretaria.files.serving import file_response

router = Router(tags=["documents"])


class FileOut(Schema):
    id: int
    language: str
    original_name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime.datetime
    extraction_state: str
    extraction_error: str
    download_url: str


class DocumentOut(Schema):
    id: int
    symbol: str
    doc_type: str
    date: datetime.date
    title_es: str
    title_en: str
    summary_es: str
    summary_en: str
    topics: list[str] = Field(description="Topic short names")
    author_id: int | None
    group: str | None = Field(description="Group short name")
    access_level: str
    access_group: str | None
    status: str
    published_at: datetime.datetime | None
    withdrawn_at: datetime.datetime | None
    withdrawal_note: str
    url: str
    files: list[FileOut]


class DocumentPage(Schema):
    count: int
    results: list[DocumentOut]


class RefusedFile(Schema):
    name: str
    reason: str


class UploadOut(Schema):
    document: DocumentOut
    refused: list[RefusedFile]


class ErrorOut(Schema):
    detail: str


class DocumentFilter(Schema):
    type: Document.Type | None = None
    year: Year | None = None
    group: Slug | None = Field(None, description="Group short name")
    topic: Slug | None = Field(None, description="Topic short name")
    status: Document.Status | None = None
    language: Language | None = None
    limit: int = Field(50, ge=1, le=200)
    offset: Offset = 0


class DocumentIn(Schema):
    symbol: str = Field(max_length=80, description="e.g. CRM/ST/2004/12")
    doc_type: Document.Type = Document.Type.WORKING_DOCUMENT
    date: datetime.date
    title_es: str = Field("", max_length=500)
    title_en: str = Field("", max_length=500)
    summary_es: str = ""
    summary_en: str = ""
    topics: str = Field("", max_length=2000, description="Topic short names, comma-separated")
    author_id: Id | None = Field(None, description="Id of the author organisation")
    group: Slug | None = Field(None, description="Group short name")
    access_level: AccessLevel = AccessLevel.MEMBERS
    access_group: Slug | None = Field(None, description='Group short name, for the level "group"')
    languages: str = Field(
        "", max_length=200, description="Language of each uploaded file, comma-separated, in order (es,en…)"
    )


class DocumentPatch(Schema):
    """Only the fields sent change. Fields that always have a value cannot be set to null;
    ``author_id`` and ``group`` can (no author organisation, no group)."""

    symbol: str = Field(None, max_length=80)
    doc_type: Document.Type = None
    date: datetime.date = None
    title_es: str = Field(None, max_length=500)
    title_en: str = Field(None, max_length=500)
    summary_es: str = None
    summary_en: str = None
    topics: list[Slug] = Field(None, max_length=100, description="Topic short names; [] removes them all")
    author_id: Id | None = None
    group: Slug | None = None


class FilesIn(Schema):
    languages: str = Field("", max_length=200, description="Language of each uploaded file, comma-separated, in order")


class WithdrawIn(Schema):
    note: str = Field(max_length=5000)


class AccessIn(Schema):
    access_level: AccessLevel
    access_group: Slug | None = None


def _out(request, document: Document) -> dict:
    files = document.files.all()
    return {
        "id": document.pk,
        "symbol": document.symbol,
        "doc_type": document.doc_type,
        "date": document.date,
        "title_es": document.title_es,
        "title_en": document.title_en,
        "summary_es": document.summary_es,
        "summary_en": document.summary_en,
        "topics": [t.slug for t in document.topics.all()],
        "author_id": document.author_id,
        "group": document.group.slug if document.group_id else None,
        "access_level": document.access_level,
        "access_group": document.access_group.slug if document.access_group_id else None,
        "status": document.status,
        "published_at": document.published_at,
        "withdrawn_at": document.withdrawn_at,
        "withdrawal_note": document.withdrawal_note,
        "url": request.build_absolute_uri(document.get_absolute_url()),
        "files": [
            {
                "id": f.pk,
                "language": f.language,
                "original_name": f.original_name,
                "content_type": f.content_type,
                "size": f.size,
                "sha256": f.sha256,
                "uploaded_at": f.uploaded_at,
                "extraction_state": f.extraction_state,
                "extraction_error": f.extraction_error,
                "download_url": request.build_absolute_uri(
                    reverse("api:document_download", kwargs={"document_id": document.pk, "language": f.language})
                ),
            }
            for f in files
        ],
    }


def _visible(request, document_id: int) -> Document:
    document = selectors.documents_visible_to(request.auth).filter(pk=document_id).first()
    if document is None:
        raise Http404
    return document


def _manager(request):
    user = require_user(request)
    if not selectors.can_manage(user):
        raise PermissionDenied(_("Only the Technical Secretariat manages documents."))
    return user


def _group(slug: str | None, field: str):
    if not slug:
        return None
    group = Group.objects.filter(slug=slug).first()
    if group is None:
        raise ValidationError({field: _("Unknown group: %(slug)s.") % {"slug": slug}})
    return group


def _author(author_id: int | None):
    if author_id is None:
        return None
    author = Organization.objects.filter(pk=author_id).first()
    if author is None:
        raise ValidationError({"author_id": _("Unknown organisation.")})
    return author


def _topics(slugs) -> list[Topic]:
    slugs = [s.strip() for s in slugs if s.strip()]
    found = list(Topic.objects.filter(slug__in=slugs))
    missing = set(slugs) - {t.slug for t in found}
    if missing:
        raise ValidationError({"topics": _("Unknown topics: %(slugs)s.") % {"slugs": ", ".join(sorted(missing))}})
    return found


def _file_items(files, languages: str):
    codes = [c.strip() for c in languages.split(",") if c.strip()]
    for code in codes:
        if code not in Language.values:
            raise ValidationError({"languages": _("Unknown language: %(code)s.") % {"code": code}})
    return [(f, f.name, codes[i] if i < len(codes) else Language.SPANISH) for i, f in enumerate(files or [])]


def _reload(document: Document) -> Document:
    return (
        Document.objects.select_related("group", "access_group").prefetch_related("topics", "files").get(pk=document.pk)
    )


@router.get("", response=DocumentPage, summary="Documents you may read")
def list_documents(request, filters: Query[DocumentFilter]):
    qs = selectors.filter_documents(
        selectors.documents_visible_to(request.auth),
        DocumentFilters(
            doc_type=filters.type or "",
            year=filters.year,
            group=filters.group or "",
            topic=filters.topic or "",
            status=filters.status or "",
            language=filters.language or "",
        ),
    )
    return {
        "count": qs.count(),
        "results": [_out(request, d) for d in qs[filters.offset : filters.offset + filters.limit]],
    }


@router.get("/{int:document_id}", response={200: DocumentOut, 404: ErrorOut}, summary="One document")
def get_document(request, document_id: Id):
    return _out(request, _visible(request, document_id))


@router.post(
    "",
    response={201: UploadOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    summary="Create a draft, with files (multipart)",
)
def create_document(request, data: Form[DocumentIn], files: File[list[UploadedFile]] = None):
    user = _manager(request)
    items = _file_items(files, data.languages)
    document = services.document_create(
        by=user,
        symbol=data.symbol,
        doc_type=data.doc_type,
        date=data.date,
        title_es=data.title_es,
        title_en=data.title_en,
        summary_es=data.summary_es,
        summary_en=data.summary_en,
        topics=_topics(data.topics.split(",")),
        author=_author(data.author_id),
        group=_group(data.group, "group"),
        access_level=data.access_level,
        access_group=_group(data.access_group, "access_group"),
    )
    report = services.document_add_files(document=document, by=user, files=items)
    return 201, {
        "document": _out(request, _reload(document)),
        "refused": [{"name": n, "reason": r} for n, r in report.refused],
    }


@router.patch("/{int:document_id}", response={200: DocumentOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def update_document(request, document_id: Id, data: DocumentPatch):
    user = _manager(request)
    document = get_object_or_404(Document, pk=document_id)
    changes = data.dict(exclude_unset=True)
    topics = _topics(changes.pop("topics")) if "topics" in changes else None
    if "author_id" in changes:
        changes["author"] = _author(changes.pop("author_id"))
    if "group" in changes:
        changes["group"] = _group(changes["group"], "group")
    services.document_update(document=document, by=user, topics=topics, **changes)
    return _out(request, _reload(document))


@router.post(
    "/{int:document_id}/files",
    response={200: UploadOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Add or replace language versions (multipart); zips are opened",
)
def add_files(request, document_id: Id, data: Form[FilesIn], files: File[list[UploadedFile]]):
    user = _manager(request)
    document = get_object_or_404(Document, pk=document_id)
    report = services.document_add_files(document=document, by=user, files=_file_items(files, data.languages))
    return {
        "document": _out(request, _reload(document)),
        "refused": [{"name": n, "reason": r} for n, r in report.refused],
    }


@router.post("/{int:document_id}/publish", response={200: DocumentOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def publish_document(request, document_id: Id):
    user = _manager(request)
    document = services.document_publish(document=get_object_or_404(Document, pk=document_id), by=user)
    return _out(request, _reload(document))


@router.post("/{int:document_id}/withdraw", response={200: DocumentOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def withdraw_document(request, document_id: Id, data: WithdrawIn):
    user = _manager(request)
    document = services.document_withdraw(document=get_object_or_404(Document, pk=document_id), by=user, note=data.note)
    return _out(request, _reload(document))


@router.put("/{int:document_id}/access", response={200: DocumentOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def set_access(request, document_id: Id, data: AccessIn):
    user = _manager(request)
    document = services.document_set_access(
        document=get_object_or_404(Document, pk=document_id),
        by=user,
        access_level=data.access_level,
        access_group=_group(data.access_group, "access_group"),
        request=request,
    )
    return _out(request, _reload(document))


@router.delete("/{int:document_id}", response={204: None, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def delete_document(request, document_id: Id):
    user = _manager(request)
    services.document_delete(document=get_object_or_404(Document, pk=document_id), by=user)
    return 204, None


@router.get(
    "/{int:document_id}/files/{language}",
    url_name="document_download",
    summary="Download a language version (Range supported)",
    response={200: None, 206: None, 404: ErrorOut, 416: None},
)
def download(request, document_id: Id, language: Language):
    document = _visible(request, document_id)
    doc_file = next((f for f in document.files.all() if f.language == language), None)
    if doc_file is None:
        raise Http404
    return file_response(
        request,
        file=doc_file.file,
        size=doc_file.size,
        content_type=doc_file.content_type,
        filename=doc_file.original_name,
        etag=doc_file.sha256,
        last_modified=doc_file.uploaded_at,
        force_download=True,
    )
