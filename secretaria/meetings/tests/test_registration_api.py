"""The participation API: Secretariat endpoints, the public list, the token answer; in the OpenAPI schema."""

import pytest
from django.core import mail

from secretaria.directory.models import Person
from secretaria.meetings import services as svc
from secretaria.meetings.models import Invitation, InviteeCategory, Registration
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db
BASE = "/api/v1/meetings"


@pytest.fixture
def approved(seminar, st_officer):
    out = []
    for given, listed in (("Visible", True), ("Oculta", False)):
        person = Person.objects.create(given_name=given, family_name="Ponente", email=f"{given}@example.org")
        svc.invitations_create(meeting=seminar, by=st_officer, people=[person], category=InviteeCategory.SPEAKER)
        svc.invitation_accept(
            invitation=Invitation.objects.get(person=person),
            registration_data={"listed_publicly": listed, "hotel": "Hotel Camino Real"},
        )
        registration = Registration.objects.get(person=person)
        svc.registration_approve(registration=registration, by=st_officer)
        out.append(registration)
    return out


def test_the_public_api_shows_only_what_the_public_list_shows(approved, seminar, client):
    data = client.get(f"{BASE}/{seminar.slug}/participants").json()["results"]
    assert data == [{"name": "Visible Ponente", "delegation": "", "category": "speaker"}]


def test_the_secretariat_lists_registrations_with_logistics(approved, seminar, st_officer, client_for):
    data = client_for(st_officer).get(f"{BASE}/{seminar.slug}/registrations").json()["results"]
    assert {r["name"] for r in data} == {"Visible Ponente", "Oculta Ponente"}
    assert data[0]["hotel"] == "Hotel Camino Real"


def test_an_observer_gets_no_secretariat_data(approved, seminar, observer, client_for, client):
    assert client_for(observer).get(f"{BASE}/{seminar.slug}/registrations").status_code == 403
    assert client_for(observer).get(f"{BASE}/{seminar.slug}/invitations").status_code == 403
    assert client.get(f"{BASE}/{seminar.slug}/registrations").status_code == 401


def test_the_secretariat_creates_invitations_and_rejects_a_registration(seminar, st_officer, client_for, speaker):
    client = client_for(st_officer)
    response = client.post(
        f"{BASE}/{seminar.slug}/invitations",
        {"people": [speaker.pk], "category": "speaker"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["created"][0]["invitee"] == "Marta Castillo"
    assert mail.outbox[0].to == ["marta@example.org"]
    svc.invitation_accept(invitation=Invitation.objects.get(person=speaker))
    registration = Registration.objects.get(person=speaker)

    rejected = client.post(f"{BASE}/{seminar.slug}/registrations/{registration.pk}/reject")

    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    again = client.post(f"{BASE}/{seminar.slug}/registrations/{registration.pk}/reject")
    assert again.status_code == 400 and "detail" in again.json()


def test_an_invitee_answers_with_the_token_and_no_account(seminar, st_officer, speaker, client):
    svc.invitations_create(meeting=seminar, by=st_officer, people=[speaker], category=InviteeCategory.SPEAKER)
    token = svc.invitation_token(Invitation.objects.get(person=speaker))
    payload = {"token": token, "accept": True, "registration": {"hotel": "Camino Real", "listed_publicly": True}}

    response = client.post(f"{BASE}/invitations/answer", payload, content_type="application/json")

    assert response.status_code == 200
    assert response.json()["registration_status"] == "registered"
    reused = client.post(f"{BASE}/invitations/answer", payload, content_type="application/json")
    assert reused.status_code == 410
    altered = client.post(
        f"{BASE}/invitations/answer", {**payload, "token": token + "x"}, content_type="application/json"
    )
    assert altered.status_code == 400


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert f"{BASE}/{{slug}}/invitations" in paths
    assert f"{BASE}/{{slug}}/registrations/{{pk}}/approve" in paths
    assert f"{BASE}/invitations/answer" in paths
    assert f"{BASE}/{{slug}}/participants" in paths


@pytest.mark.parametrize("people", [[99999999999999999999], [0], [-5]])
def test_a_person_id_out_of_range_is_refused_with_a_json_error(seminar, st_officer, client_for, people):
    response = client_for(st_officer).post(
        f"{BASE}/{seminar.slug}/invitations", {"people": people}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][-2:] == ["people", 0]
    assert not Invitation.objects.exists()
