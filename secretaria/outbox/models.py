"""Events written in the same transaction as the change they announce (transactional outbox).

A service that changes something other modules react to (a document published, later a
meeting convened) writes an ``Event`` inside its own transaction: the event exists if and
only if the change was committed. Consumers (the distribution lists) read pending events
later, process them and mark them processed; nothing is lost if a consumer is down.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    kind = models.CharField(_("kind"), max_length=64, db_index=True, help_text=_('e.g. "document.published"'))
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("outbox event")
        verbose_name_plural = _("outbox events")
        indexes = [
            models.Index(fields=["created_at"], condition=Q(processed_at__isnull=True), name="outbox_event_pending"),
        ]
        constraints = [models.CheckConstraint(condition=~Q(kind=""), name="outbox_event_kind_not_empty")]

    def __str__(self):
        return f"{self.kind} #{self.pk}"
