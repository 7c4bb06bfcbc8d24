"""The management commands and the pages anyone reaches."""

import io

from django.core.management import call_command
from django.urls import reverse

from secretaria.comms import services
from secretaria.comms.models import Delivery


def _run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_commands_consume_the_outbox_and_send_the_queue(smtp_sink, public_list, subscribe_public, publish):
    subscribe_public(public_list, "a@example.com")
    subscribe_public(public_list, "diario@example.com", rhythm="daily")
    publish()
    assert "1 events processed, 1 deliveries queued" in _run("process_outbox")
    assert "1 sent" in _run("send_mail_queue", "--once", "--worker-id", "cli", "--no-digests")
    assert [m["To"] for m in smtp_sink.messages] == ["a@example.com"]
    assert "daily: 1 digests" in _run("send_digests", "--rhythm", "daily", "--force")
    assert Delivery.objects.filter(email="diario@example.com").exists()


def test_sync_subscriptions_subscribes_members_by_role(public_list, gt_official, civil_society):
    assert "added" in _run("sync_subscriptions")
    assert public_list.subscriptions.filter(user=gt_official).exists()
    assert not public_list.subscriptions.filter(user=civil_society).exists()  # not among the list's roles


def test_the_public_sees_public_lists_only(anonymous, public_list, db):
    services.mailing_list_create(slug="grcm", name_es="Lista del GRCM", name_en="RCGM list", access_level="members")
    page = anonymous.get(reverse("comms:lists")).content.decode()
    assert "Documentos de la CRM" in page and "Lista del GRCM" not in page


def test_the_members_dashboard_shows_my_lists(client_for, gt_official, public_list):
    services.subscriptions_sync()
    page = client_for(gt_official).get(reverse("members:dashboard")).content.decode()
    assert "Documentos de la CRM" in page and reverse("comms:my_subscriptions") in page


def test_the_secretariat_dashboard_shows_sends_in_progress_and_links_to_the_lists(
    client_for, st_officer, gt_official, public_list, subscribe_public, publish
):
    for n in range(3):
        subscribe_public(public_list, f"reader{n}@example.com", language="en")
    publish()
    services.process_outbox()
    page = client_for(st_officer).get("/en/members/").content.decode()
    assert "Distribution lists" in page and "0 of 3 sent" in page
    assert "3 messages waiting to be sent" in page
    assert reverse("comms:manage_lists") in page
    member_page = client_for(gt_official).get("/en/members/").content.decode()
    assert "waiting to be sent" not in member_page and reverse("comms:manage_lists") not in member_page


def test_the_footer_leads_to_the_public_lists_and_the_bulletins(anonymous, db):
    page = anonymous.get("/en/").content.decode()
    assert 'href="/en/lists/"' in page
    assert 'href="/en/lists/bulletins/"' in page
