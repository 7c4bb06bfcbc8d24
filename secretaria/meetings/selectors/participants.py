"""Reading invitations, registrations and participant lists, always through the access policy."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.directory.models import Term
from secretaria.meetings import links as svc
from secretaria.meetings.models import (
    AgendaVersion,
    Invitation,
    Letter,
    Mailing,
    Meeting,
    MeetingLogistics,
    ParticipationEvent,
    Registration,
)

RS = Registration.Status
# Who counts as a participant in the lists: approved, or who attended.
LISTED = (RS.APPROVED, RS.ATTENDED)


def _registrations() -> QuerySet[Registration]:
    return Registration.objects.select_related(
        "person", "person__country", "person__organization", "invitation", "invitation__country",
        "invitation__organization",
    ).order_by("invitation__category", "person__family_name", "person__given_name")  # fmt: skip


def invitations_for_meeting(meeting: Meeting) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(meeting=meeting)
        .select_related("country", "organization", "person")
        .annotate(named=Count("registrations", filter=~Q(registrations__status__in=[RS.CANCELLED, RS.REJECTED])))
        .order_by("category", "country__name_es", "organization__name_es", "person__family_name")
    )


def invitation_with_history(meeting: Meeting, pk: int) -> Invitation | None:
    return (
        Invitation.objects.filter(meeting=meeting, pk=pk)
        .select_related("country", "organization", "person", "meeting")
        .prefetch_related(
            Prefetch("events", queryset=ParticipationEvent.objects.select_related("actor", "registration__person")),
            Prefetch("registrations", queryset=_registrations()),
        )
        .first()
    )


def registrations_for_meeting(meeting: Meeting) -> QuerySet[Registration]:
    return _registrations().filter(meeting=meeting)


def waiting_list(meeting: Meeting) -> QuerySet[Registration]:
    return _registrations().filter(meeting=meeting, status=RS.WAITLISTED).order_by("waitlisted_at", "pk")


def participants_in_categories(meeting: Meeting, categories) -> QuerySet[Registration]:
    qs = _registrations().filter(meeting=meeting, status__in=[RS.REGISTERED, RS.APPROVED, RS.ATTENDED])
    return qs.filter(invitation__category__in=list(categories)) if categories else qs


def participant_view_for(user, meeting: Meeting) -> str | None:
    """Which list ``user`` sees: ``secretariat`` (with logistics), ``members``, ``public`` or None."""
    if not access.can(user, "meetings.view", meeting):
        return None
    if access.can(user, "meetings.participants.view_logistics", meeting):
        return "secretariat"
    if access.can(user, "meetings.participants.view_members", meeting):
        return "members"
    return "public"


def participants_for(user, meeting: Meeting) -> tuple[str | None, QuerySet[Registration]]:
    """The list of participants ``user`` may see, and which view it is."""
    view = participant_view_for(user, meeting)
    if view is None:
        return None, Registration.objects.none()
    if view == "secretariat":
        return view, registrations_for_meeting(meeting)
    qs = _registrations().filter(meeting=meeting, status__in=LISTED)
    if view == "public":
        qs = qs.filter(listed_publicly=True)
    return view, qs


def public_participants(meeting: Meeting) -> QuerySet[Registration]:
    return _registrations().filter(meeting=meeting, status__in=LISTED, listed_publicly=True)


def letters_for_meeting(meeting: Meeting) -> QuerySet[Letter]:
    return (
        Letter.objects.filter(meeting=meeting)
        .select_related("template", "sent_by")
        .annotate(recipient_count=Count("recipients"))
    )


def mailings_for_meeting(meeting: Meeting) -> QuerySet[Mailing]:
    return Mailing.objects.filter(meeting=meeting).select_related("sent_by")


def invited_meeting_ids_for_person(person) -> list[int]:
    """Meetings ``person`` is invited to or registered for (not declined, rejected or cancelled).

    For the personal iCal feed: ``meetings_for_person`` adds these to the meetings of the
    person's bodies and networks.
    """
    if person is None:
        return []
    invited = Invitation.objects.filter(person=person).exclude(status=Invitation.Status.DECLINED)
    registered = Registration.objects.filter(person=person).exclude(status__in=[RS.REJECTED, RS.CANCELLED])
    ids = set(invited.values_list("meeting_id", flat=True)) | set(registered.values_list("meeting_id", flat=True))
    return sorted(ids)


def participation_counts(meeting: Meeting) -> dict[str, list[tuple[str, str, int]]]:
    """The Secretariat's summary: invitations (sent or not) and registrations by status (code, label, count), three queries."""

    def by_status(model) -> list[tuple[str, str, int]]:
        rows = dict(model.objects.filter(meeting=meeting).values_list("status").annotate(n=Count("pk")).order_by())
        return [(code, label, rows[code]) for code, label in model.Status.choices if rows.get(code)]

    invitations = []
    for code, label, n in by_status(Invitation):
        if code != Invitation.Status.INVITED:
            invitations.append((code, label, n))
            continue
        # "Invited" splits into what happened: sent and waiting for an answer, or never sent.
        unsent = Invitation.objects.filter(meeting=meeting, status=code, sent_at__isnull=True).count()
        if n - unsent:
            invitations.append((code, gettext("Sent, no answer yet"), n - unsent))
        if unsent:
            invitations.append(("unsent", gettext("Not sent"), unsent))
    return {"invitations": invitations, "registrations": by_status(Registration)}


# --- What a signed-in person sees of their own invitations and registrations ---------------------


@dataclass
class MyParticipation:
    """One line of "my invitations and registrations": an invitation addressed to the person (or to
    the delegation they are the focal point of) or their registration, with what they can do now."""

    meeting: Meeting
    invitation: Invitation
    registration: Registration | None = None
    kind: str = "personal"  # personal | delegation | delegate
    state: str = (
        ""  # invited | declined | named | pending | waitlisted | approved | rejected | cancelled | attended | accepted
    )
    state_label: str = ""
    action_label: str = ""
    action_url: str = ""
    deadline: datetime.date | None = None
    places: str = ""
    can_still_act: bool = False

    @property
    def is_past(self) -> bool:
        return self.meeting.end_date < timezone.localdate()


def focal_point_scopes(person, on: datetime.date | None = None) -> tuple[set[int], set[int]]:
    """The countries and organisations whose focal-point post ``person`` holds today."""

    if person is None:
        return set(), set()
    on = on or timezone.localdate()
    terms = (
        Term.objects.filter(person=person, post__is_focal_point=True, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .values_list("post__country_id", "post__organization_id")
    )
    countries = {c for c, _o in terms if c}
    orgs = {o for _c, o in terms if o}
    return countries, orgs


_STATE_LABELS = {
    "invited": gettext_lazy("You are invited"),
    "delegation_invited": gettext_lazy("Your delegation is invited"),
    "accepted": gettext_lazy("Invitation accepted"),
    "declined": gettext_lazy("Declined"),
    "named": gettext_lazy("Named: registration to complete"),
    "pending": gettext_lazy("Registered, pending approval"),
    "waitlisted": gettext_lazy("On the waiting list"),
    "approved": gettext_lazy("Registered and approved"),
    "rejected": gettext_lazy("Registration rejected"),
    "cancelled": gettext_lazy("Registration cancelled"),
    "attended": gettext_lazy("Attended"),
}


def _link_works(meeting: Meeting, sent_at) -> bool:

    today = timezone.localdate()
    closed = (Meeting.Status.CANCELLED, Meeting.Status.POSTPONED, Meeting.Status.HELD, Meeting.Status.REPORT_PUBLISHED)
    return meeting.status not in closed and today <= meeting.end_date and today <= svc.link_expiry(meeting, sent_at)


def _url(name: str, token: str) -> str:
    return reverse(f"meetings:{name}", kwargs={"token": token})


def participation_of(user, *, meeting: Meeting | None = None, current: bool = False) -> list[MyParticipation]:
    """The invitations addressed to ``user``'s person or to the delegation they are the focal point
    of, and their registrations, each with its state and the signed link to act on it now.
    ``current``: only those of meetings not yet over (the dashboard), chosen in the query."""

    person = getattr(user, "person", None) if getattr(user, "is_authenticated", False) else None
    if person is None:
        return []
    countries, orgs = focal_point_scopes(person)
    invitations = Invitation.objects.filter(
        Q(person=person)
        | Q(for_delegation=True, country_id__in=countries)
        | Q(for_delegation=True, organization_id__in=orgs)
    ).select_related("meeting", "meeting__country", "country", "organization", "person")
    registrations = Registration.objects.filter(person=person).select_related(
        "meeting", "meeting__country", "invitation", "invitation__country", "invitation__organization"
    )
    if meeting is not None:
        invitations = invitations.filter(meeting=meeting)
        registrations = registrations.filter(meeting=meeting)
    if current:
        invitations = invitations.filter(meeting__end_date__gte=timezone.localdate())
        registrations = registrations.filter(meeting__end_date__gte=timezone.localdate())
    invitations = invitations.annotate(
        named=Count("registrations", filter=~Q(registrations__status__in=[RS.CANCELLED, RS.REJECTED]))
    )
    lines: list[MyParticipation] = []
    registered_invitations = set()
    for r in registrations:
        registered_invitations.add(r.invitation_id)
        state = {RS.REGISTERED: "pending"}.get(r.status, r.status)
        line = MyParticipation(
            meeting=r.meeting,
            invitation=r.invitation,
            registration=r,
            kind="delegate" if r.invitation.for_delegation else "personal",
            state=state,
            state_label=str(_STATE_LABELS[state]),
            deadline=r.meeting.registration_deadline,
        )
        if r.status == RS.NAMED and _link_works(r.meeting, r.created_at):
            line.action_label, line.action_url = (
                _("Complete my registration"),
                _url("registration_form", svc.registration_token(r)),
            )
        elif svc.registration_changeable_by_invitee(r):
            line.action_label, line.action_url = (
                _("Change my registration"),
                _url("registration_edit", svc.registration_token(r, "edit")),
            )
        lines.append(line)
    for inv in invitations:
        if inv.for_delegation:
            state = {"invited": "delegation_invited"}.get(inv.status, inv.status)
            line = MyParticipation(
                meeting=inv.meeting, invitation=inv, kind="delegation", state=state,
                state_label=str(_STATE_LABELS[state]), deadline=inv.meeting.registration_deadline,
                places=_("%(named)s of %(quota)s named") % {"named": inv.named, "quota": inv.quota},
            )  # fmt: skip
            if _link_works(inv.meeting, inv.sent_at) and inv.sent_at:
                if inv.status == Invitation.Status.INVITED:
                    line.action_label = _("Answer the invitation")
                    line.action_url = _url("invitation_respond", svc.invitation_token(inv))
                elif inv.status == Invitation.Status.ACCEPTED:
                    line.action_label = _("Name the delegation")
                    line.action_url = _url("invitation_delegation", svc.invitation_token(inv, "delegation"))
            lines.append(line)
        elif inv.pk not in registered_invitations:
            line = MyParticipation(
                meeting=inv.meeting, invitation=inv, kind="personal", state=inv.status,
                state_label=str(_STATE_LABELS[inv.status]), deadline=inv.meeting.registration_deadline,
            )  # fmt: skip
            if inv.status == Invitation.Status.INVITED and inv.sent_at and _link_works(inv.meeting, inv.sent_at):
                line.action_label = _("Answer and register")
                line.action_url = _url("invitation_respond", svc.invitation_token(inv))
            lines.append(line)
    for line in lines:
        line.can_still_act = bool(line.action_url)
    today = timezone.localdate()

    # Current and coming meetings first (soonest first), then past ones (latest first).
    def order(line):
        start = line.meeting.start_date.toordinal()
        return (1, -start, line.meeting.pk) if line.meeting.end_date < today else (0, start, line.meeting.pk)

    lines.sort(key=order)
    return lines


@dataclass
class RegistrationBox:
    """The meeting page's registration box (Indico's "Registration" section of an event)."""

    state: str  # open | not_open | closed | held | cancelled | postponed
    deadline: datetime.date | None
    places_left: int | None
    mine: list[MyParticipation]
    manage: bool = False


def registration_box(user, meeting: Meeting) -> RegistrationBox:
    today = timezone.localdate()
    S = Meeting.Status
    if meeting.status in (S.CANCELLED, S.POSTPONED):
        state = meeting.status
    elif meeting.status in (S.HELD, S.REPORT_PUBLISHED) or meeting.end_date < today:
        state = "held"
    elif meeting.registration_deadline and meeting.registration_deadline < today:
        state = "closed"
    elif meeting.status == S.PLANNED and not meeting.invitations.filter(sent_at__isnull=False).exists():
        state = "not_open"  # a planned meeting whose invitations went out is open to its invitees
    else:
        state = "open"
    places_left = None
    if meeting.capacity is not None and state == "open":
        taken = Registration.objects.filter(meeting=meeting, status__in=Registration.HOLDS_PLACE).count()
        places_left = max(meeting.capacity - taken, 0)
    return RegistrationBox(
        state=state,
        deadline=meeting.registration_deadline,
        places_left=places_left,
        mine=participation_of(user, meeting=meeting),
        manage=access.can(user, "meetings.participation.manage", meeting),
    )


def meeting_links_for(user, meeting: Meeting) -> dict:
    """Where an invitee goes next from the signed-link pages: the meeting's page, its approved
    agenda and its logistics note, each only when ``user`` (often anonymous) may open it."""

    if not access.can(user, "meetings.view", meeting):
        return {}
    agenda = meeting.agenda_versions.filter(state=AgendaVersion.State.APPROVED).order_by("-number")
    # As on the meeting's page: the latest annotated agenda, else the latest preliminary one.
    approved = sorted(agenda.values_list("pk", "kind"), key=lambda row: row[1] != AgendaVersion.Kind.ANNOTATED)
    links = {
        "meeting": meeting.get_absolute_url(),
        "ics": reverse("meetings:ics", kwargs={"slug": meeting.slug}),
    }
    if approved:
        links["agenda"] = reverse("meetings:agenda_version", kwargs={"slug": meeting.slug, "pk": approved[0][0]})
    if MeetingLogistics.objects.filter(meeting=meeting, is_published=True).exists():
        links["logistics"] = reverse("meetings:logistics", kwargs={"slug": meeting.slug})
    return links
