"""The six-monthly activity and financial report: a period, its versions, and once issued its
frozen data and files.

A draft is generated from the section providers (``sections.py``); each ``ReportVersion`` keeps
the Secretariat's edits by paragraph key (kept, edited, removed, added) and the text as it read
when saved, for comparing. Figures stay live (regenerated on each view) until the report is
issued; issuing stores the snapshot and the rendered files with their SHA-256, and from then on
nothing of the report changes: a correction is a new report that ``corrects`` it.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel
from secretaria.core.i18n import translated
from secretaria.files.storage import get_private_storage


class PlatformChange(models.Model):
    """A change to the Virtual Secretariat the Secretariat lists for section C of the report."""

    class Category(models.TextChoices):
        TECHNOLOGY = "technology", _("Technology (hardware and software)")
        MIGRATION = "migration", _("Migration to new servers")
        SERVICE = "service", _("New service")
        OTHER = "other", _("Other")

    recorded_on = models.DateField(_("date"), help_text=_("The report of the period that holds this date tells it."))
    category = models.CharField(_("category"), max_length=12, choices=Category.choices, default=Category.TECHNOLOGY)
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    body_es = models.TextField(_("text (Spanish)"), blank=True, help_text=_("One paragraph per line."))
    body_en = models.TextField(_("text (English)"), blank=True, help_text=_("One paragraph per line."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    title = translated("title")
    body = translated("body")

    class Meta:
        ordering = ["recorded_on", "pk"]
        verbose_name = _("platform change")
        verbose_name_plural = _("platform changes")

    def __str__(self):
        return f"{self.recorded_on} {self.title_es}"


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Sent to the Pro-Tempore Presidency")
        APPROVED = "approved", _("Approved by the Pro-Tempore Presidency")
        ISSUED = "issued", _("Issued")

    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    symbol = models.CharField(_("document symbol"), max_length=80, blank=True, help_text=_("e.g. CRM/ST/2004/INF.2"))
    access_level = models.CharField(
        _("access level"), max_length=16, choices=AccessLevel.choices, default=AccessLevel.MEMBERS
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    corrects = models.ForeignKey(
        "self", verbose_name=_("corrects"), null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_version = models.ForeignKey(
        "ReportVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The sections as issued (text, tables, charts, facts): what the files were rendered from.
    snapshot = models.JSONField(_("data used"), default=dict, blank=True)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    title = translated("title")

    class Meta:
        ordering = ["-period_end", "-pk"]
        verbose_name = _("activity report")
        verbose_name_plural = _("activity reports")
        constraints = [
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")), name="report_period")
        ]

    def __str__(self):
        return self.title_es

    def get_absolute_url(self):
        return reverse("reports:detail", args=[self.pk])

    @property
    def is_issued(self) -> bool:
        return self.status == self.Status.ISSUED


class ReportVersion(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    # {paragraph key: {"state": "edited"|"removed", "es": ..., "en": ...}}; added paragraphs are
    # {"state": "added", "section": key, "after": key or "", "es", "en"} under an "added-N" key.
    edits = models.JSONField(default=dict, blank=True)
    # The sections as they read when this version was saved (for comparing versions).
    content = models.JSONField(default=list, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["report", "number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="report_version_number")]

    def __str__(self):
        return f"{self.report} v{self.number}"


class ReportFile(models.Model):
    """A rendered file of an issued report: frozen, with its SHA-256."""

    class Format(models.TextChoices):
        DOCX = "docx", "DOCX"
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "XLSX"

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="files")
    language = models.CharField(_("language"), max_length=2)
    fmt = models.CharField(_("format"), max_length=4, choices=Format.choices)
    file = models.FileField(storage=get_private_storage, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["report", "language", "fmt"]
        constraints = [models.UniqueConstraint(fields=["report", "language", "fmt"], name="report_file_once")]

    def __str__(self):
        return self.original_name
