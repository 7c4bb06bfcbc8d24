"""Outbox events become one message per list and one delivery per recipient who may read the item."""

from secretaria.comms import services
from secretaria.comms.models import Delivery, Message, Subscription
from secretaria.core.access import AccessLevel
from secretaria.outbox.models import Event


def test_it_queues_one_delivery_per_subscriber_and_marks_the_event_processed(
    public_list, subscribe_public, publish, gt_official
):
    services.subscriptions_sync()
    subscribe_public(public_list, "periodista@example.com", language="en")
    document = publish()

    stats = services.process_outbox()

    event = Event.objects.get(kind="document.published")
    assert event.processed_at is not None
    message = Message.objects.get(mailing_list=public_list, event=event)
    assert document.symbol in message.subject_es and document.symbol in message.subject_en
    recipients = set(message.deliveries.values_list("email", flat=True))
    assert {"periodista@example.com", "gt_official@example.org", "st_officer@example.org"} <= recipients
    assert stats["deliveries"] == len(recipients)
    assert set(message.deliveries.values_list("state", flat=True)) == {Delivery.State.QUEUED}


def test_processing_twice_creates_nothing_more(public_list, subscribe_public, publish):
    subscribe_public(public_list, "a@example.com")
    publish()
    services.process_outbox()
    event = Event.objects.get()
    event.processed_at = None  # as if a consumer crashed after its commit and ran again
    event.save()
    services.process_outbox()
    assert Message.objects.count() == 1 and Delivery.objects.count() == 1


def test_a_members_only_document_never_reaches_the_public_or_an_observer(
    public_list, subscribe_public, publish, gt_official, observer, civil_society
):
    services.subscriptions_sync()
    services.user_subscribe(user=civil_society, mailing_list=public_list)
    subscribe_public(public_list, "periodista@example.com")
    publish(access_level=AccessLevel.MEMBERS)
    services.process_outbox()

    recipients = set(Delivery.objects.values_list("email", flat=True))
    assert "gt_official@example.org" in recipients
    assert "periodista@example.com" not in recipients
    assert "observer@example.org" not in recipients
    assert "civil_society@example.org" not in recipients


def test_a_group_document_reaches_only_the_group(public_list, publish, gt_official, hn_official, crm):
    services.subscriptions_sync()
    publish(access_level=AccessLevel.GROUP, access_group=crm["groups"]["consular"])
    services.process_outbox()
    recipients = set(Delivery.objects.values_list("email", flat=True))
    assert "gt_official@example.org" in recipients and "hn_official@example.org" not in recipients


def test_rules_filter_by_document_type(public_list, subscribe_public, publish):
    public_list.rules.update(doc_type="declaration")
    subscribe_public(public_list, "a@example.com")
    publish(doc_type="report")
    services.process_outbox()
    assert not Message.objects.exists()
    assert Event.objects.get().processed_at is not None


def test_a_new_event_kind_is_one_registration(public_list, subscribe_public, db, monkeypatch):
    from secretaria.comms import kinds
    from secretaria.comms.kinds import EventKind, Item, register_event_kind

    monkeypatch.setattr(kinds, "_KINDS", dict(kinds._KINDS))  # the registration ends with the test
    from secretaria.outbox.services import outbox_emit

    def render(event):
        both = {"es": "Reunión del GRCM convocada", "en": "RCGM meeting convened"}
        return Item(
            subject=both, text=both, html=both, title=both, access_level=AccessLevel.PUBLIC,
            access_group_id=None, url="https://sv.example.org/es/reuniones/1/", meeting_id=7,
        )  # fmt: skip

    register_event_kind(EventKind("example.convened", "Meeting convened", render))
    services.list_rule_create(mailing_list=public_list, event_kind="example.convened", meeting_id=7)
    subscribe_public(public_list, "a@example.com", language="en")
    outbox_emit(kind="example.convened", payload={"meeting_id": 7})
    services.process_outbox()
    assert Message.objects.get().subject_en == "RCGM meeting convened"
    assert Delivery.objects.get().language == "en"


def test_automatic_subscription_remembers_an_opt_out(public_list, gt_official):
    services.subscriptions_sync()
    sub = Subscription.objects.get(user=gt_official)
    assert sub.status == Subscription.Status.ACTIVE and sub.source == Subscription.Source.AUTO
    services.subscription_unsubscribe(subscription=sub)
    services.subscriptions_sync()
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.UNSUBSCRIBED


def test_an_announcement_writes_the_message_and_its_deliveries(public_list, subscribe_public, st_officer, observer):
    services.subscriptions_sync()
    subscribe_public(public_list, "a@example.com", rhythm="weekly")
    message = services.announcement_publish(
        mailing_list=public_list,
        by=st_officer,
        subject_es="Taller sobre la Convención de Palermo",
        subject_en="Workshop on the Palermo Convention",
        body_es="El taller se celebrará en **Panamá** en diciembre de 2004.",
        body_en="The workshop will take place in **Panama** in December 2004.",
    )
    assert "<strong>Panamá</strong>" in message.html_es
    assert {"a@example.com", "observer@example.org"} <= set(message.deliveries.values_list("email", flat=True))
