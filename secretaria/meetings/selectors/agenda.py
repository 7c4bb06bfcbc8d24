"""Reading agendas: which versions a user sees, the published programme, the PPT's queue."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from secretaria.core import access
from secretaria.directory.models import Person
from secretaria.directory.selectors import presidency_on
from secretaria.documents.models import Document, DocumentFile
from secretaria.documents.selectors import documents_visible_to
from secretaria.meetings.models import AgendaComment, AgendaItem, AgendaVersion, Meeting, MeetingDocument


def _items(user) -> Prefetch:
    """Items with their people, and the linked documents ``user`` may read (``visible_documents``)."""

    documents = Document.objects.filter(pk__in=documents_visible_to(user).values("pk")).order_by("symbol")
    return Prefetch(
        "items",
        queryset=AgendaItem.objects.prefetch_related(
            "speakers__organization",
            "moderators__organization",
            Prefetch("documents", queryset=documents, to_attr="visible_documents"),
        ),
    )


def agenda_versions_visible_to(meeting: Meeting, user) -> list[AgendaVersion]:
    versions = list(
        meeting.agenda_versions.select_related(
            "created_by", "submitted_by", "decided_by", "comments_opened_by"
        ).order_by("created_at", "pk")  # oldest first: the comparison offers older → newer
    )
    for version in versions:
        version.meeting = meeting
    return [v for v in versions if access.can(user, "meetings.agenda.view_version", v)]


def published_agenda(meeting: Meeting, user=None) -> AgendaVersion | None:
    """The programme shown on the meeting's page: the latest approved annotated agenda, else
    the latest approved preliminary one, with its items as ``user`` may see them."""
    return published_agenda_version(meeting, prefetch=_items(user))


def published_agenda_version(meeting: Meeting, *, prefetch: Prefetch | None = None) -> AgendaVersion | None:
    """The version ``published_agenda`` shows, without its items unless ``prefetch`` is given
    (the meeting's page reads them with ``agenda_items`` only when its cached programme is stale)."""
    # One query: a meeting has a handful of approved versions.
    approved = AgendaVersion.objects.filter(meeting=meeting, state=AgendaVersion.State.APPROVED)
    version = max(approved, key=lambda v: (v.kind == AgendaVersion.Kind.ANNOTATED, v.number), default=None)
    if version is None:
        return None
    version.meeting = meeting
    if prefetch is not None:
        prefetch_related_objects([version], prefetch)
    return version


def agenda_items(version: AgendaVersion, user) -> QuerySet[AgendaItem]:
    """The items of ``version`` with their people and the documents ``user`` may read
    (``visible_documents``); lazy: nothing is read until the queryset is iterated."""
    return _items(user).queryset.filter(version=version)


def agenda_version_for_page(meeting: Meeting, pk: int, user) -> AgendaVersion | None:
    version = (
        meeting.agenda_versions.select_related("created_by", "submitted_by", "decided_by", "based_on")
        .prefetch_related(
            _items(user),
            Prefetch(
                "comments",
                queryset=AgendaComment.objects.select_related(
                    "author",
                    "resolved_by",
                    "author__country",
                    "author__organization",
                    "contact",
                    "contact__country",
                    "contact__organization",
                ),  # fmt: skip
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if version is None:
        return None
    version.meeting = meeting
    return version if access.can(user, "meetings.agenda.view_version", version) else None


def agenda_version_for_sponsor(pk: int) -> AgendaVersion | None:
    """A draft as a sponsor's contact reads it through the signed link (the public's documents only)."""

    return (
        AgendaVersion.objects.select_related("meeting")
        .prefetch_related(
            _items(AnonymousUser()),
            Prefetch(
                "comments",
                queryset=AgendaComment.objects.select_related(
                    "author",
                    "author__country",
                    "author__organization",
                    "contact",
                    "contact__country",
                    "contact__organization",
                ),
            ),  # fmt: skip
        )
        .filter(pk=pk)
        .first()
    )


def comment_threads(version: AgendaVersion) -> dict[int | None, list[AgendaComment]]:
    """Top-level comments by item id (None: on the whole agenda), each with ``thread`` replies."""
    comments = list(version.comments.all())
    by_parent: dict[int, list[AgendaComment]] = {}
    for comment in comments:
        if comment.parent_id:
            by_parent.setdefault(comment.parent_id, []).append(comment)
    threads: dict[int | None, list[AgendaComment]] = {}
    for comment in comments:
        comment.thread = by_parent.get(comment.pk, [])
        if comment.parent_id is None:
            threads.setdefault(comment.item_id, []).append(comment)
    return threads


def meeting_documents(meeting: Meeting, user) -> list:
    """The meeting's document links whose document ``user`` may read, by role and order."""
    return list(meeting_document_links(meeting, user))


def meeting_document_links(meeting: Meeting, user) -> QuerySet[MeetingDocument]:
    """``meeting_documents`` as a lazy queryset (read only if the page's cached list is stale)."""
    # Only the languages of the files are shown; the extracted text can be megabytes.
    files = DocumentFile.objects.only("id", "document_id", "language").order_by("language")
    return (
        MeetingDocument.objects.filter(meeting=meeting, document__in=documents_visible_to(user).values("pk"))
        .select_related("document")
        .prefetch_related(Prefetch("document__files", queryset=files))
        .order_by("order", "pk")
    )


def agendas_awaiting(user) -> QuerySet[AgendaVersion]:
    """Agendas waiting for the current PPT's decision (nothing for anyone else)."""
    if not access.is_current_ppt(user):
        return AgendaVersion.objects.none()
    return (
        AgendaVersion.objects.filter(state=AgendaVersion.State.SUBMITTED)
        .filter(access.visible_filter(user, "meeting__access_level", "meeting__access_group"))
        .select_related("meeting", "submitted_by")
        .order_by("submitted_at")
    )


def sponsor_users(meeting: Meeting):
    """Active accounts of the sponsors' officials: member/PPT officials of a sponsor country,
    and people of a sponsor organisation."""
    return (
        get_user_model()
        .objects.filter(
            Q(country__in=meeting.sponsor_countries.all(), role__in=[access.Role.MEMBER, access.Role.PPT])
            | Q(organization__in=meeting.sponsor_organizations.all()),
            is_active=True,
        )
        .exclude(role__in=[access.Role.SECRETARIAT, access.Role.ADMIN])
    )


def current_ppt_users(on=None):
    term = presidency_on(on or timezone.localdate())
    if term is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(role=access.Role.PPT, country_id=term.country_id, is_active=True)


def sponsor_contacts(meeting: Meeting):
    """The directory's people of the sponsor countries and organisations (officials and contacts)."""

    return (
        Person.objects.filter(
            # A sponsor country's people: its officials (no organisation, or a government agency).
            Q(country__in=meeting.sponsor_countries.all())
            & (Q(organization__isnull=True) | Q(organization__kind="government"))
            | Q(organization__in=meeting.sponsor_organizations.all())
        )
        .select_related("country", "organization")
        .order_by("family_name", "given_name")
    )


def sponsor_of(person, meeting: Meeting) -> str:
    if person.organization_id and person.organization in meeting.sponsor_organizations.all():
        return person.organization.acronym or person.organization.name
    return person.country.name if person.country_id else ""
