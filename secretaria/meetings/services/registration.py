"""Registrations: submitting and changing them (with their history), the capacity and the waiting
list, and the Secretariat's approval, rejection and attendance."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format, localize
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.core.audit import audit_record
from secretaria.core.models import AuditEvent
from secretaria.core.tasks import queue_email
from secretaria.meetings.links import (
    RS,
    Ev,
    bump_sequence,
    participation_event,
    registration_changeable_by_invitee,
    require_participation_manager,
)
from secretaria.meetings.models import (
    Meeting,
    Registration,
)

REGISTRATION_FIELDS = (
    "arrival",
    "departure",
    "hotel",
    "dietary_needs",
    "accessibility_needs",
    "interpretation_language",
    "needs_visa",
    "passport_number",
    "passport_country",
    "listed_publicly",
)


def _places_taken(meeting: Meeting, exclude_pk=None) -> int:
    qs = Registration.objects.filter(meeting=meeting, status__in=Registration.HOLDS_PLACE)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.count()


@transaction.atomic
def registration_submit(*, registration: Registration, data: dict, by=None) -> Registration:
    """Record the logistics; the person takes a place, or joins the waiting list when the meeting is full."""
    meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    for field in REGISTRATION_FIELDS:
        if field in data:
            setattr(registration, field, data[field])
    registration.full_clean(exclude=["invitation", "meeting", "person"])
    now = timezone.now()
    registration.registered_at = now
    if meeting.capacity is not None and _places_taken(meeting, registration.pk) >= meeting.capacity:
        registration.status = RS.WAITLISTED
        registration.waitlisted_at = now
    else:
        registration.status = RS.REGISTERED
    registration.save()
    bump_sequence(registration)
    participation_event(registration.invitation, Ev.REGISTERED, registration=registration, actor=by,
           note=registration.person.full_name)  # fmt: skip
    if registration.status == RS.WAITLISTED:
        participation_event(registration.invitation, Ev.WAITLISTED, registration=registration, actor=by)
    return registration


@transaction.atomic
def registration_update(*, registration: Registration, data: dict, by=None, reason: str = "", request=None):
    """Change a sent registration's details, keeping the previous ones in its history.

    The invitee (through the signed link: ``by`` anonymous or None) may do so while
    ``registration_changeable_by_invitee``; after that only the Secretariat, from its pages.
    Returns the names of the fields that changed (none: nothing is written).
    """

    registration = (
        Registration.objects.select_for_update()
        .select_related("meeting", "invitation", "person")
        .get(pk=registration.pk)
    )
    by_manager = getattr(by, "is_authenticated", False) and access.can(by, "meetings.participation.manage")
    if not by_manager:
        if getattr(by, "is_authenticated", False) and by.person_id != registration.person_id:
            raise PermissionDenied(_("Only the participant or the Secretariat can change this registration."))
        if not registration_changeable_by_invitee(registration):
            raise ValidationError(
                _(
                    "This registration can no longer be changed here: write to the Secretariat, which can still change it."
                )
            )
    elif registration.status in (RS.CANCELLED, RS.REJECTED):
        raise ValidationError(_("A cancelled or rejected registration cannot be changed."))
    if not registration.history.exists():
        # Registered before the history was kept (or by a bulk import): keep the state being replaced.
        Registration.history.bulk_history_create(
            [registration], default_change_reason=_("State before the first recorded change"),
            default_date=registration.registered_at or registration.created_at,
        )  # fmt: skip
    changed = []
    for field in REGISTRATION_FIELDS:
        if field in data and getattr(registration, field) != data[field]:
            setattr(registration, field, data[field])
            changed.append(field)
    if not changed:
        return []
    registration.full_clean(exclude=["invitation", "meeting", "person"])
    actor = by if getattr(by, "is_authenticated", False) else None
    # django-simple-history reads these when it writes the historical row.
    registration._history_user = actor
    who = _("the Secretariat") if by_manager else _("the participant")
    labels = [str(Registration._meta.get_field(f).verbose_name) for f in changed]
    registration._change_reason = (reason.strip() or _("Changed by %(who)s") % {"who": who})[:100]
    registration.save()
    participation_event(registration.invitation, Ev.CHANGED, registration=registration, actor=actor,
           note=", ".join(labels) + (f" — {reason.strip()}" if reason.strip() else ""))  # fmt: skip
    audit_record(
        kind=AuditEvent.Kind.REGISTRATION_CHANGED,
        actor=actor,
        target=f"meetings.registration:{registration.pk} {registration}",
        request=request,
        fields=", ".join(changed),
        by="secretariat" if by_manager else "invitee link",
        reason=reason.strip(),
    )
    return changed


def registration_history(registration: Registration) -> list[dict]:
    """The registration's saved states, newest first, each with what changed from the one before."""
    records = list(registration.history.select_related("history_user").order_by("-history_date", "-history_id"))
    result = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changes = []
        if older is not None:
            delta = newer.diff_against(older, included_fields=list(REGISTRATION_FIELDS) + ["status"])
            for change in delta.changes:
                field = Registration._meta.get_field(change.field)
                changes.append(
                    {
                        "label": field.verbose_name,
                        "old": _display(field, change.old),
                        "new": _display(field, change.new),
                    }
                )
        result.append(
            {
                "at": newer.history_date,
                "user": newer.history_user,
                "reason": newer.history_change_reason or "",
                "kind": newer.history_type,
                "changes": changes,
            }
        )
    return result


def _display(field, value) -> str:

    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    return str(localize(value))


def _registration_set(registration: Registration, status: str, *, by=None, note: str = "") -> Registration:
    frees_place = registration.status in Registration.HOLDS_PLACE and status not in Registration.HOLDS_PLACE
    registration.status = status
    registration.decided_at = timezone.now()
    registration.save(update_fields=["status", "decided_at"])
    participation_event(registration.invitation, Ev(status), registration=registration, actor=by, note=note)
    if frees_place:
        waitlist_promote(meeting=registration.meeting)
    return registration


def waitlist_promote(*, meeting: Meeting) -> list[Registration]:
    """Give freed places to the waiting list, first come first served."""
    promoted = []
    while meeting.capacity is None or _places_taken(meeting) < meeting.capacity:
        nxt = (
            Registration.objects.filter(meeting=meeting, status=RS.WAITLISTED)
            .select_related("invitation", "person")
            .order_by("waitlisted_at", "pk")
            .first()
        )
        if nxt is None:
            break
        nxt.status = RS.REGISTERED
        nxt.save(update_fields=["status"])
        participation_event(nxt.invitation, Ev.PROMOTED, registration=nxt)
        address = nxt.person.email or nxt.invitation.email
        if address:
            with translation.override(nxt.invitation.language):
                subject = _("A place is free for you at %(meeting)s") % {"meeting": meeting.title}
                body = render_to_string(
                    "meetings/registration/email/promoted.txt", {"registration": nxt, "meeting": meeting}
                )
            queue_email(subject=subject, body=body, to=[address])
        promoted.append(nxt)
    return promoted


@transaction.atomic
def registration_approve(*, registration: Registration, by) -> Registration:
    require_participation_manager(by)
    if registration.status not in (RS.REGISTERED, RS.WAITLISTED):
        raise ValidationError(_("Only a registration awaiting approval can be approved."))
    if registration.status == RS.WAITLISTED:
        meeting = registration.meeting
        if meeting.capacity is not None and _places_taken(meeting) >= meeting.capacity:
            raise ValidationError(_("The meeting is full: free a place before approving someone on the waiting list."))
    return _registration_set(registration, RS.APPROVED, by=by)


@transaction.atomic
def registration_reject(*, registration: Registration, by, note: str = "") -> Registration:
    require_participation_manager(by)
    if registration.status in (RS.REJECTED, RS.CANCELLED, RS.ATTENDED):
        raise ValidationError(_("This registration can no longer be rejected."))
    return _registration_set(registration, RS.REJECTED, by=by, note=note)


@transaction.atomic
def registration_mark_attended(*, registration: Registration, by) -> Registration:
    require_participation_manager(by)
    if registration.status != RS.APPROVED:
        raise ValidationError(_("Only an approved participant can be marked as attended."))
    return _registration_set(registration, RS.ATTENDED, by=by)
