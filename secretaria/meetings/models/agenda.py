"""Agendas: versions that go from the Secretariat's draft to the PPT's approval, and their items.

Every version is kept. A version is edited only while it is a draft; editing an approved
or returned agenda starts a new draft, a copy of it (``services.agenda.agenda_start_draft``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.core.i18n import translated


class AgendaVersion(models.Model):
    class Kind(models.TextChoices):
        PRELIMINARY = "preliminary", _("Preliminary agenda")
        ANNOTATED = "annotated", _("Annotated agenda")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted to the Pro-Tempore Presidency")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned with comments")

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_versions"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PRELIMINARY)
    number = models.PositiveIntegerField(_("version"))
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.DRAFT, db_index=True)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    introduction_es = models.TextField(_("introduction (Spanish)"), blank=True, help_text=_("Markdown."))
    introduction_en = models.TextField(_("introduction (English)"), blank=True, help_text=_("Markdown."))

    created_at = models.DateTimeField(_("drafted"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("drafted by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    comments_opened_at = models.DateTimeField(_("sent to sponsors for comment"), null=True, blank=True)
    comments_opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField(_("approved or returned"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved or returned by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    decision_comment = models.TextField(_("comments of the Pro-Tempore Presidency"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    introduction = translated("introduction")

    class Meta:
        ordering = ["meeting", "kind", "number"]
        verbose_name = _("agenda version")
        verbose_name_plural = _("agenda versions")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "kind", "number"], name="agenda_version_number_unique"),
            # One version at a time is being worked on (draft or waiting for the PPT).
            models.UniqueConstraint(
                fields=["meeting", "kind"],
                condition=Q(state__in=["draft", "submitted"]),
                name="agenda_one_open_version",
            ),
        ]

    def __str__(self):
        return f"{self.meeting} — {self.get_kind_display()} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT

    @property
    def is_open_for_comment(self) -> bool:
        return self.state == self.State.DRAFT and self.comments_opened_at is not None

    @property
    def label(self) -> str:
        return f"{self.get_kind_display()} v{self.number}"


class AgendaItem(models.Model):
    version = models.ForeignKey(AgendaVersion, verbose_name=_("agenda version"), on_delete=models.CASCADE,
                                related_name="items")  # fmt: skip
    order = models.PositiveIntegerField(_("order"), default=0)
    session_es = models.CharField(_("session (Spanish)"), max_length=200, blank=True, help_text=_("e.g. Sesión I"))
    session_en = models.CharField(_("session (English)"), max_length=200, blank=True)
    day = models.DateField(_("day"), null=True, blank=True)
    start_time = models.TimeField(_("starts"), null=True, blank=True)
    end_time = models.TimeField(_("ends"), null=True, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    description_es = models.TextField(_("description or annotation (Spanish)"), blank=True, help_text=_("Markdown."))
    description_en = models.TextField(_("description or annotation (English)"), blank=True, help_text=_("Markdown."))
    speakers = models.ManyToManyField("directory.Person", verbose_name=_("speakers"), blank=True, related_name="+")
    moderators = models.ManyToManyField("directory.Person", verbose_name=_("moderators"), blank=True,
                                        related_name="+")  # fmt: skip

    documents = models.ManyToManyField("documents.Document", verbose_name=_("documents"), blank=True,
                                       related_name="agenda_items")  # fmt: skip

    session = translated("session")
    title = translated("title")
    description = translated("description")

    class Meta:
        ordering = ["version", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(end_time__gte=models.F("start_time")),
                name="agenda_item_end_after_start",
            )
        ]

    def __str__(self):
        return self.title


class AgendaComment(models.Model):
    """A comment by a sponsor (or the Secretariat's reply) on an item of a draft; threaded."""

    version = models.ForeignKey(AgendaVersion, verbose_name=_("agenda version"), on_delete=models.CASCADE,
                                related_name="comments")  # fmt: skip
    item = models.ForeignKey(AgendaItem, verbose_name=_("item"), null=True, blank=True, on_delete=models.CASCADE,
                             related_name="comments", help_text=_("Empty: a comment on the agenda as a whole."))  # fmt: skip
    parent = models.ForeignKey("self", verbose_name=_("in reply to"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="replies")  # fmt: skip
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True,
                               on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    contact = models.ForeignKey(
        "directory.Person", verbose_name=_("sponsor contact"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("A sponsor's contact without an account, who wrote through a signed link."),
    )  # fmt: skip
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("resolved by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("agenda comment")
        verbose_name_plural = _("agenda comments")

    def __str__(self):
        return self.body[:60]
