"""Reading invitations, registrations and participant lists, always through the access policy."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext

from secretaria.core import access
from secretaria.meetings.models import Invitation, Letter, Mailing, Meeting, ParticipationEvent, Registration

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
