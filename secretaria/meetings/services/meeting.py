"""Creating meetings and moving them through their statuses; each step goes on the activity record."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core import access
from secretaria.meetings.mailing import MEETING_ANNOUNCED
from secretaria.meetings.models import Meeting
from secretaria.meetings.search import index_meeting
from secretaria.outbox.services import outbox_emit

S = Meeting.Status

# The normal course, plus cancelling or postponing at any point before the meeting is held;
# a postponed meeting can be planned again (new dates) and carries on from there.
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    S.PLANNED: {S.INVITATIONS_SENT, S.REGISTRATION_OPEN, S.CANCELLED, S.POSTPONED},
    S.INVITATIONS_SENT: {S.REGISTRATION_OPEN, S.HELD, S.CANCELLED, S.POSTPONED},
    S.REGISTRATION_OPEN: {S.HELD, S.CANCELLED, S.POSTPONED},
    S.HELD: {S.REPORT_PUBLISHED},
    S.REPORT_PUBLISHED: set(),
    S.POSTPONED: {S.PLANNED, S.INVITATIONS_SENT, S.REGISTRATION_OPEN, S.CANCELLED},
    S.CANCELLED: set(),
}

_M2M_FIELDS = ("host_countries", "sponsor_countries", "sponsor_organizations")


class MeetingTransitionError(ValidationError):
    pass


def meeting_slug_for(*, title: str, start_date=None, exclude_pk=None) -> str:
    """A short name from the title and year ("seminario-migracion-y-salud-2004"), made unique
    with -2, -3… Only for new meetings or an emptied field: existing slugs stay as they are,
    since links and calendars point at them."""
    field_length = Meeting._meta.get_field("slug").max_length
    year = f"-{start_date.year}" if start_date else ""
    base = (slugify(title)[: field_length - len(year) - 4].strip("-") or "reunion") + year
    taken = set(Meeting.objects.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _require_manager(by) -> None:
    if by is not None and not access.can(by, "meetings.manage"):
        raise PermissionDenied(_("Only the Technical Secretariat manages meetings."))


@transaction.atomic
def meeting_create(*, by=None, on=None, **fields) -> Meeting:
    """Create a meeting from model field values (M2M fields take iterables). ``by`` None: a script."""
    _require_manager(by)
    m2m = {name: fields.pop(name) for name in _M2M_FIELDS if name in fields}
    if not fields.get("slug"):
        fields["slug"] = meeting_slug_for(
            title=fields.get("title_es") or fields.get("title_en") or "", start_date=fields.get("start_date")
        )
    meeting = Meeting(created_by=by if getattr(by, "is_authenticated", False) else None, **fields)
    meeting.full_clean()
    meeting.save()
    for name, values in m2m.items():
        getattr(meeting, name).set(values)
    activity_record(
        kind=Activity.Kind.MEETING_CREATED,
        actor=by,
        meeting=meeting,
        obj=meeting,
        summary_es=f"Reunión creada: {meeting.title_es}",
        summary_en=f"Meeting created: {meeting.title_en or meeting.title_es}",
        on=on,
    )
    outbox_emit(kind=MEETING_ANNOUNCED, payload={"meeting_id": meeting.pk})  # for the distribution lists
    index_meeting(meeting)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, by=None, **fields) -> Meeting:
    """Change a meeting's details (not its status: see ``meeting_set_status``)."""
    _require_manager(by)
    if "status" in fields:
        raise ValueError("use meeting_set_status to change the status")
    if "slug" in fields and not fields["slug"]:
        fields["slug"] = meeting.slug  # an emptied field keeps the address the meeting has
    m2m = {name: fields.pop(name) for name in _M2M_FIELDS if name in fields}
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.full_clean()
    meeting.save()
    for name, values in m2m.items():
        getattr(meeting, name).set(values)
    index_meeting(meeting)  # a new title, place or access level reaches its agenda and logistics too
    return meeting


@transaction.atomic
def meeting_set_status(
    *, meeting: Meeting, status: str, by=None, notice_es: str = "", notice_en: str = "", on=None
) -> Meeting:
    """Move the meeting to ``status``; cancelling or postponing needs a notice for the public."""
    _require_manager(by)
    status = S(status)
    if status == meeting.status:
        return meeting
    if status not in ALLOWED_TRANSITIONS[meeting.status]:
        raise MeetingTransitionError(
            _("A meeting cannot go from “%(old)s” to “%(new)s”.")
            % {"old": meeting.get_status_display(), "new": status.label}
        )
    if status in (S.CANCELLED, S.POSTPONED):
        if not (notice_es.strip() or notice_en.strip()):
            raise MeetingTransitionError(_("Say in a notice why the meeting is cancelled or postponed."))
        meeting.status_notice_es, meeting.status_notice_en = notice_es.strip(), notice_en.strip()
    elif meeting.status == S.POSTPONED:
        meeting.status_notice_es = meeting.status_notice_en = ""
    old = meeting.status
    meeting.status = status
    meeting.save(update_fields=["status", "status_notice_es", "status_notice_en", "updated_at"])
    kinds = {
        S.INVITATIONS_SENT: Activity.Kind.INVITATIONS_SENT,
        S.REGISTRATION_OPEN: Activity.Kind.REGISTRATION_OPENED,
        S.REPORT_PUBLISHED: Activity.Kind.REPORT_PUBLISHED,
    }
    activity_record(
        kind=kinds.get(status, Activity.Kind.MEETING_STATUS_CHANGED),
        actor=by,
        meeting=meeting,
        obj=meeting,
        summary_es=f"{meeting.title_es}: estado «{_STATUS_ES[old]}» → «{_STATUS_ES[status]}»",
        summary_en=f"{meeting.title_en or meeting.title_es}: status “{_status_en(old)}” → “{_status_en(status)}”",
        on=on,
    )
    index_meeting(meeting)
    return meeting


def _status_en(status: str) -> str:
    with translation.override("en"):
        return str(S(status).label)


# The Spanish summary is stored as data (read later in either language), so it is written
# in Spanish here rather than through the active translation.
_STATUS_ES = {
    S.PLANNED: "prevista",
    S.INVITATIONS_SENT: "invitaciones enviadas",
    S.REGISTRATION_OPEN: "inscripción abierta",
    S.HELD: "realizada",
    S.REPORT_PUBLISHED: "informe publicado",
    S.CANCELLED: "cancelada",
    S.POSTPONED: "aplazada",
}
