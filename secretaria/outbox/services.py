"""Writing and consuming outbox events."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from secretaria.outbox.models import Event


def outbox_emit(*, kind: str, payload: dict) -> Event:
    """Record that ``kind`` happened. Call it inside the transaction of the change itself."""
    if not kind:
        raise ValueError("an outbox event needs a kind")
    return Event.objects.create(kind=kind, payload=payload)


def outbox_pending(*, kind: str | None = None) -> QuerySet[Event]:
    qs = Event.objects.filter(processed_at__isnull=True)
    return qs.filter(kind=kind) if kind else qs


def outbox_mark_processed(*, event: Event) -> Event:
    event.processed_at = timezone.now()
    event.attempts += 1
    event.last_error = ""
    event.save(update_fields=["processed_at", "attempts", "last_error"])
    return event


def outbox_mark_failed(*, event: Event, error: str) -> Event:
    with transaction.atomic():
        event.attempts += 1
        event.last_error = error[:2000]
        event.save(update_fields=["attempts", "last_error"])
    return event
