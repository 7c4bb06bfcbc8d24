"""Content of the public portal and the members' area: pages, news items and images.

Pages and news are content typed by the Secretariat, not templates: each exists in
Spanish and English (``title_es``/``title_en``…, read through ``translated``), its body is
Markdown rendered by ``secretaria.core.richtext.render_markdown`` (sanitised), and every
change is kept by django-simple-history.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from secretaria.core.access import AccessLevel
from secretaria.core.i18n import translated
from secretaria.core.richtext import render_markdown


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def live(self, now=None):
        """Published and with a publication date that has come."""
        return self.filter(status=Status.PUBLISHED, publish_at__lte=now or timezone.now())


class Publishable(models.Model):
    """What pages and news items share: two languages, a status, a publication date, access."""

    title_es = models.CharField(_("title (Spanish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_es = models.TextField(_("summary (Spanish)"), blank=True, max_length=500)
    summary_en = models.TextField(_("summary (English)"), blank=True, max_length=500)
    body_es = models.TextField(_("text (Spanish)"), blank=True, help_text=_("Markdown."))
    body_en = models.TextField(_("text (English)"), blank=True, help_text=_("Markdown."))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("A published item is shown from this moment on. Empty: now, when it is published."),
    )
    access_group = models.ForeignKey(
        "directory.Group",
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Only for the access level “A named group”."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    title = translated("title")
    summary = translated("summary")
    body = translated("body")

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def body_html(self) -> str:
        return render_markdown(self.body)

    @property
    def is_live(self) -> bool:
        return self.status == Status.PUBLISHED and self.publish_at is not None and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self) -> bool:
        return self.status == Status.PUBLISHED and self.publish_at is not None and self.publish_at > timezone.now()

    @classmethod
    def base_constraints(cls, prefix: str) -> list[models.BaseConstraint]:
        return [
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED) | Q(publish_at__isnull=False),
                name=f"{prefix}_published_has_date",
                violation_error_message=_("A published item needs a publication date."),
            ),
            models.CheckConstraint(
                condition=Q(access_level=AccessLevel.GROUP, access_group__isnull=False)
                | (~Q(access_level=AccessLevel.GROUP) & Q(access_group__isnull=True)),
                name=f"{prefix}_group_iff_group_level",
                violation_error_message=_("Choose a group for the level “A named group”, and only for that level."),
            ),
        ]


class Page(Publishable):
    class Site(models.TextChoices):
        PUBLIC = "public", _("Public portal")
        MEMBERS = "members", _("Members' area")

    site = models.CharField(_("site"), max_length=16, choices=Site.choices, default=Site.PUBLIC)
    slug = models.SlugField(_("address"), max_length=80, help_text=_("Lower-case letters, digits and hyphens."))
    access_level = models.CharField(
        _("who may read it"),
        max_length=16,
        choices=AccessLevel.choices,
        default=AccessLevel.PUBLIC,
        help_text=_("Pages of the public portal are public; pages of the members' area are not."),
    )
    menu_order = models.PositiveIntegerField(_("order in menus"), default=100)
    show_in_nav = models.BooleanField(_("show in navigation"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["site", "menu_order", "title_es"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "slug"],
                name="portal_page_unique_slug_per_site",
                violation_error_message=_("A page with this address already exists on this site."),
            ),
            models.CheckConstraint(
                condition=Q(site="public", access_level=AccessLevel.PUBLIC)
                | (Q(site="members") & ~Q(access_level=AccessLevel.PUBLIC)),
                name="portal_page_level_matches_site",
                violation_error_message=_(
                    "Pages of the public portal are public; pages of the members' area need a restricted level."
                ),
            ),
            *Publishable.base_constraints("portal_page"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        if self.site == self.Site.MEMBERS:
            return reverse("members:page", args=[self.slug])
        if self.slug == "home":
            return reverse("portal:home")
        return reverse("portal:page", args=[self.slug])


def _image_path(instance, filename: str) -> str:
    # The uploader's file name is never used on disk: it may hold anything.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"portal/images/{uuid.uuid4().hex}{suffix}"


class Image(models.Model):
    """A picture for pages and news.

    Images are public assets: the upload form says so, and ``portal_image`` serves any of
    them to anyone. A picture that must stay restricted belongs in the documents module
    (with its access level), not here. This keeps pages and news cheap to render and
    lets the public portal, the feed and e-mails link pictures without a session.
    """

    file = models.ImageField(_("file"), upload_to=_image_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    alt_es = models.CharField(
        _("description (Spanish)"), max_length=250, help_text=_("What the picture shows, for screen readers.")
    )
    alt_en = models.CharField(_("description (English)"), max_length=250, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    alt = translated("alt")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt or self.original_name

    @property
    def name(self) -> str:
        return PurePosixPath(self.file.name).name

    @property
    def url(self) -> str:
        return reverse("portal_image", args=[self.name])

    def markdown(self) -> str:
        """The snippet to paste into a page or news text."""
        alt = self.alt.replace("[", "(").replace("]", ")")  # brackets would end the Markdown alt text
        return f"![{alt}]({self.url})"


class NewsItem(Publishable):
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    access_level = models.CharField(
        _("who may read it"), max_length=16, choices=AccessLevel.choices, default=AccessLevel.PUBLIC
    )
    image = models.ForeignKey(
        Image, verbose_name=_("image"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Shown under the item, each to the readers who may see it (the news page filters them).
    related_meetings = models.ManyToManyField(
        "meetings.Meeting", verbose_name=_("related meetings"), blank=True, related_name="news_items"
    )
    related_documents = models.ManyToManyField(
        "documents.Document", verbose_name=_("related documents"), blank=True, related_name="news_items"
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-publish_at", "-created_at"]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        constraints = Publishable.base_constraints("portal_news")

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal:news_detail", args=[self.slug])
