"""Linking documents of the documents app to meetings."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core import access
from secretaria.documents.models import Document
from secretaria.meetings.models import Meeting, MeetingDocument


def _require_manager(by, meeting) -> None:
    if by is not None and not access.can(by, "meetings.manage", meeting):
        raise PermissionDenied(_("Only the Technical Secretariat links documents to meetings."))


@transaction.atomic
def meeting_document_link(
    *, meeting: Meeting, document: Document, by, role: str = MeetingDocument.Role.WORKING_DOCUMENT, on=None
) -> MeetingDocument:
    """Show ``document`` on the meeting's page. Linking a published document is the
    Secretariat's "document published for the meeting" step, and goes on the record."""
    _require_manager(by, meeting)
    if role not in MeetingDocument.Role.values:
        raise ValidationError({"role": _("Choose one of the roles offered.")})
    link, created = MeetingDocument.objects.get_or_create(
        meeting=meeting,
        document=document,
        defaults={
            "role": role,
            "created_by": by,
            "order": (meeting.document_links.aggregate(n=Max("order"))["n"] or 0) + 1,
        },
    )
    if not created and link.role != role:
        link.role = role
        link.save(update_fields=["role"])
    if created and document.status == Document.Status.PUBLISHED:
        activity_record(
            kind=Activity.Kind.DOCUMENT_PUBLISHED,
            actor=by,
            meeting=meeting,
            obj=document,
            summary_es=f"{meeting.title_es}: documento {document.symbol} publicado ({document.title_es or document.title_en})",
            summary_en=f"{meeting.title_en or meeting.title_es}: document {document.symbol} published "
            f"({document.title_en or document.title_es})",
            on=on,
        )
    return link


@transaction.atomic
def meeting_document_unlink(*, link: MeetingDocument, by) -> None:
    _require_manager(by, link.meeting)
    link.delete()
