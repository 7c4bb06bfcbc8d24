"""The personal signed link: accept or decline and register without an account; refusals are clear pages."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from secretaria.meetings import services as svc
from secretaria.meetings.models import Invitation, InviteeCategory, Registration
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db

LOGISTICS = {
    "arrival": "2030-10-17T18:00",
    "departure": "2030-10-20T12:00",
    "hotel": "Hotel Camino Real",
    "dietary_needs": "Vegetarian",
    "accessibility_needs": "",
    "interpretation_language": "es",
    "needs_visa": "on",
    "passport_number": "X123",
    "passport_country": "Guatemala",
    "listed_publicly": "on",
}


def _link_in(message) -> str:
    return re.search(r"https?://\S+|/\S+/", message.body).group(0)


@pytest.fixture
def invited(seminar, speaker, st_officer):
    svc.invitations_create(meeting=seminar, by=st_officer, people=[speaker], category=InviteeCategory.SPEAKER)
    return Invitation.objects.get(meeting=seminar, person=speaker)


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_the_emailed_link_lets_the_speaker_accept_and_register_without_an_account(invited, client):
    url = _path(_link_in(mail.outbox[0]))
    page = client.get(url)
    assert page.status_code == 200 and "Marta Castillo" in page.content.decode()

    response = client.post(url, {**LOGISTICS, "answer": "accept"})

    assert response.status_code == 200
    registration = Registration.objects.get(invitation=invited)
    assert registration.status == Registration.Status.REGISTERED
    assert registration.hotel == "Hotel Camino Real" and registration.needs_visa and registration.listed_publicly
    invited.refresh_from_db()
    assert invited.status == Invitation.Status.ACCEPTED
    assert [e.kind for e in invited.events.all()] == ["invited", "accepted", "registered"]


def test_a_used_link_leads_to_the_registration_it_made_not_to_a_refusal(invited, client):
    url = _path(_link_in(mail.outbox[0]))
    client.post(url, {**LOGISTICS, "answer": "accept"})

    again = client.get(url, follow=True)

    assert again.status_code == 200
    assert "Modificar la inscripción de Marta Castillo" in again.content.decode()
    assert 'value="Hotel Camino Real"' in again.content.decode()


def test_a_used_link_is_refused_with_a_clear_page_once_the_registration_is_closed(invited, client, st_officer):
    url = _path(_link_in(mail.outbox[0]))
    client.post(url, {**LOGISTICS, "answer": "accept"})
    svc.registration_reject(registration=Registration.objects.get(invitation=invited), by=st_officer)

    again = client.get(url, HTTP_ACCEPT_LANGUAGE="en")

    assert again.status_code == 410
    assert "Este enlace ya fue utilizado" in again.content.decode()


def test_an_altered_link_is_refused_with_a_clear_page(invited, client):
    token = svc.invitation_token(invited)
    url = reverse(
        "meetings:invitation_respond", kwargs={"token": token[:-3] + ("abc" if token[-3:] != "abc" else "xyz")}
    )

    response = client.get(url)

    assert response.status_code == 400
    assert "Este enlace no es válido" in response.content.decode()
    assert "El enlace está incompleto o fue alterado." in response.content.decode()


def test_an_expired_link_is_refused_with_a_clear_page(invited, client):
    url = reverse("meetings:invitation_respond", kwargs={"token": svc.invitation_token(invited)})
    seminar = invited.meeting
    seminar.registration_deadline = datetime.date.today() - datetime.timedelta(days=1)
    seminar.save()

    response = client.get(url)

    assert response.status_code == 410
    assert "Este enlace ha vencido" in response.content.decode()
    assert "El plazo de inscripción ha vencido." in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_link_expires_the_day_after_the_registration_deadline(invited):
    token = svc.invitation_token(invited)
    deadline = invited.meeting.registration_deadline
    assert svc.token_read(token, "respond", today=deadline) == invited
    with pytest.raises(svc.LinkError) as exc:
        svc.token_read(token, "respond", today=deadline + datetime.timedelta(days=1))
    assert exc.value.reason == "expired"


def test_without_a_deadline_a_link_lasts_the_configured_number_of_days(invited):
    seminar = invited.meeting
    seminar.registration_deadline = None
    seminar.save()
    token = svc.invitation_token(invited)
    sent = timezone.localdate(invited.sent_at)
    assert svc.token_read(token, "respond", today=sent + datetime.timedelta(days=svc.LINK_DAYS)) == invited
    with pytest.raises(svc.LinkError):
        svc.token_read(token, "respond", today=sent + datetime.timedelta(days=svc.LINK_DAYS + 1))


def test_a_declined_invitation_link_cannot_be_used_again(invited, client):
    url = reverse("meetings:invitation_respond", kwargs={"token": svc.invitation_token(invited)})
    assert client.post(url, {"answer": "decline"}).status_code == 200
    invited.refresh_from_db()
    assert invited.status == Invitation.Status.DECLINED

    assert client.post(url, {**LOGISTICS, "answer": "accept"}).status_code == 410
    assert Registration.objects.count() == 0


def test_a_link_serves_only_its_own_purpose(invited, client):
    token = svc.invitation_token(invited, "respond")
    url = reverse("meetings:invitation_delegation", kwargs={"token": token})
    assert client.get(url).status_code == 400
    url = reverse("meetings:registration_form", kwargs={"token": token})
    assert client.get(url).status_code == 400


def test_a_token_signed_with_another_salt_is_refused(invited):
    from django.core import signing

    forged = signing.dumps({"k": "i", "id": invited.pk, "a": "respond", "n": 0, "x": 999999}, compress=True)
    with pytest.raises(svc.LinkError) as exc:
        svc.token_read(forged, "respond")
    assert exc.value.reason == "invalid"


def test_a_bad_registration_is_a_form_error_not_a_crash(invited, client):
    url = reverse("meetings:invitation_respond", kwargs={"token": svc.invitation_token(invited)})
    response = client.post(url, {**LOGISTICS, "departure": "2030-10-10T12:00", "answer": "accept"})

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert Registration.objects.count() == 0
