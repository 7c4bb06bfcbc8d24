"""Forums: one per group (the liaison-officer networks, the GRCM), a members' forum and an
optional public one. Who may read a forum is its ``access_level``/``access_group``, decided by
``secretaria.core.access`` like everything else; the rules are in ``policy.py``.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from secretaria.core.access import AccessLevel
from secretaria.core.i18n import translated
from secretaria.files.storage import get_private_storage


class Forum(models.Model):
    class Kind(models.TextChoices):
        GROUP = "group", _("Forum of a group")
        MEMBERS = "members", _("Members' forum")
        PUBLIC = "public", _("Public forum")

    slug = models.SlugField(_("short name"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name_es = models.CharField(_("name (Spanish)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    group = models.ForeignKey(
        "directory.Group",
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forums",
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
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("open"), default=True)

    name = translated("name")
    description = translated("description")

    class Meta:
        ordering = ["position", "name_es"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="group") | Q(group__isnull=False), name="forums_group_forum_has_group"
            ),
            models.CheckConstraint(
                condition=~Q(access_level="group") | Q(access_group__isnull=False),
                name="forums_group_level_has_group",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:forum", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.access_level == AccessLevel.PUBLIC


class Thread(models.Model):
    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.PROTECT, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="forum_threads"
    )
    created = models.DateTimeField(_("started"), auto_now_add=True)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    hidden = models.BooleanField(_("hidden"), default=False)
    # Denormalised so forum pages sort and show "last post" without reading the posts.
    last_post_at = models.DateTimeField(_("last post"), db_index=True)
    post_count = models.PositiveIntegerField(pgettext_lazy("forum", "posts"), default=0)

    class Meta:
        ordering = ["-pinned", "-last_post_at"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [models.Index(fields=["forum", "-pinned", "-last_post_at"], name="forums_thread_order")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forums:thread", kwargs={"slug": self.forum.slug, "pk": self.pk})


class Post(models.Model):
    thread = models.ForeignKey(Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="forum_posts"
    )
    body = models.TextField(_("message"), help_text=_("Markdown."))
    body_html = models.TextField(_("message (HTML)"), editable=False)
    created = models.DateTimeField(_("posted"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=255, blank=True)
    quote_of = models.ForeignKey(
        "self", verbose_name=_("quotes"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    via_email = models.BooleanField(_("sent by e-mail"), default=False)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = pgettext_lazy("forum", "post")
        verbose_name_plural = pgettext_lazy("forum", "posts")

    def __str__(self):
        return f"{self.thread} #{self.pk}"

    def get_absolute_url(self):
        return reverse("forums:post", kwargs={"pk": self.pk})


class PostRevision(models.Model):
    """The body a post had before an edit."""

    post = models.ForeignKey(
        Post, verbose_name=pgettext_lazy("forum", "post"), on_delete=models.CASCADE, related_name="revisions"
    )
    body = models.TextField(_("previous message"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("edited by"), on_delete=models.PROTECT, related_name="+"
    )
    edited_at = models.DateTimeField(_("edited"), auto_now_add=True)

    class Meta:
        ordering = ["-edited_at", "-pk"]
        verbose_name = _("post revision")

    def __str__(self):
        return f"{self.post} ({self.edited_at:%Y-%m-%d %H:%M})"


class PostAttachment(models.Model):
    post = models.ForeignKey(
        Post, verbose_name=pgettext_lazy("forum", "post"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), storage=get_private_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    file_type = models.CharField(_("file type"), max_length=16)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("forums:attachment", kwargs={"pk": self.pk})


class PostReport(models.Model):
    post = models.ForeignKey(
        Post, verbose_name=pgettext_lazy("forum", "post"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"))
    created = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolution = models.CharField(_("resolution"), max_length=255, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("report")

    def __str__(self):
        return f"{self.post}: {self.reason[:60]}"


class Follow(models.Model):
    class Mode(models.TextChoices):
        EACH = "each", _("An e-mail for each post")
        DIGEST = "digest", _("A daily digest")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="forum_follows"
    )
    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    mode = models.CharField(_("notifications"), max_length=8, choices=Mode.choices, default=Mode.EACH)
    created = models.DateTimeField(auto_now_add=True)
    # Posts after this moment go in the next digest.
    digest_since = models.DateTimeField(_("digest covers posts after"))

    class Meta:
        verbose_name = _("follow")
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=False, forum__isnull=True) | Q(thread__isnull=True, forum__isnull=False),
                name="forums_follow_thread_xor_forum",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"], condition=Q(thread__isnull=False), name="forums_follow_one_per_thread"
            ),
            models.UniqueConstraint(
                fields=["user", "forum"], condition=Q(forum__isnull=False), name="forums_follow_one_per_forum"
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.thread or self.forum} ({self.mode})"


def new_reply_token() -> str:
    # 128 bits, lower-case hex: local parts of e-mail addresses may be case-folded on the way.
    return secrets.token_hex(16)


class ReplyAddress(models.Model):
    """reply+<token>@FORUM_REPLY_DOMAIN: one per user per thread, as Discourse does."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="+")
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_reply_token)
    created = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("reply address")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "thread"], condition=Q(revoked_at__isnull=True), name="forums_one_live_reply_address"
            )
        ]

    def __str__(self):
        return f"{self.user} / {self.thread}"

    @property
    def address(self) -> str:
        return f"reply+{self.token}@{settings.FORUM_REPLY_DOMAIN}"
