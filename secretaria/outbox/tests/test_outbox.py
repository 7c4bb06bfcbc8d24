import pytest
from django.db import transaction

from secretaria.outbox.models import Event
from secretaria.outbox.services import outbox_emit, outbox_mark_failed, outbox_mark_processed, outbox_pending


def test_an_event_is_written_pending(db):
    event = outbox_emit(kind="document.published", payload={"symbol": "CRM/ST/2004/7"})
    assert list(outbox_pending(kind="document.published")) == [event]
    assert event.attempts == 0 and event.processed_at is None


def test_an_event_disappears_with_a_rolled_back_transaction(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox_emit(kind="document.published", payload={})
        raise RuntimeError("the change failed")
    assert not Event.objects.exists()


def test_processing_and_failures_are_recorded(db):
    event = outbox_emit(kind="document.published", payload={})
    outbox_mark_failed(event=event, error="SMTP down")
    assert event.attempts == 1 and event.last_error == "SMTP down"
    outbox_mark_processed(event=event)
    assert event.processed_at is not None and event.attempts == 2
    assert not outbox_pending().exists()


def test_an_event_needs_a_kind(db):
    with pytest.raises(ValueError):
        outbox_emit(kind="", payload={})
