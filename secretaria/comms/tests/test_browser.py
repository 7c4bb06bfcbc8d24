"""Subscribing with double opt-in and leaving in one click, in a real browser."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from secretaria.comms import services, tokens
from secretaria.comms.models import Subscription
from secretaria.core.access import AccessLevel


@pytest.fixture
def live_list(transactional_db, settings, live_server):
    settings.SITE_URL = live_server.url  # links in e-mails point at the test server
    return services.mailing_list_create(
        slug="boletines",
        name_es="Boletines de la Secretaría Virtual",
        name_en="Secretaría Virtual bulletins",
        description_es="Cambios y actualizaciones de los dos sitios.",
        access_level=AccessLevel.PUBLIC,
    )


@pytest.mark.browser
def test_a_visitor_subscribes_with_double_opt_in(page, live_list):
    page.goto(reverse("comms:lists"))
    # Buttons by CSS: the words are translated by the Spanish catalogue.
    page.locator(".card .actions a.button").first.click()
    page.fill("#id_email", "periodista@example.com")
    page.select_option("#id_language", "en")
    page.select_option("#id_rhythm", "weekly")
    with page.expect_navigation():
        page.click("form.subscribe-form button[type=submit]")
    assert "periodista@example.com" in page.content()
    sub = Subscription.objects.get(email="periodista@example.com")
    assert sub.status == Subscription.Status.PENDING

    [confirmation] = mail.outbox
    [link] = re.findall(r"https?://\S+", confirmation.body)
    page.goto(link)
    with page.expect_navigation():
        page.click("form.confirm-form button[type=submit]")
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.ACTIVE and (sub.language, sub.rhythm) == ("en", "weekly")


@pytest.mark.browser
def test_a_subscriber_unsubscribes_in_one_click_from_the_link_in_a_message(page, live_list):
    sub = Subscription.objects.create(
        mailing_list=live_list, email="lectora@example.com", language="es", status=Subscription.Status.ACTIVE
    )
    page.goto(reverse("comms_unsubscribe", args=[tokens.manage_token(sub)]))
    assert page.locator("h1").inner_text()
    with page.expect_navigation():
        page.click("form.unsubscribe-form button[type=submit]")
    assert "lectora@example.com" in page.content()
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.UNSUBSCRIBED
