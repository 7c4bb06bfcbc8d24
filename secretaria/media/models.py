"""Photos and videos of the sessions: galleries, their items and every file served for them.

A ``Gallery`` belongs to a meeting (a foreign key: meetings is below media) or to an object of an
app above media (a portal page, an outreach engagement) through a generic owner, whose kinds
those apps register in ``media.owners``. A gallery holds ``MediaItem``s (a photo, an uploaded
video or a link to a video on an external platform); every byte served for an item (the original,
the thumbnail and web sizes, a video's poster, its subtitles) is a ``MediaFile`` with an unguessable
identifier, read through the one authorising view (``views.serve``).
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel
from secretaria.core.i18n import translated
from secretaria.files.storage import get_private_storage


class Gallery(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    uid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="galleries",
    )
    # A page of the portal or an outreach engagement: apps above media register these kinds.
    owner_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    owner_id = models.PositiveBigIntegerField(null=True, blank=True)
    owner = GenericForeignKey("owner_type", "owner_id")
    title_es = models.CharField(_("title (Spanish)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
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
    )
    downloads_allowed = models.BooleanField(
        _("visitors may download the photos"),
        default=True,
        help_text=_("In the web and large sizes; the original stays with the Secretariat."),
    )
    cover = models.ForeignKey(
        "media.MediaItem", verbose_name=_("cover"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    title = translated("title")
    description = translated("description")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")
        constraints = [
            models.CheckConstraint(
                condition=~Q(access_level=AccessLevel.GROUP) | Q(access_group__isnull=False),
                name="gallery_group_access_has_group",
            ),
            models.CheckConstraint(
                condition=Q(owner_type__isnull=True, owner_id__isnull=True)
                | Q(owner_type__isnull=False, owner_id__isnull=False),
                name="gallery_owner_complete",
            ),
        ]
        indexes = [models.Index(fields=["owner_type", "owner_id"])]

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class MediaItem(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        VIDEO = "video", _("Video")
        EXTERNAL = "external", _("Video on another platform")

    class VideoKind(models.TextChoices):
        # Section C of the ST report: "presentaciones, sesiones de apertura, discursos,
        # traspaso de la Presidencia Pro-Témpore, etc."
        PRESENTATION = "presentation", _("Presentation")
        OPENING = "opening", _("Opening session")
        SPEECH = "speech", _("Speech")
        PPT_HANDOVER = "ppt_handover", _("Handover of the Pro-Tempore Presidency")
        OTHER = "other", _("Other")

    class State(models.TextChoices):
        PENDING = "pending", _("Being processed")
        READY = "ready", _("Ready")
        REFUSED = "refused", _("Refused")

    uid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    gallery = models.ForeignKey(Gallery, verbose_name=_("gallery"), on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PHOTO)
    video_kind = models.CharField(_("kind of video"), max_length=16, choices=VideoKind.choices, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)
    caption_es = models.CharField(_("caption (Spanish)"), max_length=500, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=500, blank=True)
    credit_es = models.CharField(_("credit (Spanish)"), max_length=200, blank=True)
    credit_en = models.CharField(_("credit (English)"), max_length=200, blank=True)
    alt_es = models.CharField(
        _("text alternative (Spanish)"),
        max_length=500,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it. Required before publication."),
    )
    alt_en = models.CharField(_("text alternative (English)"), max_length=500, blank=True)
    access_level = models.CharField(
        _("who may see it"),
        max_length=16,
        choices=AccessLevel.choices,
        default=AccessLevel.PUBLIC,
        help_text=_("Also limited by the gallery's level: a reader must be allowed both."),
    )
    access_group = models.ForeignKey(
        "directory.Group", verbose_name=_("group with access"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    state = models.CharField(_("processing"), max_length=10, choices=State.choices, default=State.PENDING)
    refusal = models.CharField(_("why it was refused"), max_length=500, blank=True)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    # Videos: what the probe found, and where the poster frame is taken.
    duration = models.FloatField(_("duration (seconds)"), null=True, blank=True)
    video_codec = models.CharField(max_length=40, blank=True)
    audio_codec = models.CharField(max_length=40, blank=True)
    poster_time = models.FloatField(_("poster frame at (seconds)"), default=1.0)
    external_url = models.URLField(_("address on the video platform"), blank=True)
    transcript_es = models.TextField(_("transcript (Spanish)"), blank=True)
    transcript_en = models.TextField(_("transcript (English)"), blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    caption = translated("caption")
    credit = translated("credit")
    alt = translated("alt")
    transcript = translated("transcript")

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo or video")
        verbose_name_plural = _("photos and videos")
        constraints = [
            models.CheckConstraint(
                condition=~Q(access_level=AccessLevel.GROUP) | Q(access_group__isnull=False),
                name="mediaitem_group_access_has_group",
            ),
        ]

    def __str__(self):
        return self.caption or self.original_name or str(self.uid)

    @property
    def is_photo(self) -> bool:
        return self.kind == self.Kind.PHOTO

    @property
    def is_ready(self) -> bool:
        return self.state == self.State.READY

    def file(self, role: str):
        """The item's file of ``role`` from a prefetched ``files`` set (no query when prefetched)."""
        for f in self.files.all():
            if f.role == role:
                return f
        return None

    @property
    def thumb(self):
        return self.file(MediaFile.Role.THUMB) or self.file(MediaFile.Role.POSTER)

    @property
    def web(self):
        return self.file(MediaFile.Role.WEB)

    @property
    def poster(self):
        return self.file(MediaFile.Role.POSTER)

    @property
    def original(self):
        return self.file(MediaFile.Role.ORIGINAL)

    def subtitles(self):
        return sorted((f for f in self.files.all() if f.role == MediaFile.Role.SUBTITLE), key=lambda f: f.language)


class MediaFile(models.Model):
    """One stored file of an item: every byte the site serves for photos and videos is one of these."""

    class Role(models.TextChoices):
        ORIGINAL = "original", _("Original")
        THUMB = "thumb", _("Thumbnail")
        WEB = "web", _("Web size")
        LARGE = "large", _("Large size")
        POSTER = "poster", _("Poster frame")
        SUBTITLE = "subtitle", _("Subtitles")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    item = models.ForeignKey(MediaItem, on_delete=models.CASCADE, related_name="files")
    role = models.CharField(max_length=10, choices=Role.choices)
    language = models.CharField(max_length=8, blank=True)  # subtitles
    file = models.FileField(storage=get_private_storage, max_length=255)
    content_type = models.CharField(max_length=80)
    size = models.PositiveBigIntegerField(default=0)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["item", "role", "language"]
        constraints = [
            models.UniqueConstraint(fields=["item", "role", "language"], name="mediafile_one_per_role_language"),
        ]

    def __str__(self):
        return f"{self.item_id}:{self.role}{':' + self.language if self.language else ''}"


class ChunkedUpload(models.Model):
    """A large video arriving in pieces; the browser resumes from ``received`` after a break."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gallery = models.ForeignKey(Gallery, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    received = models.PositiveBigIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    item = models.ForeignKey(MediaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self):
        return self.filename
