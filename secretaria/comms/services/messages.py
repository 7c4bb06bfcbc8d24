"""Writes of messages and their deliveries: outbox events turned into mail, and announcements.

Every path that creates mail writes the ``Message`` and one ``Delivery`` per recipient in one
transaction; the sending engine (``sending.py``) only ever reads those rows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.comms import policy
from secretaria.comms.kinds import Item, absolute, get_event_kind
from secretaria.comms.models import (
    Delivery,
    ListRule,
    MailingList,
    Message,
    Rhythm,
    Subscription,
)
from secretaria.comms.search import index_message
from secretaria.comms.services.lists import require_manager
from secretaria.comms.signals import deliveries_queued
from secretaria.core.audit import audit_record
from secretaria.core.richtext import render_markdown
from secretaria.core.tasks import queue_email
from secretaria.outbox.models import Event
from secretaria.outbox.services import outbox_mark_failed, outbox_mark_processed

log = logging.getLogger(__name__)
MAX_EVENT_ATTEMPTS = 5


# --- Messages and their deliveries ----------------------------------------------------------
def recipients_for(message: Message, rhythms: Iterable[str] = (Rhythm.EACH,)) -> list[Subscription]:
    """Active subscribers of the message's list, in ``rhythms``, who may read what it is about."""
    subs = (
        message.mailing_list.subscriptions.filter(status=Subscription.Status.ACTIVE, rhythm__in=list(rhythms))
        .select_related("user")
        .order_by("pk")
    )
    return [
        s for s in subs if s.address and policy.subscriber_may_read(s, message.access_level, message.access_group_id)
    ]


def queue_deliveries(message: Message, subscriptions: Iterable[Subscription]) -> int:
    """One Delivery row per recipient, in the caller's transaction."""
    now = timezone.now()
    rows = [
        Delivery(message=message, subscription=s, email=s.address, language=s.language, created_at=now)
        for s in subscriptions
    ]
    Delivery.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def wake_senders() -> None:
    """After commit, ask the task worker to send what was just queued (the mailer process would too)."""
    if getattr(settings, "COMMS_WAKE_SENDERS", True):
        transaction.on_commit(lambda: deliveries_queued.send(sender=Delivery))


def _rule_matches(rule: ListRule, item: Item) -> bool:
    if rule.doc_type and rule.doc_type != item.doc_type:
        return False
    if rule.group_id and rule.group_id not in item.group_ids:
        return False
    if rule.topic_id and rule.topic_id not in item.topic_ids:
        return False
    return not (rule.meeting_id and rule.meeting_id not in item.meeting_ids)


def _message_for_item(lst: MailingList, event: Event, item: Item) -> Message:
    return Message.objects.create(
        mailing_list=lst,
        kind=Message.Kind.ITEM,
        event=event,
        event_kind=event.kind,
        subject_es=item.subject["es"][:300],
        subject_en=item.subject["en"][:300],
        text_es=item.text["es"],
        text_en=item.text["en"],
        html_es=item.html["es"],
        html_en=item.html["en"],
        access_level=item.access_level,
        access_group_id=item.access_group_id,
        item_url=item.url[:500],
    )


def process_event(event: Event) -> int:
    """Turn one outbox event into messages and deliveries, and mark it processed, atomically.

    Returns the number of deliveries queued; 0 when no rule matched (the event is still processed).
    """
    with transaction.atomic():
        locked = Event.objects.select_for_update(skip_locked=True).filter(pk=event.pk, processed_at__isnull=True)
        event = locked.first()
        if event is None:
            return 0  # another consumer has it, or has done it
        queued = 0
        rules = list(
            ListRule.objects.filter(event_kind=event.kind, is_active=True, mailing_list__is_active=True).select_related(
                "mailing_list"
            )
        )
        kind = get_event_kind(event.kind)
        item = kind.render(event) if (rules and kind is not None) else None
        if item is not None:
            lists = {
                r.mailing_list_id: r.mailing_list
                for r in rules
                if _rule_matches(r, item) and r.mailing_list_id not in item.exclude_list_ids
            }
            for lst in lists.values():
                if Message.objects.filter(mailing_list=lst, event=event).exists():
                    continue
                message = _message_for_item(lst, event, item)
                queued += queue_deliveries(message, recipients_for(message))
                index_message(message)
        outbox_mark_processed(event=event)
        if queued:
            wake_senders()
    return queued


def process_outbox(*, limit: int = 200) -> dict[str, int]:
    """Consume pending outbox events (oldest first). Safe to run in several processes at once."""
    stats = {"events": 0, "deliveries": 0, "failed": 0}
    pending = list(
        Event.objects.filter(processed_at__isnull=True, attempts__lt=MAX_EVENT_ATTEMPTS).order_by("created_at", "pk")[
            :limit
        ]
    )
    for event in pending:
        try:
            stats["deliveries"] += process_event(event)
            stats["events"] += 1
        except Exception as exc:
            log.exception("outbox event %s failed", event.pk)
            outbox_mark_failed(event=event, error=f"{type(exc).__name__}: {exc}")
            stats["failed"] += 1
    return stats


@transaction.atomic
def announcement_publish(
    *, mailing_list: MailingList, by, subject_es: str, subject_en: str, body_es: str, body_en: str
) -> Message:
    """The Secretariat writes to a list: the message and its deliveries in one transaction."""
    require_manager(by)
    if not (subject_es.strip() and subject_en.strip() and body_es.strip() and body_en.strip()):
        raise ValidationError(_("Write the subject and the text in both languages."))
    message = Message.objects.create(
        mailing_list=mailing_list,
        kind=Message.Kind.ANNOUNCEMENT,
        subject_es=subject_es.strip(),
        subject_en=subject_en.strip(),
        text_es=body_es.strip(),
        text_en=body_en.strip(),
        html_es=render_markdown(body_es),
        html_en=render_markdown(body_en),
        access_level=mailing_list.access_level,
        access_group_id=mailing_list.access_group_id,
        created_by=by,
    )
    message.item_url = absolute(message.get_absolute_url())
    message.save(update_fields=["item_url"])
    # An announcement is itself the news: every active subscriber gets it, whatever their rhythm.
    count = queue_deliveries(message, recipients_for(message, Rhythm.values))
    index_message(message)
    audit_record(kind="comms.announcement_published", actor=by, target=message, data={"recipients": count})
    wake_senders()
    return message


def notify_secretariat(*, subject: str, body: str) -> None:
    queue_email(subject=subject, body=body, to=[settings.SECRETARIAT_EMAIL])
