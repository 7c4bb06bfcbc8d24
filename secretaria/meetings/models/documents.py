"""Documents of a meeting: a link from the meeting to a document of the documents app.

The link lives here, in the meetings app, so the documents app does not depend on
meetings. Who may see a linked document is still the document's own access level.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MeetingDocument(models.Model):
    class Role(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        WORKING_DOCUMENT = "working_document", _("Working document")
        BACKGROUND = "background", _("Background document")
        PRESENTATION = "presentation", _("Presentation")
        LOGISTICS = "logistics", _("Administrative and logistics information")
        REPORT = "report", _("Report")
        OUTCOME = "outcome", _("Outcome (declaration, decisions, follow-up)")
        OTHER = "other", _("Other")

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="document_links"
    )
    document = models.ForeignKey(
        "documents.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="meeting_links"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.WORKING_DOCUMENT)
    order = models.PositiveIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("linked"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("linked by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["meeting", "order", "role", "pk"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        constraints = [models.UniqueConstraint(fields=["meeting", "document"], name="meeting_document_unique")]

    def __str__(self):
        return f"{self.meeting} — {self.document}"
