import io

import pytest
from django.core import mail
from django.core.management import call_command


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_visitor_reads_the_reserve_fund_page_in_both_languages_and_writes_to_the_secretariat(page):
    call_command("load_demo", stdout=io.StringIO())

    page.goto("/es/")
    page.get_by_role("link", name="Fondo de reserva para el retorno asistido").click()
    assert "US$1.000 por caso" in page.content()

    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/en/**")
    assert "US$1,000 per case" in page.content()

    page.goto("/en/contact/")
    page.get_by_label("Your name").fill("María Pérez")
    page.get_by_label("Your e-mail address").fill("maria@example.org")
    page.get_by_label("Subject").fill("Reserve fund")
    page.get_by_label("Message").fill("Who may submit a request to the fund?")
    page.get_by_role("button", name="Send the message").click()
    page.wait_for_load_state()

    # The page's script solved the proof of work before the form went: an inquiry, acknowledged.
    page.wait_for_selector("text=Your message has been sent")
    assert "Its reference is CRM-ST-" in page.content()
    assert len(mail.outbox) == 2
