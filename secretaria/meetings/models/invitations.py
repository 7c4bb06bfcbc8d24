"""Invitations to a meeting (a member state through its focal point, an organisation, a person) and
the history of what happened to each (sent, reminded, answered, delegate named…)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


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
