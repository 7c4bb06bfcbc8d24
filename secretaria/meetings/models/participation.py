"""Invitations, registrations and their history; letters and mailings to participants."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from secretaria.core.i18n import translated

__all__ = [
    "ContentLanguage",
    "Invitation",
    "InviteeCategory",
    "Letter",
    "LetterRecipient",
    "LetterTemplate",
    "Mailing",
    "ParticipationEvent",
    "Registration",
]


class InviteeCategory(models.TextChoices):
    DELEGATION = "delegation", _("Member-state delegation")
    OBSERVER = "observer", _("Observer organisation")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    SPEAKER = "speaker", _("Speaker")
    STAFF = "staff", _("Secretariat/IOM staff")
    INTERPRETER = "interpreter", _("Interpreter")
    OTHER = "other", _("Other")


class ContentLanguage(models.TextChoices):
    ES = "es", _("Spanish")
    EN = "en", _("English")


class Invitation(models.Model):
    """One invitation: to a state or an organisation (its focal point names the delegation) or to a person."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="invitations"
    )
    category = models.CharField(_("category"), max_length=16, choices=InviteeCategory.choices)
    for_delegation = models.BooleanField(
        _("invites a delegation"),
        default=False,
        help_text=_("A state or organisation invitation: its focal point names the delegation."),
    )
    country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("member state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("addressee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invitations",
        help_text=_("The invited person, or the focal point who receives a delegation invitation."),
    )
    email = models.EmailField(_("sent to"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices, default="es")
    quota = models.PositiveSmallIntegerField(
        _("places for the delegation"), default=1, help_text=_("How many people the delegation may name.")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.INVITED)
    nonce = models.PositiveIntegerField(default=0, editable=False, help_text="Bumped when a signed link is used.")
    accreditation_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("accreditation letter (note verbale)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kept in the documents app, readable only by the Secretariat."),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    last_reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "category", "pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=False) | Q(organization__isnull=False) | Q(person__isnull=False),
                name="invitation_has_invitee",
            ),
            models.UniqueConstraint(
                fields=["meeting", "country"],
                condition=Q(for_delegation=True, country__isnull=False),
                name="invitation_one_per_country",
            ),
            models.UniqueConstraint(
                fields=["meeting", "organization"],
                condition=Q(for_delegation=True, organization__isnull=False),
                name="invitation_one_per_organization",
            ),
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(for_delegation=False, person__isnull=False),
                name="invitation_one_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.invitee_name} — {self.meeting}"

    @property
    def invitee_name(self) -> str:
        if self.for_delegation:
            return self.country.name if self.country_id else self.organization.name
        return self.person.full_name if self.person_id else ""

    @property
    def is_unsent(self) -> bool:
        return self.status == self.Status.INVITED and self.sent_at is None

    @property
    def status_label(self) -> str:
        """What happened, as the Secretariat reads it: an invitation nobody received is not "sent"."""
        if self.is_unsent:
            return gettext("Not sent")
        if self.status == self.Status.INVITED:
            return gettext("Sent, no answer yet")
        return self.get_status_display()

    @property
    def not_sent_reason(self) -> str:
        if not self.is_unsent:
            return ""
        if self.email:
            return gettext("Not sent yet: use “Send the unsent invitations”.")
        if self.for_delegation and self.person_id is None:
            return gettext("No focal point of %(invitee)s in the directory, and no e-mail address to write to.") % {
                "invitee": self.invitee_name
            }
        return gettext("%(person)s has no e-mail address in the directory.") % {
            "person": self.person.full_name if self.person_id else self.invitee_name
        }


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


class LetterTemplate(models.Model):
    """A bilingual letter with placeholders: {name}, {meeting}, {dates}, {city}, {sponsors}, {delegation}."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        THANKS = "thanks", _("Thank-you letter to speakers on behalf of the sponsors")
        CERTIFICATE = "certificate", _("Certificate of attendance")
        OTHER = "other", _("Other")

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    subject_es = models.CharField(_("subject (Spanish)"), max_length=255)
    subject_en = models.CharField(_("subject (English)"), max_length=255, blank=True)
    body_es = models.TextField(_("body (Spanish)"))
    body_en = models.TextField(_("body (English)"), blank=True)

    subject = translated("subject")
    body = translated("body")

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")

    def __str__(self):
        return self.name


class Letter(models.Model):
    """One sending of a template to a set of recipients of a meeting, kept for resending."""

    class OnBehalf(models.TextChoices):
        SECRETARIAT = "", _("The Technical Secretariat itself")
        SPONSORS = "sponsors", _("The sponsors of the meeting")
        PPT = "ppt", _("The Pro-Tempore Presidency")
        OTHER = "other", _("Someone else (write it below in both languages)")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="letters")
    template = models.ForeignKey(LetterTemplate, on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(_("kind"), max_length=16, choices=LetterTemplate.Kind.choices)
    letter_date = models.DateField(_("date of the letter"), default=timezone.localdate)
    on_behalf = models.CharField(_("on behalf of"), max_length=16, choices=OnBehalf.choices, blank=True)
    signed_on_behalf_of = models.CharField(_("on behalf of (Spanish)"), max_length=255, blank=True)
    signed_on_behalf_of_en = models.CharField(_("on behalf of (English)"), max_length=255, blank=True)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")

    def __str__(self):
        return f"{self.template} — {self.meeting}"


class LetterRecipient(models.Model):
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="recipients")
    person = models.ForeignKey("directory.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices, default="es")
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    salutation = models.CharField(_("salutation"), max_length=255, blank=True)
    delegation = models.CharField(_("delegation"), max_length=255, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    send_count = models.PositiveSmallIntegerField(_("times sent"), default=0)
    not_sent_reason = models.CharField(
        _("why it was not sent"), max_length=300, blank=True, help_text=_("Empty once the letter has gone out.")
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("letter recipient")
        verbose_name_plural = _("letter recipients")

    def __str__(self):
        return self.name

    @property
    def on_behalf_text(self) -> str:
        letter = self.letter
        return (
            (letter.signed_on_behalf_of_en or letter.signed_on_behalf_of)
            if self.language == "en"
            else (letter.signed_on_behalf_of or letter.signed_on_behalf_of_en)
        )


class Mailing(models.Model):
    """An e-mail to a meeting's participants of some categories, merged per recipient and logged."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="mailings")
    categories = models.JSONField(_("categories"), default=list)
    subject_es = models.CharField(_("subject (Spanish)"), max_length=255)
    subject_en = models.CharField(_("subject (English)"), max_length=255, blank=True)
    body_es = models.TextField(_("body (Spanish)"))
    body_en = models.TextField(_("body (English)"), blank=True)
    recipients = models.JSONField(_("recipients"), default=list)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    subject = translated("subject")

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("mailing to participants")
        verbose_name_plural = _("mailings to participants")

    def __str__(self):
        return self.subject
