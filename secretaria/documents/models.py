"""Documents of the Conference: one reference symbol, several language versions, an access level."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from secretaria.core.access import AccessLevel
from secretaria.core.i18n import translated
from secretaria.files.storage import get_private_storage

# A UN-style symbol: at least two segments separated by "/", the first starting with a
# capital letter, e.g. CRM/ST/2004/12, CRM/GRCM/2004/3, CRM/IX/DEC.1/Add.1.
SYMBOL_PATTERN = r"^[A-Z][A-Z0-9.\-]*(/[A-Za-z0-9][A-Za-z0-9.\-]*)+$"
SYMBOL_RE = re.compile(SYMBOL_PATTERN)


def validate_symbol(value: str) -> None:
    if len(value) > 80 or not SYMBOL_RE.match(value):
        raise ValidationError(
            _(
                "A symbol is made of segments separated by slashes, starting with a capital letter, "
                "using only letters, digits, dots and hyphens, e.g. CRM/ST/2004/12."
            ),
            code="invalid_symbol",
        )


class Topic(models.Model):
    slug = models.SlugField(_("short name"), unique=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    name = translated("name")

    class Meta:
        ordering = ["name_es"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class Document(models.Model):
    class Type(models.TextChoices):
        WORKING_DOCUMENT = "working_document", _("Working document")
        PRELIMINARY_AGENDA = "preliminary_agenda", _("Preliminary agenda")
        ANNOTATED_AGENDA = "annotated_agenda", _("Annotated agenda")
        LOGISTICS_NOTE = "logistics_note", _("Administrative and logistics note")
        PRESENTATION = "presentation", _("Presentation")
        REPORT = "report", _("Report")
        LETTER = "letter", _("Letter")
        DECLARATION = "declaration", _("Declaration")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    symbol = models.CharField(
        _("symbol"),
        max_length=80,
        unique=True,
        validators=[validate_symbol],
        help_text=_("The document's reference, e.g. CRM/ST/2004/12. It is the document's permanent address."),
    )
    doc_type = models.CharField(_("type"), max_length=32, choices=Type.choices, default=Type.WORKING_DOCUMENT)
    date = models.DateField(_("date"))
    title_es = models.CharField(_("title (Spanish)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    summary_es = models.TextField(_("summary (Spanish)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="documents")
    author = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("author organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    group = models.ForeignKey(
        "directory.Group",
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        help_text=_("The group whose work this document belongs to, if any."),
    )
    access_level = models.CharField(
        _("who may read it"), max_length=16, choices=AccessLevel.choices, default=AccessLevel.MEMBERS
    )
    access_group = models.ForeignKey(
        "directory.Group",
        verbose_name=_("readers' group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_('Only for the access level "A named group".'),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawal_note = models.TextField(_("reason for withdrawal"), blank=True)

    title = translated("title")
    summary = translated("summary")

    class Meta:
        ordering = ["-date", "symbol"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["status", "access_level", "-date"], name="document_listing")]
        constraints = [
            models.CheckConstraint(condition=Q(symbol__regex=SYMBOL_PATTERN), name="document_symbol_format"),
            models.CheckConstraint(condition=~Q(title_es="", title_en=""), name="document_has_a_title"),
            models.CheckConstraint(
                condition=Q(access_level=AccessLevel.GROUP, access_group__isnull=False)
                | (~Q(access_level=AccessLevel.GROUP) & Q(access_group__isnull=True)),
                name="document_access_group_iff_group_level",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False), name="document_published_has_date"
            ),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | Q(withdrawn_at__isnull=False), name="document_withdrawn_has_date"
            ),
        ]

    def __str__(self):
        return f"{self.symbol} — {self.title}"

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"symbol": self.symbol})

    def clean(self):
        super().clean()
        if not (self.title_es or self.title_en):
            raise ValidationError({"title_es": _("Give the title in at least one language.")})
        if self.access_level == AccessLevel.GROUP and not self.access_group_id:
            raise ValidationError({"access_group": _("Choose the group whose members may read it.")})
        if self.access_level != AccessLevel.GROUP and self.access_group_id:
            raise ValidationError({"access_group": _('A readers\' group only goes with the level "A named group".')})

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN


class Language(models.TextChoices):
    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    PORTUGUESE = "pt", _("Portuguese")


class ExtractionState(models.TextChoices):
    PENDING = "pending", _("Pending")
    DONE = "done", pgettext_lazy("extraction", "Done")
    FAILED = "failed", _("Failed")
    NOT_EXTRACTABLE = "not_extractable", _("Not extractable")


class StoredFileFields(models.Model):
    """What is kept of any stored file, current or replaced."""

    file = models.FileField(_("file"), storage=get_private_storage, max_length=255)
    original_name = models.CharField(_("original name"), max_length=255)
    file_type = models.CharField(_("file type"), max_length=16)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    uploaded_at = models.DateTimeField(_("uploaded"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class DocumentFile(StoredFileFields):
    """One language version of a document: its current file and the text taken from it."""

    document = models.ForeignKey(Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    extraction_state = models.CharField(
        _("text extraction"), max_length=16, choices=ExtractionState.choices, default=ExtractionState.PENDING
    )
    extraction_error = models.CharField(_("why extraction failed"), max_length=500, blank=True)
    extracted_text = models.TextField(_("extracted text"), blank=True)
    extracted_at = models.DateTimeField(_("extracted"), null=True, blank=True)

    class Meta:
        ordering = ["document", "language"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "language"], name="document_file_one_per_language"),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="document_file_sha256_hex"),
        ]

    def __str__(self):
        return f"{self.document.symbol} [{self.language}]"


class DocumentFileRevision(StoredFileFields):
    """A file that a newer upload replaced, kept for the record."""

    document_file = models.ForeignKey(
        DocumentFile, verbose_name=_("language version"), on_delete=models.CASCADE, related_name="revisions"
    )
    replaced_at = models.DateTimeField(_("replaced"))
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["document_file", "-replaced_at", "-id"]
        verbose_name = _("earlier revision")
        verbose_name_plural = _("earlier revisions")
        constraints = [
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="document_revision_sha256_hex"),
        ]

    def __str__(self):
        return f"{self.document_file} ({self.uploaded_at:%Y-%m-%d})"


class DocumentComment(models.Model):
    """A comment on a restricted document by someone who may read it (drafting in the open
    among those concerned). Never on public documents, never shown on the public portal."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True,
                               on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("hidden by"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("document comment")
        verbose_name_plural = _("document comments")
        constraints = [models.CheckConstraint(condition=~Q(body=""), name="document_comment_has_body")]

    def __str__(self):
        return self.body[:60]
