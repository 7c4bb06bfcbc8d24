"""Digests, bulletins and the list archives."""

import datetime

from django.urls import reverse
from django.utils import timezone

from secretaria.comms import bulletins, sending, services
from secretaria.comms.models import Bulletin, Delivery, DigestRun, MailingList, Message
from secretaria.core.access import AccessLevel
from secretaria.search.selectors import search


def test_a_daily_digest_lists_the_periods_items_each_reader_may_see(
    smtp_sink, public_list, subscribe_public, publish, gt_official
):
    services.subscriptions_sync()
    services.subscription_set_preferences(
        subscription=gt_official.list_subscriptions.get(), language="en", rhythm="daily"
    )
    subscribe_public(public_list, "diario@example.com", rhythm="daily")
    subscribe_public(public_list, "cada@example.com", rhythm="each")
    public = publish(title_es="Seminario sobre Migración y Salud", title_en="Seminar on Migration and Health")
    members = publish(access_level=AccessLevel.MEMBERS, title_es="Fondo de reserva", title_en="Reserve fund")
    services.process_outbox()
    # Digest subscribers get nothing message by message.
    assert not Delivery.objects.filter(email__in=["diario@example.com", "gt_official@example.org"]).exists()

    stats = services.send_digests(rhythm="daily", now=timezone.now() + datetime.timedelta(seconds=1))
    sending.send_queue(worker_id="t")

    assert stats["messages"] == 2  # one per group of readers who may see the same items
    [public_digest] = smtp_sink.to("diario@example.com")
    text = public_digest.get_body(("plain",)).get_content()
    assert public.symbol in text and members.symbol not in text
    [member_digest] = smtp_sink.to("gt_official@example.org")
    text = member_digest.get_body(("plain",)).get_content()
    assert public.symbol in text and members.symbol in text and "Daily digest" in member_digest["Subject"]
    assert member_digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_digest_period_is_sent_once(public_list, subscribe_public, publish):
    subscribe_public(public_list, "diario@example.com", rhythm="daily")
    publish()
    services.process_outbox()
    later = timezone.now() + datetime.timedelta(seconds=1)
    services.send_digests(rhythm="daily", now=later)
    again = services.send_digests(rhythm="daily", now=later + datetime.timedelta(hours=2))
    assert again["messages"] == 0 and DigestRun.objects.count() == 1
    assert Delivery.objects.filter(email="diario@example.com").count() == 1


def test_a_bulletin_is_drafted_from_what_changed_edited_and_sent(
    smtp_sink, public_list, subscribe_public, publish, st_officer
):
    subscribe_public(public_list, "boletin@example.com", language="en", rhythm="weekly")
    public = publish(title_es="Declaración de Panamá", title_en="Panama Declaration")
    secret = publish(access_level=AccessLevel.MEMBERS, title_es="Presupuesto", title_en="Budget")
    today = timezone.localdate()
    bulletin = bulletins.bulletin_draft(
        by=st_officer, period_start=today - datetime.timedelta(days=7), period_end=today
    )
    assert public.symbol in bulletin.body_es and public.symbol in bulletin.body_en
    assert secret.symbol not in bulletin.body_es  # a public bulletin lists public items only
    assert "## Documents published" in bulletin.body_en

    bulletin.body_en += "\n\nThe Secretariat moves to new servers at the end of December 2004."
    bulletin.save()
    message = bulletins.bulletin_send(bulletin=bulletin, mailing_list=public_list, by=st_officer)
    sending.send_queue(worker_id="t")

    [received] = smtp_sink.to("boletin@example.com")
    assert "new servers" in received.get_body(("plain",)).get_content()
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.SENT and bulletin.message == message


def test_bulletins_are_archived_on_the_public_site(anonymous, public_list, st_officer, publish):
    publish()
    today = timezone.localdate()
    bulletin = bulletins.bulletin_draft(by=st_officer, period_start=today, period_end=today)
    draft = anonymous.get(reverse("comms:bulletin", args=[bulletin.pk]))
    assert draft.status_code == 302 and "/accounts/login/" in draft["Location"]  # as for a missing one
    bulletins.bulletin_send(bulletin=bulletin, mailing_list=public_list, by=st_officer)
    index = anonymous.get(reverse("comms:bulletins"))
    assert bulletin.title_es in index.content.decode()
    page = anonymous.get(reverse("comms:bulletin", args=[bulletin.pk]))
    assert page.status_code == 200 and "Documentos publicados" in page.content.decode()


def test_a_members_list_archive_is_not_readable_by_the_public(anonymous, client_for, gt_official, st_officer, db):
    lst = services.mailing_list_create(
        slug="grcm",
        name_es="Lista del GRCM",
        name_en="RCGM list",
        access_level=AccessLevel.MEMBERS,
        kind="announcement",
    )
    message = services.announcement_publish(
        mailing_list=lst, by=st_officer, subject_es="Fondo de reserva: informe semestral", subject_en="Reserve fund: six-monthly report",
        body_es="El informe del fondo de reserva está disponible.", body_en="The reserve fund report is available.",
    )  # fmt: skip
    url = reverse("comms:archive_message", args=[lst.slug, message.pk])
    assert anonymous.get(url).status_code == 302  # to the login page
    assert anonymous.get(reverse("comms:archive", args=[lst.slug])).status_code == 404
    member = client_for(gt_official)
    assert member.get(url).status_code == 200
    archive = member.get(reverse("comms:archive", args=[lst.slug]), {"q": "semestral"})
    assert "Fondo de reserva" in archive.content.decode()


def test_list_messages_are_in_the_site_search_with_the_lists_access(gt_official, observer, st_officer, db):
    lst = services.mailing_list_create(
        slug="grcm",
        name_es="Lista del GRCM",
        name_en="RCGM list",
        access_level=AccessLevel.MEMBERS,
        kind="announcement",
    )
    services.announcement_publish(
        mailing_list=lst, by=st_officer, subject_es="Convocatoria del GRCM en Panamá", subject_en="RCGM convened in Panama",
        body_es="Reunión del GRCM en diciembre.", body_en="RCGM meeting in December.",
    )  # fmt: skip

    def kinds(user):
        return [hit.kind for hit in search(user=user, q="Convocatoria").hits]

    assert "list_message" in kinds(gt_official)
    assert "list_message" not in kinds(observer)


def test_the_secretariat_pages_show_progress_and_the_log_in_constant_queries(
    client_for, st_officer, public_list, subscribe_public, publish, count_queries
):
    names = (
        "comms:deliveries",
        "comms:manage_messages",
        "comms:manage_lists",
        "comms:bounces",
        "comms:manage_bulletins",
    )
    client = client_for(st_officer)

    def counts():
        return {name: count_queries(lambda name=name: client.get(reverse(name))) for name in names}

    for n in range(2):
        subscribe_public(public_list, f"r{n}@example.com")
    publish()
    services.process_outbox()
    client.get(reverse("comms:deliveries"))
    few = counts()
    for n in range(2, 30):
        subscribe_public(public_list, f"r{n}@example.com")
    publish()
    publish()
    services.process_outbox()
    Delivery.objects.filter(pk__in=Delivery.objects.order_by("pk").values("pk")[:10]).update(state="sent")
    assert counts() == few
    for name in names:
        assert client.get(reverse(name)).status_code == 200
    message = Message.objects.order_by("pk")[1]
    page = client.get(reverse("comms:message", args=[message.pk]))
    assert "8 de 30 enviados" in page.content.decode()
    log = client.get(reverse("comms:deliveries"), {"state": "sent", "mailing_list": public_list.slug})
    assert log.content.decode().count("badge-success") == 10


def test_only_the_secretariat_manages_lists(client_for, gt_official, anonymous, db):
    assert client_for(gt_official).get(reverse("comms:manage_lists")).status_code == 403
    assert anonymous.get(reverse("comms:manage_lists")).status_code == 302


def test_the_secretariat_creates_a_list_with_a_rule_and_writes_to_it(client_for, st_officer, gt_official):
    client = client_for(st_officer)
    response = client.post(
        reverse("comms:list_create"),
        {
            "slug": "red-consular", "name_es": "Red de protección consular", "name_en": "Consular protection network",
            "kind": "automatic", "access_level": "members", "auto_roles": ["member", "ppt"],
            "allow_opt_out": "on", "allow_self_subscribe": "on", "is_active": "on",
        },
    )  # fmt: skip
    assert response.status_code == 302
    lst = MailingList.objects.get(slug="red-consular")
    assert lst.subscriptions.filter(user=gt_official, status="active").exists()
    client.post(reverse("comms:rule_create", args=[lst.pk]), {"event_kind": "document.published", "doc_type": "report"})
    assert lst.rules.get().doc_type == "report"
    response = client.post(
        reverse("comms:announcement_create", args=[lst.pk]),
        {"subject_es": "Reunión", "subject_en": "Meeting", "body_es": "Texto", "body_en": "Text"},
    )
    assert response.status_code == 302
    assert Delivery.objects.filter(email="gt_official@example.org").exists()
