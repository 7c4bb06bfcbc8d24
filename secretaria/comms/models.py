"""Distribution lists: lists, their rules, subscribers, messages and one delivery row per recipient.

The delivery rows are the mail queue. ``docs/mail-delivery.md`` explains the states and the
guarantee the sending engine gives (at least once, with a duplicate window of one message).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel, Role
from secretaria.core.i18n import translated
from secretaria.core.richtext import render_markdown


class Language(models.TextChoices):
    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")


class Rhythm(models.TextChoices):
    EACH = "each", _("Each message")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


def new_key() -> str:
    return secrets.token_urlsafe(12)


class MailingList(models.Model):
    class Kind(models.TextChoices):
        AUTOMATIC = "automatic", _("Automatic: sends what its rules match")
        ANNOUNCEMENT = "announcement", _("Announcements written by the Secretariat")

    slug = models.SlugField(_("short name"), unique=True, help_text=_("Used in the list's address and in List-Id."))
    name_es = models.CharField(_("name (Spanish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.AUTOMATIC)
    access_level = models.CharField(
        _("who may subscribe and read the archive"),
        max_length=16,
        choices=AccessLevel.choices,
        default=AccessLevel.PUBLIC,
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
    auto_roles = models.JSONField(
        _("roles subscribed automatically"),
        default=list,
        blank=True,
        help_text=_("Users with these roles are subscribed automatically (and may opt out if allowed)."),
    )
    auto_group = models.ForeignKey(
        "directory.Group",
        verbose_name=_("group subscribed automatically"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The current members of this group who have an account are subscribed automatically."),
    )
    allow_opt_out = models.BooleanField(_("automatic subscribers may opt out"), default=True)
    allow_self_subscribe = models.BooleanField(_("people may subscribe themselves"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    name = translated("name")
    description = translated("description")

    class Meta:
        ordering = ["name_es"]
        verbose_name = _("distribution list")
        verbose_name_plural = _("distribution lists")
        constraints = [
            models.CheckConstraint(
                condition=Q(access_level=AccessLevel.GROUP, access_group__isnull=False)
                | (~Q(access_level=AccessLevel.GROUP) & Q(access_group__isnull=True)),
                name="comms_list_group_iff_group_level",
                violation_error_message=_("Choose a group for the level “A named group”, and only for that level."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("comms:archive", kwargs={"slug": self.slug})

    def clean(self):
        if not self.slug:
            return
        # The archive's address must not be another page's ("manage", "mine", "bulletins"… in either language).
        for lang in ("es", "en"):
            with translation.override(lang):
                try:
                    taken = resolve(reverse("comms:archive", kwargs={"slug": self.slug})).url_name != "archive"
                except Resolver404:
                    taken = True
            if taken:
                raise ValidationError(
                    {"slug": _("This short name is a word the site's addresses use; choose another.")}
                )

    @property
    def is_public(self) -> bool:
        return self.access_level == AccessLevel.PUBLIC

    def list_id(self) -> str:
        """The RFC 2919 List-Id value."""
        domain = settings.BOUNCE_DOMAIN
        return f"{self.name_en or self.name_es} <{self.slug}.{domain}>"


class ListRule(models.Model):
    """When an outbox event of ``event_kind`` matches the filters, the list sends a message about it."""

    mailing_list = models.ForeignKey(
        MailingList, verbose_name=_("list"), on_delete=models.CASCADE, related_name="rules"
    )
    event_kind = models.CharField(_("event"), max_length=64, help_text=_('e.g. "document.published"'))
    doc_type = models.CharField(_("document type"), max_length=32, blank=True)
    group = models.ForeignKey(
        "directory.Group", verbose_name=_("group"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(
        "documents.Topic", verbose_name=_("topic"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The meetings app is built elsewhere; an id keeps this app independent of it.
    meeting_id = models.PositiveIntegerField(_("meeting (id)"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["mailing_list", "event_kind", "pk"]
        verbose_name = _("list rule")
        verbose_name_plural = _("list rules")

    def __str__(self):
        return f"{self.mailing_list.slug}: {self.event_kind}"


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        ACTIVE = "active", _("Active")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        DISABLED = "disabled", _("Disabled after bounces")

    class Source(models.TextChoices):
        AUTO = "auto", _("Automatic (role or group)")
        SELF = "self", _("Subscribed themselves")

    mailing_list = models.ForeignKey(
        MailingList, verbose_name=_("list"), on_delete=models.CASCADE, related_name="subscriptions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="list_subscriptions",
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("For subscribers without an account."))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.SPANISH)
    rhythm = models.CharField(_("rhythm"), max_length=8, choices=Rhythm.choices, default=Rhythm.EACH)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.SELF)
    # Set when the subscriber left on their own: the automatic sync never subscribes them again.
    opted_out_at = models.DateTimeField(_("opted out"), null=True, blank=True)
    bounce_score = models.FloatField(_("bounce score"), default=0)
    last_bounce_at = models.DateTimeField(_("last bounce"), null=True, blank=True)
    # Part of every signed link; a new key revokes the links sent before.
    key = models.CharField(max_length=32, default=new_key)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["mailing_list", "pk"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["mailing_list", "user"], condition=Q(user__isnull=False), name="comms_subscription_one_per_user"
            ),
            models.UniqueConstraint(
                fields=["mailing_list", "email"],
                condition=Q(user__isnull=True),
                name="comms_subscription_one_per_email",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(email=""), name="comms_subscription_user_or_email"
            ),
        ]
        indexes = [models.Index(fields=["mailing_list", "status", "rhythm"], name="comms_sub_list_status")]

    def __str__(self):
        return f"{self.address} → {self.mailing_list.slug}"

    @property
    def address(self) -> str:
        return self.user.email if self.user_id else self.email


class Message(models.Model):
    """One message of a list: about one item (automatic), written (announcement), a digest or a bulletin."""

    class Kind(models.TextChoices):
        ITEM = "item", _("Automatic")
        ANNOUNCEMENT = "announcement", _("Announcement")
        DIGEST = "digest", _("Digest")
        BULLETIN = "bulletin", _("Bulletin")

    mailing_list = models.ForeignKey(
        MailingList, verbose_name=_("list"), on_delete=models.PROTECT, related_name="messages"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.ITEM)
    event = models.ForeignKey(
        "outbox.Event", verbose_name=_("event"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event_kind = models.CharField(_("event"), max_length=64, blank=True)
    subject_es = models.CharField(_("subject (Spanish)"), max_length=300)
    subject_en = models.CharField(_("subject (English)"), max_length=300)
    text_es = models.TextField(_("text (Spanish)"))
    text_en = models.TextField(_("text (English)"))
    html_es = models.TextField(_("HTML (Spanish)"))
    html_en = models.TextField(_("HTML (English)"))
    # Who may read what the message is about: recipients are checked against it.
    access_level = models.CharField(_("item access level"), max_length=16, choices=AccessLevel.choices)
    access_group = models.ForeignKey(
        "directory.Group",
        verbose_name=_("item group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    item_url = models.CharField(_("address of the item"), max_length=500, blank=True)
    # The digest this message is part of lists these messages.
    digest_of = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="digests")
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    subject = translated("subject")
    text = translated("text")
    html = translated("html")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("list message")
        verbose_name_plural = _("list messages")
        constraints = [
            # An outbox event becomes at most one message per list, however often it is processed.
            models.UniqueConstraint(fields=["mailing_list", "event"], name="comms_message_one_per_event_and_list"),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("comms:archive_message", kwargs={"slug": self.mailing_list.slug, "pk": self.pk})


class Delivery(models.Model):
    """One message to one recipient: the row the sending workers claim."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        DEFERRED = "deferred", _("Deferred (will retry)")
        FAILED = "failed", _("Failed")

    message = models.ForeignKey(Message, verbose_name=_("message"), on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        Subscription, verbose_name=_("subscription"), null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    email = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_by = models.CharField(_("worker"), max_length=100, blank=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["message", "subscription"], condition=Q(subscription__isnull=False), name="comms_delivery_once"
            ),
        ]
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="comms_delivery_queue"),
            models.Index(fields=["message", "state"], name="comms_delivery_progress"),
            models.Index(fields=["email"], name="comms_delivery_email"),
        ]

    def __str__(self):
        return f"{self.email} ← {self.message_id} [{self.state}]"


class Bounce(models.Model):
    class Kind(models.TextChoices):
        HARD = "hard", _("Permanent failure")
        SOFT = "soft", _("Temporary failure")

    delivery = models.ForeignKey(
        Delivery, verbose_name=_("delivery"), null=True, on_delete=models.SET_NULL, related_name="bounces"
    )
    subscription = models.ForeignKey(
        Subscription, verbose_name=_("subscription"), null=True, on_delete=models.SET_NULL, related_name="bounces"
    )
    email = models.EmailField(_("recipient"), blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    status = models.CharField(_("status code"), max_length=16, blank=True)
    diagnostic = models.CharField(_("diagnostic"), max_length=500, blank=True)
    report_id = models.CharField(_("bounce message id"), max_length=300, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    disabled_subscription = models.BooleanField(_("disabled the subscription"), default=False)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("bounce")
        verbose_name_plural = _("bounces")
        constraints = [
            models.UniqueConstraint(
                fields=["report_id", "delivery"], condition=~Q(report_id=""), name="comms_bounce_report_once"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.status} {self.email}"


class DigestRun(models.Model):
    """A digest period already sent for a list: the next one starts where this one ended."""

    mailing_list = models.ForeignKey(MailingList, on_delete=models.CASCADE, related_name="digest_runs")
    rhythm = models.CharField(max_length=8, choices=Rhythm.choices)
    period_start = models.DateTimeField()
    period_end = models.DateTimeField()

    class Meta:
        ordering = ["-period_end"]
        constraints = [
            models.UniqueConstraint(fields=["mailing_list", "rhythm", "period_end"], name="comms_digest_run_once")
        ]

    def __str__(self):
        return f"{self.mailing_list_id} {self.rhythm} → {self.period_end:%Y-%m-%d %H:%M}"


class Bulletin(models.Model):
    """A bulletin of what changed on the sites in a period: drafted by the system, edited, sent."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Sent")

    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    body_es = models.TextField(_("text (Spanish)"), help_text=_("Markdown."))
    body_en = models.TextField(_("text (English)"), help_text=_("Markdown."))
    access_level = models.CharField(
        _("who may read it"), max_length=16, choices=AccessLevel.choices, default=AccessLevel.PUBLIC
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    mailing_list = models.ForeignKey(
        MailingList,
        verbose_name=_("sent to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bulletins",
    )
    message = models.OneToOneField(Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="bulletin")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    title = translated("title")
    body = translated("body")

    class Meta:
        ordering = ["-period_end", "-pk"]
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="comms_bulletin_period"),
            # A bulletin is read by people of a rung of the ladder, never by a named group.
            models.CheckConstraint(condition=~Q(access_level=AccessLevel.GROUP), name="comms_bulletin_not_group"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("comms:bulletin", kwargs={"pk": self.pk})

    @property
    def body_html(self) -> str:
        return render_markdown(self.body)


ROLE_CHOICES = Role.choices
