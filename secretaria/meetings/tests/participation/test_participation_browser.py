"""In Chromium: an invited delegate opens the e-mailed link, accepts and registers, without an account."""

import re

import pytest
from django.core import mail

from secretaria.meetings.models import Invitation, Registration
from secretaria.meetings.services import participation as svc


@pytest.mark.browser
def test_an_invited_delegate_opens_the_emailed_link_accepts_and_registers(page, seminar, crm, gt_official, st_officer):
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    svc.invitations_create(meeting=seminar, by=st_officer, group=crm["groups"]["consular"])
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)

    page.goto(path)
    assert "Carlos Chapín" in page.content()
    page.locator("#id_arrival").fill("2030-10-17T18:00")
    page.locator("#id_departure").fill("2030-10-20T12:00")
    page.locator("#id_hotel").fill("Hotel Camino Real")
    page.locator("#id_dietary_needs").fill("Sin gluten")
    page.locator("#id_interpretation_language").select_option("es")
    page.locator("#id_listed_publicly").check()
    page.locator("button[name=answer][value=accept]").click()
    page.wait_for_load_state()

    assert "Gracias por inscribirse" in page.content()
    registration = Registration.objects.get(person=gt_official.person)
    assert registration.status == Registration.Status.REGISTERED
    assert registration.hotel == "Hotel Camino Real" and registration.listed_publicly
    assert Invitation.objects.get(person=gt_official.person).status == Invitation.Status.ACCEPTED

    # The link has done its job: opening it again shows the refusal page, not the form.
    again = page.goto(path)
    assert again.status == 410
    assert page.locator("#id_hotel").count() == 0
    assert registration.invitation.events.count() == 3
    assert errors == []
