"""The record of what the Secretariat did: one row per step, kept for the periodic reports."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.core.i18n import translated


class Activity(models.Model):
    class Kind(models.TextChoices):
        MEETING_CREATED = "meeting_created", _("Meeting created")
        MEETING_STATUS_CHANGED = "meeting_status_changed", _("Meeting status changed")
        AGENDA_DRAFTED = "agenda_drafted", _("Agenda drafted")
        AGENDA_SENT_FOR_COMMENT = "agenda_sent_for_comment", _("Agenda sent to sponsors for comment")
        AGENDA_SUBMITTED = "agenda_submitted", _("Agenda submitted to the Pro-Tempore Presidency")
        AGENDA_RETURNED = "agenda_returned", _("Agenda returned with comments")
        AGENDA_APPROVED = "agenda_approved", _("Agenda approved")
        AGENDA_PUBLISHED = "agenda_published", _("Agenda published")
        INVITATIONS_SENT = "invitations_sent", _("Invitations sent")
        REGISTRATION_OPENED = "registration_opened", _("Registration opened")
        SERVICE_QUOTED = "service_quoted", _("Service quoted")
        SERVICE_CONTRACTED = "service_contracted", _("Service contracted")
        SERVICE_DELIVERED = "service_delivered", _("Service delivered")
        SERVICE_PAID = "service_paid", _("Service paid")
        SERVICE_CANCELLED = "service_cancelled", _("Service cancelled")
        LOGISTICS_PUBLISHED = "logistics_published", _("Logistics information published")
        DOCUMENT_PUBLISHED = "document_published", _("Document published")
        LETTER_SENT = "letter_sent", _("Letter sent")
        EMAIL_SENT = "email_sent", _("E-mail sent to participants")
        REPORT_PUBLISHED = "report_published", _("Report published")
        FOLLOW_UP_SENT = "follow_up_sent", _("Follow-up letter sent")
        BULLETIN_SENT = "bulletin_sent", _("Bulletin sent")
        LIST_CREATED = "list_created", _("Distribution list created")
        # Entered by hand by the Secretariat: what no workflow of the site records.
        MODERATION = "moderation", _("Moderation")
        IT_SUPPORT = "it_support", _("IT and administrative support")
        COORDINATION = "coordination", _("Coordination (phone, meetings)")
        MISSION = "mission", _("Mission")
        OTHER = "other", _("Other")

    occurred_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    # A string reference: the activity app is below the meetings app and must not import it.
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    # What the step was for when it is no meeting (an event attended, a protocol, the platform).
    engagement_es = models.CharField(_("engagement (Spanish)"), max_length=300, blank=True)
    engagement_en = models.CharField(_("engagement (English)"), max_length=300, blank=True)
    manual = models.BooleanField(_("entered by hand"), default=False)
    summary_es = models.CharField(_("summary (Spanish)"), max_length=500, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=500, blank=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    object_id = models.CharField(max_length=64, blank=True)
    obj = GenericForeignKey("content_type", "object_id")

    summary = translated("summary")
    engagement = translated("engagement")

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [models.Index(fields=["meeting", "occurred_at"], name="activity_meeting_when")]

    def __str__(self):
        return f"{self.occurred_at:%Y-%m-%d} {self.get_kind_display()}"
