"""Registrations of participants, with their logistics data and their change history."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from secretaria.meetings.models.invitations import ContentLanguage, Invitation


class Registration(models.Model):
    """A person who takes part: named by a delegation or invited personally, with their logistics."""

    class Status(models.TextChoices):
        NAMED = "named", _("Named, details pending")
        REGISTERED = "registered", _("Registered, awaiting approval")
        WAITLISTED = "waitlisted", _("On the waiting list")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")

    class Role(models.TextChoices):
        HEAD = "head", _("Head of delegation")
        MEMBER = "member", _("Delegation member")
        PARTICIPANT = "participant", _("Participant")

    # Statuses that hold a place within the meeting's capacity.
    HOLDS_PLACE = (Status.REGISTERED, Status.APPROVED, Status.ATTENDED)
    # Sent registrations whose details can still change (by the invitee until the deadline).
    CHANGEABLE = (Status.REGISTERED, Status.WAITLISTED, Status.APPROVED)

    invitation = models.ForeignKey(
        Invitation, verbose_name=_("invitation"), on_delete=models.CASCADE, related_name="registrations"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="registrations"
    )
    person = models.ForeignKey(
        "directory.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="registrations"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.PARTICIPANT)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NAMED, db_index=True)
    nonce = models.PositiveIntegerField(default=0, editable=False)
    arrival = models.DateTimeField(_("arrival"), null=True, blank=True)
    departure = models.DateTimeField(_("departure"), null=True, blank=True)
    hotel = models.CharField(_("hotel"), max_length=200, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    interpretation_language = models.CharField(
        _("interpretation language"), max_length=2, choices=ContentLanguage.choices, blank=True
    )
    needs_visa = models.BooleanField(_("needs a visa"), default=False)
    passport_number = models.CharField(_("passport number"), max_length=40, blank=True)
    passport_country = models.CharField(_("passport issued by"), max_length=100, blank=True)
    listed_publicly = models.BooleanField(_("appears in the public list of participants"), default=False)
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("put on the waiting list"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    # Every saved state, with who made it (the Secretariat's account, or none: the invitee's link).
    history = HistoricalRecords(excluded_fields=["nonce"])

    class Meta:
        ordering = ["meeting", "person__family_name", "person__given_name"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="registration_one_per_person"),
        ]

    def __str__(self):
        return f"{self.person} — {self.meeting}"

    def clean(self):
        if self.arrival and self.departure and self.departure < self.arrival:
            raise ValidationError({"departure": _("Departure cannot be before arrival.")})

    @property
    def delegation_name(self) -> str:
        invitation = self.invitation
        if invitation.country_id:
            return invitation.country.name
        if invitation.organization_id:
            return invitation.organization.acronym or invitation.organization.name
        person = self.person
        if person.country_id:
            return person.country.name
        return person.organization.acronym or person.organization.name if person.organization_id else ""


class ParticipationEvent(models.Model):
    """The visible history of an invitation and its registrations."""

    class Kind(models.TextChoices):
        INVITED = "invited", _("Invited")
        REMINDED = "reminded", _("Reminder sent")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        NAMED = "named", _("Named to the delegation")
        LETTER_UPLOADED = "letter_uploaded", _("Accreditation letter uploaded")
        REGISTERED = "registered", _("Registered")
        CHANGED = "changed", _("Registration details changed")
        WAITLISTED = "waitlisted", _("Put on the waiting list")
        PROMOTED = "promoted", _("Promoted from the waiting list")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="events")
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("participation event")
        verbose_name_plural = _("participation events")

    def __str__(self):
        return f"{self.at:%Y-%m-%d} {self.get_kind_display()}"
