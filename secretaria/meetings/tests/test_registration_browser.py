"""In Chromium: an invited delegate opens the e-mailed link, accepts and registers, without an account."""

import re

import pytest
from django.core import mail

from secretaria.meetings import services as svc
from secretaria.meetings.models import Invitation, Registration
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)


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

    # The link has done its job: opening it again leads to the sent registration, to change it.
    page.goto(path)
    assert "Modificar la inscripción de Carlos Chapín" in page.content()
    assert page.locator("#id_hotel").input_value() == "Hotel Camino Real"
    assert registration.invitation.events.count() == 3
    assert errors == []


def _sign_in(page, live_server, user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.browser
def test_a_signed_in_invitee_finds_the_registration_box_registers_and_changes_the_registration(
    page, live_server, seminar, crm, gt_official, st_officer, client_for
):
    from django.urls import reverse

    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    svc.invitations_create(meeting=seminar, by=st_officer, group=crm["groups"]["consular"])
    _sign_in(page, live_server, gt_official)

    # The meeting page's registration box says the viewer is invited, with the deadline and the way in.
    page.goto(seminar.get_absolute_url())
    box = page.locator("section.registration-box")
    assert box.is_visible()
    assert "Abierta" in box.inner_text() and "Hasta el" in box.inner_text()
    assert "Está invitado/a" in box.inner_text()
    box.get_by_role("link", name="Responder e inscribirse").click()
    page.wait_for_load_state()

    page.locator("#id_hotel").fill("Hotel Camino Real")
    page.locator("button[name=answer][value=accept]").click()
    page.wait_for_load_state()
    assert "Gracias por inscribirse" in page.content() and "Próximos pasos" in page.content()

    # The thank-you page leads to the change form; the change is saved and kept in the history.
    page.get_by_role("link", name="Modificar mi inscripción").click()
    page.wait_for_load_state()
    assert page.locator("#id_hotel").input_value() == "Hotel Camino Real"
    page.locator("#id_hotel").fill("Hotel Westin Camino Real")
    page.locator("#id_needs_visa").check()
    page.get_by_role("button", name="Guardar los cambios").click()
    page.wait_for_load_state()
    assert "Sus cambios se guardaron." in page.content()

    registration = Registration.objects.get(person=gt_official.person)
    assert registration.hotel == "Hotel Westin Camino Real" and registration.needs_visa
    assert registration.history.count() >= 2

    # Back on the meeting page, the box now says the registration awaits approval.
    page.goto(seminar.get_absolute_url())
    assert "Inscrito/a, pendiente de aprobación" in page.locator("section.registration-box").inner_text()
    # And the Secretariat sees the change in the registration's history.
    history = client_for(st_officer).get(
        reverse("meetings:registration_manage_edit", kwargs={"slug": seminar.slug, "pk": registration.pk})
    )
    assert "<del>Hotel Camino Real</del> → <ins>Hotel Westin Camino Real</ins>" in history.content.decode()
    assert errors == []
