"""What a conference decided, who owes what, and the dated log of how each party is getting on.

Progress is never typed: it is derived from the status of each responsible party
(``secretaria.decisions.selectors``).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel
from secretaria.core.i18n import pick, translated
from secretaria.files.storage import get_private_storage

# Member countries whose letters are written in English; the others get Spanish.
ENGLISH_SPEAKING_COUNTRIES = frozenset({"BZ", "CA", "US"})


def country_language(iso2: str) -> str:
    return "en" if iso2.upper() in ENGLISH_SPEAKING_COUNTRIES else "es"


class Theme(models.Model):
    slug = models.SlugField(_("short name"), unique=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)

    name = translated("name")

    class Meta:
        ordering = ["name_es"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


def paragraph_rank(paragraph: str) -> int:
    """a → 1, b → 2 … (0 for the numbered paragraph itself), so that "b" sorts before "aa"."""
    rank = 0
    for char in paragraph.lower():
        if "a" <= char <= "z":
            rank = rank * 26 + (ord(char) - ord("a") + 1)
    return rank


class Decision(models.Model):
    class Kind(models.TextChoices):
        OPERATIONAL = "operational", _("Operational (something must be done)")
        INFORMATIONAL = "informational", _("Informational")

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="decisions"
    )
    number = models.PositiveIntegerField(_("decision number"))
    paragraph = models.CharField(
        _("paragraph"),
        max_length=8,
        blank=True,
        help_text=_("Letter of the sub-paragraph (a, b…); empty for the whole decision."),
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True, editable=False)
    text_es = models.TextField(_("text (Spanish)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.OPERATIONAL)
    access_level = models.CharField(
        _("who may see it"), max_length=16, choices=AccessLevel.choices, default=AccessLevel.MEMBERS
    )
    access_group = models.ForeignKey(
        "directory.Group",
        verbose_name=_("group with access"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Only when the access level is a named group."),
    )
    country_detail_public = models.BooleanField(
        _("country detail public"),
        default=False,
        help_text=_("Show each country's status on the public accountability page, not only the overall progress."),
    )
    supersedes = models.ForeignKey(
        "self",
        verbose_name=_("supersedes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="superseded_by",
        help_text=_("An earlier decision this one replaces."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    text = translated("text")

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number", "paragraph"], name="decision_unique_number"),
            models.CheckConstraint(
                condition=~Q(access_level=AccessLevel.GROUP) | Q(access_group__isnull=False),
                name="decision_group_access_has_group",
            ),
            models.CheckConstraint(condition=~Q(supersedes=models.F("id")), name="decision_not_self_superseding"),
        ]

    def __str__(self):
        return self.full_label

    def save(self, *args, **kwargs):
        # The sort key follows from the number; it is not data anyone types.
        self.order = self.number * 1000 + paragraph_rank(self.paragraph)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("decisions:detail", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        if self.access_level == AccessLevel.GROUP and not self.access_group_id:
            errors["access_group"] = _("Choose the group that may see this decision.")
        if self.supersedes_id and self.pk and self.supersedes_id == self.pk:
            errors["supersedes"] = _("A decision cannot supersede itself.")
        if not (self.text_es or self.text_en):
            errors["text_es"] = _("Give the text in at least one language.")
        if errors:
            raise ValidationError(errors)

    def label_in(self, lang: str | None = None) -> str:
        with translation.override(lang or translation.get_language()):
            if self.paragraph:
                return str(
                    _("decision %(number)s, paragraph %(paragraph)s")
                    % {"number": self.number, "paragraph": self.paragraph}
                )
            return str(_("decision %(number)s") % {"number": self.number})

    @property
    def label(self) -> str:
        return self.label_in()

    @property
    def full_label(self) -> str:
        return f"{self.meeting.title}, {self.label}"


class Commitment(models.Model):
    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="commitments"
    )
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    due_before_meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("due before meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commitments_due",
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    description = translated("description")

    class Meta:
        ordering = ["decision", "order", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__isnull=True) | Q(due_before_meeting__isnull=True),
                name="commitment_one_kind_of_deadline",
            )
        ]

    def __str__(self):
        return self.description[:80]

    def clean(self):
        if self.due_date and self.due_before_meeting_id:
            raise ValidationError({"due_date": _("Give either a due date or a meeting, not both.")})

    @property
    def deadline(self) -> datetime.date | None:
        """The date by which it is due: the due date, or the first day of the meeting."""
        if self.due_date:
            return self.due_date
        if self.due_before_meeting_id:
            return self.due_before_meeting.start_date
        return None

    def deadline_in(self, lang: str) -> str:
        with translation.override(lang):
            if self.due_date:
                return formats.date_format(self.due_date, "DATE_FORMAT")
            if self.due_before_meeting_id:
                return str(_("before %(meeting)s") % {"meeting": pick(self.due_before_meeting, "title", lang)})
            return str(_("no deadline"))


class PartyStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


OPEN_STATUSES = (PartyStatus.PENDING, PartyStatus.IN_PROGRESS)


class CommitmentParty(models.Model):
    """One party responsible for a commitment, with its own status."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Member country")
        SECRETARIAT = "secretariat", _("Technical Secretariat")
        PPT = "ppt", _("Pro-Tempore Presidency")
        NETWORK = "network", _("Liaison-officer network")
        ORGANIZATION = "organization", _("Observer organisation")

    commitment = models.ForeignKey(
        Commitment, verbose_name=_("commitment"), on_delete=models.CASCADE, related_name="parties"
    )
    kind = models.CharField(_("kind of party"), max_length=16, choices=Kind.choices)
    country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    group = models.ForeignKey(
        "directory.Group", verbose_name=_("network"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=16, choices=PartyStatus.choices, default=PartyStatus.PENDING)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    last_reminded_on = models.DateField(_("last reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["commitment", "kind", "country__name_es", "pk"]
        verbose_name = _("responsible party")
        verbose_name_plural = _("responsible parties")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="country", country__isnull=False, group__isnull=True, organization__isnull=True)
                    | Q(kind="network", country__isnull=True, group__isnull=False, organization__isnull=True)
                    | Q(kind="organization", country__isnull=True, group__isnull=True, organization__isnull=False)
                    | Q(
                        kind__in=["secretariat", "ppt"],
                        country__isnull=True,
                        group__isnull=True,
                        organization__isnull=True,
                    )
                ),
                name="party_kind_matches_reference",
            ),
            models.UniqueConstraint(
                fields=["commitment", "country"], condition=Q(kind="country"), name="party_unique_country"
            ),
            models.UniqueConstraint(
                fields=["commitment", "kind"], condition=Q(kind__in=["secretariat", "ppt"]), name="party_unique_body"
            ),
            models.UniqueConstraint(
                fields=["commitment", "group"], condition=Q(kind="network"), name="party_unique_network"
            ),
            models.UniqueConstraint(
                fields=["commitment", "organization"],
                condition=Q(kind="organization"),
                name="party_unique_organization",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def key(self) -> str:
        """A short stable key: the ISO code, "st", "ppt", "net-<slug>" or "org-<id>"."""
        if self.kind == self.Kind.COUNTRY:
            return self.country.iso2
        if self.kind == self.Kind.NETWORK:
            return f"net-{self.group.slug}"
        if self.kind == self.Kind.ORGANIZATION:
            return f"org-{self.organization_id}"
        return "st" if self.kind == self.Kind.SECRETARIAT else "ppt"

    def name_in(self, lang: str | None = None) -> str:
        if self.kind == self.Kind.COUNTRY:
            return pick(self.country, "name", lang)
        if self.kind == self.Kind.NETWORK:
            return pick(self.group, "name", lang)
        if self.kind == self.Kind.ORGANIZATION:
            return pick(self.organization, "acronym", lang) or pick(self.organization, "name", lang)
        with translation.override(lang or translation.get_language()):
            return str(self.Kind(self.kind).label)

    @property
    def name(self) -> str:
        return self.name_in()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def clean(self):
        needed = {
            self.Kind.COUNTRY: "country",
            self.Kind.NETWORK: "group",
            self.Kind.ORGANIZATION: "organization",
        }.get(self.kind)
        errors = {}
        for field in ("country", "group", "organization"):
            has = getattr(self, f"{field}_id") is not None
            if field == needed and not has:
                errors[field] = _("Choose the responsible %(what)s.") % {
                    "what": self._meta.get_field(field).verbose_name
                }
            elif field != needed and has:
                errors[field] = _("Leave this empty for this kind of party.")
        if errors:
            raise ValidationError(errors)


class FollowUpLetter(models.Model):
    """A follow-up letter to one member country about one meeting's decisions."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not sent")
        SKIPPED = "skipped", _("Not sent: nothing to report")

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="follow_up_letters"
    )
    country = models.ForeignKey(
        "directory.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="follow_up_letters"
    )
    language = models.CharField(_("language"), max_length=2, choices=[("es", _("Spanish")), ("en", _("English"))])
    letter_date = models.DateField(_("date of the letter"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    status_reason = models.CharField(
        _("why it was not sent"), max_length=300, blank=True, help_text=_("Set when the letter was not sent.")
    )
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    items = models.JSONField(
        _("commitments listed"),
        default=list,
        blank=True,
        help_text=_("What the letter lists, as it stood when written."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prepared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-letter_date", "country__name_es"]
        verbose_name = _("follow-up letter")
        verbose_name_plural = _("follow-up letters")

    def __str__(self):
        return f"{self.meeting} — {self.country} ({self.letter_date})"


class ProgressNote(models.Model):
    """One dated entry in a party's history: a status change, a note, or a letter (a milestone)."""

    class Kind(models.TextChoices):
        UPDATE = "update", _("Progress update")
        LETTER = "letter", _("Follow-up letter")
        REMINDER = "reminder", _("Reminder sent")

    party = models.ForeignKey(
        CommitmentParty, verbose_name=_("responsible party"), on_delete=models.CASCADE, related_name="notes"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.UPDATE)
    occurred_on = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_name = models.CharField(_("by (name)"), max_length=150, blank=True)
    status_from = models.CharField(_("status before"), max_length=16, choices=PartyStatus.choices, blank=True)
    status_to = models.CharField(_("status after"), max_length=16, choices=PartyStatus.choices, blank=True)
    text = models.TextField(_("note"), blank=True)
    evidence_url = models.URLField(_("evidence (link)"), blank=True, max_length=500)
    evidence_documents = models.ManyToManyField(
        "documents.Document", verbose_name=_("evidence (documents)"), blank=True, related_name="progress_notes"
    )
    letter = models.ForeignKey(
        FollowUpLetter, verbose_name=_("letter"), null=True, blank=True, on_delete=models.SET_NULL, related_name="notes"
    )

    class Meta:
        ordering = ["-occurred_on", "-recorded_at", "-pk"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self):
        return f"{self.occurred_on} {self.party}"

    @property
    def is_status_change(self) -> bool:
        return bool(self.status_to) and self.status_from != self.status_to


class ProgressNoteFile(models.Model):
    """A file uploaded as evidence of progress (a national report, a decree): checked by the
    documents app's upload checks, kept in private storage, served only through the access
    policy (``decisions.view_evidence_file``)."""

    note = models.ForeignKey(ProgressNote, verbose_name=_("progress note"), on_delete=models.CASCADE,
                             related_name="files")  # fmt: skip
    file = models.FileField(_("file"), storage=get_private_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    file_type = models.CharField(_("file type"), max_length=16)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    access_level = models.CharField(
        _("who may read it"), max_length=16, choices=AccessLevel.choices, default=AccessLevel.MEMBERS
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        constraints = [
            # The group level needs a group; evidence files do not carry one.
            models.CheckConstraint(condition=~Q(access_level=AccessLevel.GROUP), name="evidence_file_not_group"),
        ]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("decisions:evidence_file", kwargs={"pk": self.pk})
