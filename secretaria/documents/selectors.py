"""Reads of documents, access filtering done inside the query."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from secretaria.core import access
from secretaria.core.access import AccessLevel
from secretaria.directory.models import Group
from secretaria.documents.models import Document, DocumentComment, DocumentFile, DocumentFileRevision, Topic

# Listing pages never need the extracted text; it can be megabytes per file.
_FILES_LIGHT = DocumentFile.objects.defer("extracted_text").order_by("language")


def can_manage(user) -> bool:
    return access.can(user, "documents.manage")


def _base() -> QuerySet[Document]:
    return Document.objects.select_related("author", "author__country", "group", "access_group").prefetch_related(
        "topics", Prefetch("files", queryset=_FILES_LIGHT)
    )


def documents_visible_to(user) -> QuerySet[Document]:
    """Everything ``user`` may read: drafts only for the Secretariat, the rest by access level."""
    qs = _base()
    if can_manage(user):
        return qs
    return qs.exclude(status=Document.Status.DRAFT).filter(access.visible_filter(user))


def public_documents() -> QuerySet[Document]:
    """Published documents anyone may read: the portal's list, the feed and the sitemap."""
    return _base().filter(status=Document.Status.PUBLISHED, access_level=AccessLevel.PUBLIC)


@dataclass
class DocumentFilters:
    doc_type: str = ""
    year: int | None = None
    group: str = ""  # group slug
    topic: str = ""  # topic slug
    status: str = ""
    language: str = ""


def filter_documents(qs: QuerySet[Document], filters: DocumentFilters) -> QuerySet[Document]:
    if filters.doc_type:
        qs = qs.filter(doc_type=filters.doc_type)
    if filters.year:
        qs = qs.filter(date__year=filters.year)
    if filters.group:
        qs = qs.filter(group__slug=filters.group)
    if filters.topic:
        qs = qs.filter(topics__slug=filters.topic)
    # A withdrawn document leaves the lists (docs/user): listed only when asked for by status.
    status = Q(status=filters.status) if filters.status else ~Q(status=Document.Status.WITHDRAWN)
    qs = qs.filter(status)
    if filters.language:
        qs = qs.filter(files__language=filters.language)
    if filters.topic or filters.language:
        qs = qs.distinct()
    return qs.order_by("-date", "-id")


def filter_options(qs: QuerySet[Document]) -> dict:
    """Years, groups and topics present in ``qs`` (the documents the viewer may read)."""

    ids = qs.values("pk")
    return {
        "types": Document.Type.choices,
        "years": sorted({d.year for d in qs.order_by().values_list("date", flat=True).distinct()}, reverse=True),
        "groups": list(Group.objects.filter(documents__in=ids).distinct().order_by("name_es")),
        "topics": list(Topic.objects.filter(documents__in=ids).distinct().order_by("name_es")),
    }


def document_by_symbol(user, symbol: str) -> Document | None:
    """The document if ``user`` may read it, else None (drafts: the Secretariat only)."""
    return documents_visible_to(user).filter(symbol=symbol).first()


def document_revisions(document: Document) -> QuerySet[DocumentFileRevision]:
    return (
        DocumentFileRevision.objects.filter(document_file__document=document)
        .select_related("document_file", "uploaded_by", "replaced_by")
        .order_by("document_file__language", "-replaced_at")
    )


def file_for_download(user, file_id: int) -> DocumentFile | None:
    """The language version if ``user`` may read its document (access asked on every download)."""
    visible = documents_visible_to(user).values("pk")
    return (
        DocumentFile.objects.defer("extracted_text")
        .filter(pk=file_id, document__in=visible)
        .select_related("document")
        .first()
    )


def revision_for_download(user, revision_id: int) -> DocumentFileRevision | None:
    """Earlier revisions are for the Secretariat only."""
    if not can_manage(user):
        return None
    return DocumentFileRevision.objects.filter(pk=revision_id).select_related("document_file__document").first()


# What a short list of documents shows (title, symbol, date, link): no author, topics or files.
_LIST_FIELDS = ("id", "symbol", "date", "title_es", "title_en", "status", "published_at", "updated_at")


def _light(qs: QuerySet[Document]) -> QuerySet[Document]:
    return qs.select_related(None).prefetch_related(None).only(*_LIST_FIELDS)


def recent_documents_for(user, limit: int = 5) -> QuerySet[Document]:
    """The latest published documents ``user`` may read, for short lists (the dashboard)."""
    published = documents_visible_to(user).filter(status=Document.Status.PUBLISHED)
    return _light(published).order_by("-published_at", "-id")[:limit]


def recent_drafts(user, limit: int = 5) -> QuerySet[Document]:
    """The drafts last changed, for the Secretariat's short list (nothing for anyone else)."""
    if not can_manage(user):
        return Document.objects.none()
    return _light(documents_visible_to(user).filter(status=Document.Status.DRAFT)).order_by("-updated_at")[:limit]


def topics() -> QuerySet[Topic]:
    return Topic.objects.order_by("name_es")


def document_meeting_links(user, document: Document):
    """The meetings ``document`` belongs to (its links, with their role) that ``user`` may see.

    Through the reverse accessor ``meeting_links`` (the meetings app links documents to meetings);
    the documents app does not import the meetings app.
    """
    return (
        document.meeting_links.filter(access.visible_filter(user, "meeting__access_level", "meeting__access_group"))
        .select_related("meeting")
        .order_by("-meeting__start_date", "meeting__pk")
    )


def may_comment(user, document: Document) -> bool:
    """Comments are for signed-in readers of a restricted document; a public one has none."""
    if not getattr(user, "is_authenticated", False) or document.access_level == AccessLevel.PUBLIC:
        return False
    if document.status == Document.Status.DRAFT:
        return can_manage(user)
    return access.can_view(user, document.access_level, document.access_group_id)


def commentable_document(user, pk: int) -> Document | None:
    """The document if ``user`` may read and comment on it, else None."""
    document = documents_visible_to(user).filter(pk=pk).first()
    return document if document is not None and may_comment(user, document) else None


def document_comments(user, document: Document) -> list[DocumentComment]:
    """The comments ``user`` may read: none unless they may comment; hidden ones for the Secretariat."""
    if not may_comment(user, document):
        return []
    qs = document.comments.select_related("author", "author__person", "hidden_by")
    return list(qs if can_manage(user) else qs.filter(hidden_at__isnull=True))


def comment_for(user, pk: int) -> DocumentComment | None:
    """A comment whose document ``user`` may comment on (hidden ones: the Secretariat only)."""
    comment = DocumentComment.objects.select_related("document").filter(pk=pk).first()
    if comment is None or commentable_document(user, comment.document_id) is None:
        return None
    return None if comment.hidden_at and not can_manage(user) else comment
