"""Invitations: creating them for member states, organisations and people, sending them and their
reminders, and the invitee's answer (accept or decline)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core.tasks import queue_email
from secretaria.directory.models import Country, Group, Membership, Organization
from secretaria.meetings.links import (
    LINK_DAYS,
    RS,
    Ev,
    absolute_url,
    bump_sequence,
    focal_point_for,
    invitation_token,
    language_for,
    link_expiry,
    participation_event,
    require_participation_manager,
    signed_link,
)
from secretaria.meetings.models import (
    Invitation,
    InviteeCategory,
    Meeting,
    MeetingLogistics,
    Registration,
)
from secretaria.meetings.services.registration import _registration_set, registration_submit

# Reminders: the first this many days before the deadline, then no more often than every REMIND_EVERY days.
REMIND_BEFORE_DAYS = getattr(settings, "MEETINGS_REMINDER_DAYS_BEFORE", 7)


REMIND_EVERY_DAYS = 3


@dataclass
class InviteResult:
    created: list[Invitation]
    skipped: int
    without_address: list[Invitation]


def _create_invitation(*, meeting, by, category, for_delegation, quota, country=None, organization=None, person=None):
    lookup = {"meeting": meeting, "for_delegation": for_delegation}
    if for_delegation:
        lookup.update({"country": country} if country else {"organization": organization})
    else:
        lookup["person"] = person
    if Invitation.objects.filter(**lookup).exists():
        return None
    if for_delegation:
        person = focal_point_for(country=country, organization=organization)
    email = (person.email if person else "") or (organization.email if organization and for_delegation else "")
    return Invitation.objects.create(
        meeting=meeting,
        category=category,
        for_delegation=for_delegation,
        country=country,
        organization=organization if for_delegation else (organization or (person.organization if person else None)),
        person=person,
        email=email,
        language=language_for(person=person, country=country or (person.country if person else None)),
        quota=quota if for_delegation else 1,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )


@transaction.atomic
def invitations_create(
    *,
    meeting: Meeting,
    by,
    member_states: bool = False,
    observer_organizations: bool = False,
    group: Group | None = None,
    people=(),
    category: str = InviteeCategory.OTHER,
    quota: int = 2,
    send: bool = True,
) -> InviteResult:
    """Invite whole groups from the directory at once, then e-mail the invitations.

    ``member_states``: every member state (its focal point names the delegation);
    ``observer_organizations``: every observer organisation (likewise); ``group``: the people who
    belong to a directory group today (a network's liaison officers), each invited personally;
    ``people``: named people, invited personally in ``category``. Already invited: skipped.
    """
    require_participation_manager(by)
    created: list[Invitation] = []
    skipped = 0

    def add(invitation):
        nonlocal skipped
        if invitation is None:
            skipped += 1
        else:
            created.append(invitation)

    if member_states:
        for country in Country.objects.filter(status=Country.Status.MEMBER).order_by("name_es"):
            add(_create_invitation(meeting=meeting, by=by, category=InviteeCategory.DELEGATION, for_delegation=True,
                                   quota=quota, country=country))  # fmt: skip
    if observer_organizations:
        for org in Organization.objects.filter(kind=Organization.Kind.OBSERVER).order_by("name_es"):
            add(_create_invitation(meeting=meeting, by=by, category=InviteeCategory.OBSERVER, for_delegation=True,
                                   quota=quota, organization=org))  # fmt: skip
    if group is not None:
        today = timezone.localdate()
        memberships = (
            Membership.objects.filter(group=group)
            .filter(Q(start__isnull=True) | Q(start__lte=today), Q(end__isnull=True) | Q(end__gte=today))
            .select_related("person", "person__country", "person__organization")
        )
        group_category = category if category != InviteeCategory.OTHER else InviteeCategory.DELEGATION
        for membership in memberships:
            add(_create_invitation(meeting=meeting, by=by, category=group_category, for_delegation=False, quota=1,
                                   person=membership.person))  # fmt: skip
    for person in people:
        add(_create_invitation(meeting=meeting, by=by, category=category, for_delegation=False, quota=1, person=person))
    without_address = [inv for inv in created if not inv.email]
    if send and created:
        invitations_send(invitations=created, by=by)
    return InviteResult(created=created, skipped=skipped, without_address=without_address)


def _invitation_email(invitation: Invitation, *, reminder: bool = False) -> tuple[str, str]:
    lang = invitation.language
    with translation.override(lang):
        context = {
            "invitation": invitation,
            "meeting": invitation.meeting,
            "reminder": reminder,
            "addressee": invitation.person.full_name if invitation.person_id else invitation.invitee_name,
            "link": signed_link("invitation_respond", invitation_token(invitation), lang),
            "expires": link_expiry(invitation.meeting, invitation.sent_at),
            **logistics_facts(invitation.meeting, lang),
        }
        body = render_to_string("meetings/invitations/email/invitation.txt", context)
        title = invitation.meeting.title
        subject = (_("Reminder: invitation to %(meeting)s") if reminder else _("Invitation to %(meeting)s")) % {
            "meeting": title
        }
    return str(subject), body


def logistics_facts(meeting: Meeting, lang: str) -> dict:
    """What an invitation e-mail says about the practical side: the published logistics note's
    address, the place, the registration deadline and whom to ask (the note's contacts, or the
    Secretariat's address)."""

    info = MeetingLogistics.objects.filter(meeting=meeting, is_published=True).first()
    with translation.override(lang):
        country = meeting.country.name if meeting.country_id else ""
        place = ", ".join(part for part in (meeting.venue, meeting.city_in(lang), country) if part)
        contacts = (info.contacts if info else "").strip()
        return {
            "place": place,
            "deadline": meeting.registration_deadline,
            "logistics_url": absolute_url(reverse("meetings:logistics", kwargs={"slug": meeting.slug})) if info else "",
            "meeting_url": absolute_url(meeting.get_absolute_url()),
            "contact": contacts or getattr(settings, "SECRETARIAT_EMAIL", ""),
        }


def invitations_send(*, invitations: list[Invitation], by) -> int:
    """E-mail each invitation (in its language) with its personal link; record the step."""
    require_participation_manager(by)
    now = timezone.now()
    sent = 0
    meeting = None
    for invitation in invitations:
        if not invitation.email:
            continue  # stays unsent: invitations_send_pending sends it once the directory has an address
        meeting = invitation.meeting
        invitation.sent_at = invitation.sent_at or now
        invitation.save(update_fields=["sent_at"])
        participation_event(invitation, Ev.INVITED, actor=by, note=invitation.email)
        subject, body = _invitation_email(invitation)
        queue_email(subject=subject, body=body, to=[invitation.email])
        sent += 1
    if meeting is not None:
        activity_record(
            kind=Activity.Kind.INVITATIONS_SENT,
            actor=by,
            meeting=meeting,
            summary_es=f"{meeting.title_es}: {sent} invitaciones enviadas",
            summary_en=f"{meeting.title_en or meeting.title_es}: {sent} invitations sent",
        )
        reminders_schedule(meeting=meeting)
    return sent


def invitations_closed_reason(meeting: Meeting) -> str | None:
    """Why invitations can no longer go out for this meeting, or None."""
    closed_statuses = (
        Meeting.Status.CANCELLED,
        Meeting.Status.POSTPONED,
        Meeting.Status.HELD,
        Meeting.Status.REPORT_PUBLISHED,
    )
    if meeting.status in closed_statuses:
        return _("Invitations are not sent for a meeting that is %(status)s.") % {
            "status": meeting.get_status_display().lower()
        }
    if meeting.registration_deadline and meeting.registration_deadline < timezone.localdate():
        return _("The registration deadline has passed: the invitation's link would not work.")
    return None


def invitations_unsent(*, meeting: Meeting):
    return meeting.invitations.filter(sent_at__isnull=True, status=Invitation.Status.INVITED)


@transaction.atomic
def invitations_send_pending(*, meeting: Meeting, by) -> InviteResult:
    """Send the invitations that had no address when they were made, looking the address up again
    in the directory (a focal point named since, an e-mail added to a person or organisation)."""
    require_participation_manager(by)
    closed = invitations_closed_reason(meeting)
    if closed:
        raise ValidationError(closed)
    # Locked: two clicks (or two officers) at once must not send an invitation twice.
    unsent = invitations_unsent(meeting=meeting).select_for_update(of=("self",))
    pending = list(unsent.select_related("person", "organization", "country"))
    for invitation in pending:
        if invitation.email:
            continue
        person = invitation.person
        if invitation.for_delegation:
            person = focal_point_for(country=invitation.country, organization=invitation.organization) or person
        email = (person.email if person else "") or (
            invitation.organization.email if invitation.organization and invitation.for_delegation else ""
        )
        if email:
            invitation.person, invitation.email = person, email
            invitation.language = language_for(person=person, country=invitation.country)
            invitation.save(update_fields=["person", "email", "language"])
    invitations_send(invitations=pending, by=by)
    return InviteResult(
        created=[inv for inv in pending if inv.email],
        skipped=0,
        without_address=[inv for inv in pending if not inv.email],
    )


def reminders_schedule(*, meeting: Meeting):
    """Enqueue the reminder run before the deadline, when the task backend can defer tasks."""
    if not meeting.registration_deadline:
        return None
    backend = send_meeting_reminders.get_backend()
    if not backend.supports_defer:
        return None
    day = meeting.registration_deadline - datetime.timedelta(days=REMIND_BEFORE_DAYS)
    run_after = datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=meeting.tz)
    if run_after <= timezone.now():
        return None
    return send_meeting_reminders.using(run_after=run_after).enqueue(meeting_id=meeting.pk)


@transaction.atomic
def invitation_decline(*, invitation: Invitation, by=None, note: str = "") -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status == Invitation.Status.DECLINED:
        return invitation
    invitation.status = Invitation.Status.DECLINED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    bump_sequence(invitation)
    participation_event(invitation, Ev.DECLINED, actor=by, note=note)
    for registration in invitation.registrations.exclude(status__in=[RS.CANCELLED, RS.REJECTED]):
        _registration_set(registration, RS.CANCELLED, by=by)
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, by=None, registration_data: dict | None = None) -> Invitation:
    """Accept. A personal invitation registers its person at once (``registration_data``: logistics)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Invitation.Status.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    if not invitation.for_delegation and invitation.person_id is None:
        raise ValidationError(_("This invitation has no addressee."))
    invitation.status = Invitation.Status.ACCEPTED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    bump_sequence(invitation)
    participation_event(invitation, Ev.ACCEPTED, actor=by)
    if invitation.for_delegation and invitation.email:
        lang = invitation.language
        with translation.override(lang):
            body = render_to_string(
                "meetings/delegations/email/delegation_link.txt",
                {
                    "invitation": invitation,
                    "meeting": invitation.meeting,
                    "addressee": invitation.person.full_name if invitation.person_id else invitation.invitee_name,
                    "link": signed_link("invitation_delegation", invitation_token(invitation, "delegation"), lang),
                },
            )
            subject = _("Name your delegation to %(meeting)s") % {"meeting": invitation.meeting.title}
        queue_email(subject=subject, body=body, to=[invitation.email])
    if not invitation.for_delegation:
        registration = Registration.objects.create(
            invitation=invitation, meeting=invitation.meeting, person=invitation.person
        )
        registration_submit(registration=registration, data=registration_data or {}, by=by)
    return invitation


def invitations_needing_reminder(*, meeting: Meeting | None = None, now: datetime.datetime | None = None):
    """Invitations not yet answered, sent, with an address, whose link still works and not reminded lately."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    qs = Invitation.objects.filter(status=Invitation.Status.INVITED, sent_at__isnull=False).exclude(email="")
    qs = qs.filter(
        Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lte=now - datetime.timedelta(days=REMIND_EVERY_DAYS))
    )
    qs = qs.filter(Q(meeting__registration_deadline__gte=today) | Q(meeting__registration_deadline__isnull=True))
    qs = qs.filter(
        Q(meeting__registration_deadline__isnull=True)
        | Q(meeting__registration_deadline__lte=today + datetime.timedelta(days=REMIND_BEFORE_DAYS))
    )
    qs = qs.exclude(meeting__status__in=[Meeting.Status.CANCELLED, Meeting.Status.POSTPONED, Meeting.Status.HELD])
    if meeting is not None:
        qs = qs.filter(meeting=meeting)
    return qs.select_related("meeting", "person", "country", "organization")


def invitations_send_reminders(*, meeting: Meeting | None = None, now: datetime.datetime | None = None) -> int:
    """Remind those who have not answered; returns how many reminders went out."""
    now = now or timezone.now()
    count = 0
    for invitation in invitations_needing_reminder(meeting=meeting, now=now):
        if invitation.meeting.registration_deadline is None and timezone.localdate(
            invitation.sent_at
        ) + datetime.timedelta(days=LINK_DAYS - REMIND_BEFORE_DAYS) > timezone.localdate(now):
            continue
        subject, body = _invitation_email(invitation, reminder=True)
        queue_email(subject=subject, body=body, to=[invitation.email])
        Invitation.objects.filter(pk=invitation.pk).update(last_reminded_at=now, reminder_count=F("reminder_count") + 1)
        participation_event(invitation, Ev.REMINDED, at=now)
        count += 1
    return count


@task()
def send_meeting_reminders(meeting_id: int) -> int:
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    return invitations_send_reminders(meeting=meeting) if meeting else 0
