"""Inquiries from outside the Conference (a university, an NGO, a journalist), answered and tracked.

An inquiry arrives from the portal's contact form or the inquiries mailbox, gets a reference
(``CRM-ST-2004-0007``) that travels in the subject of every message of its thread, and moves
new → assigned → answered → closed; "waiting for the requester" pauses the clock by which the
response times are measured (office hours, Costa Rica's public holidays: ``office.py``).
Requesters' personal data is the Secretariat's only; it is erased on request or after the
retention period, keeping the row (dates, topic, country, status) for the counts.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.core.i18n import translated
from secretaria.documents.models import StoredFileFields


class InquiryLanguage(models.TextChoices):
    ES = "es", "Español"
    EN = "en", "English"


class Inquiry(models.Model):
    class Channel(models.TextChoices):
        WEB = "web", _("Contact form")
        EMAIL = "email", _("E-mail")
        OTHER = "other", _("Other (entered by the Secretariat)")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        WAITING = "waiting", _("Waiting for the requester")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=32, unique=True)
    channel = models.CharField(_("received by"), max_length=8, choices=Channel.choices, default=Channel.WEB)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    # The requester (erased by ``inquiry_erase``).
    name = models.CharField(_("name"), max_length=200, blank=True)
    organization_name = models.CharField(_("organisation"), max_length=255, blank=True)
    organization = models.ForeignKey(
        "directory.Organization", verbose_name=_("organisation in the directory"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="inquiries",
    )  # fmt: skip
    email = models.EmailField(_("e-mail"), blank=True)
    country = models.ForeignKey(
        "directory.Country", verbose_name=_("country"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="inquiries",
    )  # fmt: skip
    language = models.CharField(_("language"), max_length=2, choices=InquiryLanguage.choices, default="es")
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    text = models.TextField(_("text"), blank=True)
    # For the six-monthly report (written by the Secretariat; no personal data).
    summary_es = models.CharField(_("one-line summary (Spanish)"), max_length=300, blank=True)
    summary_en = models.CharField(_("one-line summary (English)"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assigned to"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="assigned_inquiries",
    )  # fmt: skip
    first_response_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    documents = models.ManyToManyField(
        "documents.Document", verbose_name=_("documents sent"), blank=True, related_name="inquiries"
    )

    summary = translated("summary")

    class Meta:
        ordering = ["-received_at", "pk"]
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")

    def __str__(self):
        return self.reference

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class InquiryStatusChange(models.Model):
    """Each step of the status, with its moment: the clock (paused while waiting) is read from these."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=10, choices=Inquiry.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=10, choices=Inquiry.Status.choices)
    changed_at = models.DateTimeField(_("when"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["inquiry", "changed_at", "pk"]

    def __str__(self):
        return f"{self.inquiry_id}: {self.from_status} → {self.to_status}"


class InquiryMessage(models.Model):
    """One message of the thread: the request, a reply of the Secretariat, the requester's answer."""

    class Direction(models.TextChoices):
        IN = "in", _("From the requester")
        OUT = "out", _("From the Secretariat")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    sent_at = models.DateTimeField(_("when"), default=timezone.now)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    body = models.TextField(_("text"), blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, blank=True, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    template_version = models.ForeignKey(
        "outreach.AnswerTemplateVersion", verbose_name=_("template used"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="replies",
    )  # fmt: skip
    is_acknowledgement = models.BooleanField(_("acknowledgement"), default=False)

    class Meta:
        ordering = ["inquiry", "sent_at", "pk"]

    def __str__(self):
        return f"{self.inquiry_id} {self.direction} {self.sent_at:%Y-%m-%d}"


class InquiryAttachment(StoredFileFields):
    """A file the requester sent (checked by secretaria/files like every upload)."""

    message = models.ForeignKey(InquiryMessage, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        ordering = ["message", "pk"]


class InquiryNote(models.Model):
    """An internal note of the Secretariat on an inquiry (never sent)."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["inquiry", "created_at", "pk"]

    def __str__(self):
        return self.body[:60]


class AnswerTemplate(models.Model):
    """A bilingual answer the Secretariat reuses. Every edit makes a new version; a reply
    records the version it was written from."""

    slug = models.SlugField(_("short name"), unique=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    name = translated("name")

    class Meta:
        ordering = ["slug"]
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")

    def __str__(self):
        return self.name

    @property
    def current(self):
        return self.versions.order_by("-number").first()


class AnswerTemplateVersion(models.Model):
    template = models.ForeignKey(AnswerTemplate, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    subject_es = models.CharField(_("subject (Spanish)"), max_length=200)
    subject_en = models.CharField(_("subject (English)"), max_length=200)
    body_es = models.TextField(_("text (Spanish)"))
    body_en = models.TextField(_("text (English)"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["template", "number"]
        constraints = [models.UniqueConstraint(fields=["template", "number"], name="answer_template_version_once")]

    def __str__(self):
        return f"{self.template.slug} v{self.number}"
