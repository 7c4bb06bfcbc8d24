"""Letters to participants and speakers (templates, letters, one file per recipient) and e-mails to participants."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.core.i18n import translated
from secretaria.meetings.models.invitations import ContentLanguage


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
