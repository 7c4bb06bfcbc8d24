"""Before a bulletin goes to a list, the Secretariat sees how many receive it, in which language, and
the bulletin as one chosen subscriber reads it; nothing is queued until it confirms."""

import datetime

from django.urls import reverse
from django.utils import timezone

from secretaria.comms import bulletins
from secretaria.comms.models import Bulletin, Delivery, Subscription
from secretaria.core.access import AccessLevel


def _bulletin(st_officer, access_level=AccessLevel.PUBLIC):
    today = timezone.localdate()
    bulletin = bulletins.bulletin_draft(by=st_officer, period_start=today - datetime.timedelta(days=7),
                                        period_end=today, access_level=access_level)  # fmt: skip
    bulletin.body_es += "\n\nLa Secretaría cambia de servidores en diciembre."
    bulletin.body_en += "\n\nThe Secretariat moves to new servers in December."
    bulletin.save()
    return bulletin


def test_sending_a_bulletin_first_shows_the_count_and_the_email_then_sends_on_confirmation(
    public_list, subscribe_public, st_officer, client_for
):
    subscribe_public(public_list, "uno@example.com", language="es")
    english = subscribe_public(public_list, "two@example.com", language="en", rhythm="weekly")
    Subscription.objects.create(mailing_list=public_list, email="fuera@example.com", status="unsubscribed")
    bulletin = _bulletin(st_officer)
    client = client_for(st_officer)
    url = reverse("comms:bulletin_send", args=[bulletin.pk])

    page = client.post(url, {"mailing_list": public_list.pk}).content.decode()
    assert "2 suscriptores recibirán este boletín" in page
    assert "en español: 1" in page and "en inglés: 1" in page
    assert "uno@example.com" in page and "fuera@example.com" not in page
    assert "La Secretaría cambia de servidores" in page
    assert Delivery.objects.count() == 0
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.DRAFT

    as_english = client.post(url, {"mailing_list": public_list.pk, "to": english.pk}).content.decode()
    assert "The Secretariat moves to new servers" in as_english

    client.post(url, {"mailing_list": public_list.pk, "confirm": "1"})
    assert sorted(Delivery.objects.values_list("email", flat=True)) == ["two@example.com", "uno@example.com"]


def test_the_check_says_when_nobody_may_read_it(public_list, subscribe_public, st_officer, client_for):
    subscribe_public(public_list, "publico@example.com")
    bulletin = _bulletin(st_officer, access_level=AccessLevel.MEMBERS)
    page = (
        client_for(st_officer)
        .post(reverse("comms:bulletin_send", args=[bulletin.pk]), {"mailing_list": public_list.pk})
        .content.decode()
    )
    assert "Nadie lo recibiría" in page and "publico@example.com" not in page


def test_the_edit_page_offers_the_check_not_a_direct_send(public_list, st_officer, client_for):
    bulletin = _bulletin(st_officer)
    page = client_for(st_officer).get(reverse("comms:bulletin_edit", args=[bulletin.pk])).content.decode()
    assert "Revisar y enviar…" in page and "Enviar el boletín" not in page
