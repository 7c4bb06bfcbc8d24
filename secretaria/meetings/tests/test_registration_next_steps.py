"""The signed-link pages lead on (meeting, agenda, logistics), the thank-you page gives next steps,
and the invitation e-mail carries the logistics facts."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from secretaria.core.access import AccessLevel
from secretaria.meetings import services
from secretaria.meetings import services as svc
from secretaria.meetings.models import Invitation, InviteeCategory
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def logistics(seminar):
    return services.logistics_save(
        meeting=seminar, by=None, is_published=True,
        venue_es="Hotel Camino Real, salón Los Lagos", contacts_es="Ana Ruiz, logistica@example.org, +502 2222 2222",
    )  # fmt: skip


@pytest.fixture
def approved_agenda(seminar, st_officer, ppt_official):
    version = services.agenda_start_draft(meeting=seminar, by=st_officer)
    services.agenda_item_save(version=version, by=st_officer, title_es="Inauguración")
    services.agenda_submit(version=version, by=st_officer, notify=False)
    services.agenda_approve(version=version, by=ppt_official, notify=False)
    return version


@pytest.fixture
def invited(seminar, speaker, st_officer):
    svc.invitations_create(meeting=seminar, by=st_officer, people=[speaker], category=InviteeCategory.SPEAKER)
    return Invitation.objects.get(meeting=seminar, person=speaker)


def _respond_url(invitation):
    return reverse("meetings:invitation_respond", kwargs={"token": svc.invitation_token(invitation)})


# --- The e-mail ---------------------------------------------------------------------------------


@override_settings(SITE_URL="https://crm.example.org")
def test_the_invitation_email_carries_the_logistics_link_and_key_facts(seminar, logistics, speaker, st_officer):
    seminar.venue = "Hotel Camino Real"
    seminar.save()
    mail.outbox.clear()

    svc.invitations_create(meeting=seminar, by=st_officer, people=[speaker], category=InviteeCategory.SPEAKER)

    body = mail.outbox[0].body
    assert "Lugar: Hotel Camino Real, Ciudad de Guatemala, Guatemala" in body
    assert "Fecha límite de inscripción:" in body
    assert "https://crm.example.org/es/reuniones/migracion-y-salud/logistica/" in body
    assert "Página de la reunión: https://crm.example.org/es/reuniones/migracion-y-salud/" in body
    assert "Consultas: Ana Ruiz, logistica@example.org, +502 2222 2222" in body
    # The answer link still comes first.
    assert re.search(r"https?://\S+", body).group(0).startswith("https://crm.example.org/es/reuniones/invitacion/")


@override_settings(SECRETARIAT_EMAIL="st@crm.example.org")
def test_without_a_published_logistics_note_the_email_gives_the_secretariats_address(seminar, speaker, st_officer):
    svc.invitations_create(meeting=seminar, by=st_officer, people=[speaker], category=InviteeCategory.SPEAKER)

    body = mail.outbox[-1].body
    assert "logistica/" not in body
    assert "Consultas: st@crm.example.org" in body


# --- The signed-link pages ------------------------------------------------------------------------


def test_the_invitation_page_links_to_the_meeting_agenda_and_logistics(invited, logistics, approved_agenda, client):
    body = client.get(_respond_url(invited)).content.decode()

    assert 'href="/es/reuniones/migracion-y-salud/"' in body
    assert f'href="/es/reuniones/migracion-y-salud/agenda/{approved_agenda.pk}/"' in body
    assert 'href="/es/reuniones/migracion-y-salud/logistica/"' in body
    assert 'href="/es/reuniones/migracion-y-salud/ics/"' in body


def test_the_pages_do_not_link_to_what_the_invitee_may_not_open(invited, logistics, client):
    seminar = invited.meeting
    seminar.access_level = AccessLevel.MEMBERS
    seminar.save()

    body = client.get(_respond_url(invited)).content.decode()

    assert 'href="/es/reuniones/migracion-y-salud/logistica/"' not in body
    assert "Contactar a la Secretaría" in body


def test_the_delegation_and_registration_pages_link_onward(seminar, focal_points, st_officer, logistics, client):
    svc.invitations_create(meeting=seminar, by=st_officer, member_states=True)
    invitation = Invitation.objects.get(meeting=seminar, country__iso2="GT")
    svc.invitation_accept(invitation=invitation)
    invitation.refresh_from_db()
    delegation = reverse(
        "meetings:invitation_delegation", kwargs={"token": svc.invitation_token(invitation, "delegation")}
    )
    registration = svc.delegation_name_member(invitation=invitation, given_name="Carla", family_name="Head")

    for url in (
        delegation,
        reverse("meetings:registration_form", kwargs={"token": svc.registration_token(registration)}),
    ):
        body = client.get(url).content.decode()
        assert 'href="/es/reuniones/migracion-y-salud/"' in body
        assert 'href="/es/reuniones/migracion-y-salud/logistica/"' in body


def test_the_thank_you_page_gives_next_steps_and_the_change_link(invited, logistics, client):
    response = client.post(
        _respond_url(invited), {"answer": "accept", "hotel": "Hotel Camino Real", "needs_visa": "on"}
    )

    body = response.content.decode()
    assert "Gracias por inscribirse" in body
    assert "Próximos pasos" in body
    assert "Indicó que necesita visa" in body
    assert "Puede modificar sus datos hasta el" in body
    change = re.search(r'href="(/es/reuniones/inscripcion/[^"]+/modificar/)"', body).group(1)
    assert client.get(change).status_code == 200
    assert 'href="/es/reuniones/migracion-y-salud/logistica/"' in body


def test_the_thank_you_page_after_declining_still_leads_somewhere(invited, client):
    body = client.post(_respond_url(invited), {"answer": "decline"}).content.decode()

    assert "Gracias por su respuesta" in body
    assert 'href="/es/reuniones/migracion-y-salud/"' in body
    assert "/modificar/" not in body


@override_settings(SITE_URL="https://crm.example.org")
def test_a_named_delegate_receives_the_logistics_facts_too(seminar, focal_points, st_officer, logistics):
    svc.invitations_create(meeting=seminar, by=st_officer, member_states=True)
    invitation = Invitation.objects.get(meeting=seminar, country__iso2="GT")
    svc.invitation_accept(invitation=invitation)
    mail.outbox.clear()

    svc.delegation_name_member(invitation=invitation, given_name="Carla", family_name="Head", email="carla@example.org")

    body = mail.outbox[0].body
    assert "https://crm.example.org/es/reuniones/migracion-y-salud/logistica/" in body
    assert "Consultas: Ana Ruiz" in body and "Fecha límite de inscripción:" in body
    assert re.search(r"https?://\S+", body).group(0).startswith("https://crm.example.org/es/reuniones/inscripcion/")
