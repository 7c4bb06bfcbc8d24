"""A meeting of the Conference: the plenary, the GRCM, a network, a seminar or workshop."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel
from secretaria.core.i18n import current_language, translated
from secretaria.directory.selectors import presidency_on

TIME_ZONE_CHOICES = [
    ("America/Costa_Rica", "America/Costa_Rica"),
    ("America/Panama", "America/Panama"),
    ("America/Guatemala", "America/Guatemala"),
    ("America/El_Salvador", "America/El_Salvador"),
    ("America/Tegucigalpa", "America/Tegucigalpa"),
    ("America/Managua", "America/Managua"),
    ("America/Belize", "America/Belize"),
    ("America/Mexico_City", "America/Mexico_City"),
    ("America/Santo_Domingo", "America/Santo_Domingo"),
    ("America/New_York", "America/New_York"),
    ("America/Chicago", "America/Chicago"),
    ("America/Los_Angeles", "America/Los_Angeles"),
    ("America/Toronto", "America/Toronto"),
    ("America/Vancouver", "America/Vancouver"),
    ("America/Bogota", "America/Bogota"),
    ("UTC", "UTC"),
]


class Meeting(models.Model):
    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Vice-Ministerial Conference (plenary)")
        GRCM = "grcm", _("GRCM meeting")
        NETWORK = "network", _("Liaison-officer network meeting")
        SEMINAR = "seminar", _("Seminar")
        WORKSHOP = "workshop", _("Workshop")
        OTHER = "other", _("Other meeting")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        INVITATIONS_SENT = "invitations_sent", _("Invitations sent")
        REGISTRATION_OPEN = "registration_open", _("Open for registration")
        HELD = "held", _("Held")
        REPORT_PUBLISHED = "report_published", _("Report published")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed")

    class Language(models.TextChoices):
        ES = "es", _("Spanish")
        EN = "en", _("English")
        FR = "fr", _("French")
        PT = "pt", _("Portuguese")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True, help_text=_("Markdown."))
    description_en = models.TextField(_("description (English)"), blank=True, help_text=_("Markdown."))
    start_date = models.DateField(_("first day"), db_index=True)
    end_date = models.DateField(_("last day"))
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TIME_ZONE_CHOICES, default="America/Costa_Rica")
    city = models.CharField(_("city"), max_length=100, blank=True)
    city_en = models.CharField(
        _("city (English)"), max_length=100, blank=True,
        help_text=_("Only where English names the city otherwise: Guatemala City, Panama City."),
    )  # fmt: skip
    country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    host_countries = models.ManyToManyField(
        "directory.Country", verbose_name=_("host countries"), blank=True, related_name="hosted_meetings"
    )
    sponsor_countries = models.ManyToManyField(
        "directory.Country", verbose_name=_("sponsor countries"), blank=True, related_name="sponsored_meetings"
    )
    sponsor_organizations = models.ManyToManyField(
        "directory.Organization", verbose_name=_("sponsor organisations"), blank=True, related_name="sponsored_meetings"
    )
    group = models.ForeignKey(
        "directory.Group",
        verbose_name=_("body or network"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        help_text=_("The GRCM or the network that meets, if any."),
    )
    working_languages = models.JSONField(
        _("working languages"), default=list, blank=True, help_text=_("ISO 639-1 codes, e.g. es, en.")
    )
    interpretation = models.BooleanField(_("simultaneous interpretation"), default=False)
    access_level = models.CharField(
        _("who may see it"), max_length=16, choices=AccessLevel.choices, default=AccessLevel.PUBLIC
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
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED, db_index=True)
    status_notice_es = models.TextField(
        _("status notice (Spanish)"), blank=True, help_text=_("Shown when the meeting is cancelled or postponed.")
    )
    status_notice_en = models.TextField(_("status notice (English)"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty: no limit."))
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    title = translated("title")

    description = translated("description")
    status_notice = translated("status_notice")

    class Meta:
        ordering = ["-start_date", "slug"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="meeting_end_after_start"),
            models.CheckConstraint(
                condition=~Q(access_level=AccessLevel.GROUP) | Q(access_group__isnull=False),
                name="meeting_group_access_has_group",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:

        return reverse("meetings:detail", kwargs={"slug": self.slug})

    def city_in(self, lang: str | None = None) -> str:
        """The city as the reader's language names it (``city`` is the Spanish name)."""
        if (lang or current_language()) == "en" and self.city_en:
            return self.city_en
        return self.city

    @property
    def city_name(self) -> str:
        return self.city_in()

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("A meeting cannot end before it starts.")
        if self.access_level == AccessLevel.GROUP and not self.access_group_id:
            errors["access_group"] = _("Choose the group that may see this meeting.")
        try:
            zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            errors["time_zone"] = _("Unknown time zone.")
        if errors:
            raise ValidationError(errors)

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def presidency(self):
        """The Pro-Tempore Presidency term on the meeting's first day (None if unknown)."""
        if not hasattr(self, "_presidency"):
            self._presidency = presidency_on(self.start_date)
        return self._presidency

    @property
    def is_upcoming(self) -> bool:
        return self.end_date >= timezone.localdate()

    @property
    def is_interrupted(self) -> bool:
        return self.status in (self.Status.CANCELLED, self.Status.POSTPONED)

    def working_language_names(self) -> list[str]:
        labels = dict(self.Language.choices)
        return [str(labels.get(code, code)) for code in self.working_languages]
