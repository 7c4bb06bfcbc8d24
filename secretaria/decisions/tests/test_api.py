import json

from secretaria.accounts.services import api_token_create
from secretaria.core.access import AccessLevel
from secretaria.decisions import services
from secretaria.decisions.models import PartyStatus, ProgressNote

API = "/api/v1/decisions"


def _bearer(user):
    _token, key = api_token_create(user=user)
    return {"Authorization": f"Bearer {key}"}


def test_anonymous_callers_list_public_decisions_without_country_detail(parties, decision, ix_crm, st_officer, client):
    services.decision_create(
        meeting=ix_crm, number=8, text_es="Reservada", access_level=AccessLevel.MEMBERS, by=st_officer
    )
    data = client.get(API).json()["results"]
    assert [d["id"] for d in data] == [decision.pk]
    assert data[0]["progress"] == {"done": 0, "applicable": 4, "percent": 0}
    detail = client.get(f"{API}/{decision.pk}").json()
    assert [p["key"] for p in detail["commitments"][0]["parties"]] == ["st"]


def test_members_see_every_party_and_filter_by_meeting(parties, decision, gt_official, client):
    data = client.get(f"{API}/{decision.pk}", headers=_bearer(gt_official)).json()
    assert {p["key"] for p in data["commitments"][0]["parties"]} == {"GT", "HN", "CA", "st"}
    assert client.get(f"{API}?meeting=other", headers=_bearer(gt_official)).json()["results"] == []


def test_a_hidden_decision_is_a_json_404(decision, st_officer, ix_crm, client):
    hidden = services.decision_create(
        meeting=ix_crm, number=8, text_es="Reservada", access_level=AccessLevel.MEMBERS, by=st_officer
    )
    response = client.get(f"{API}/{hidden.pk}")
    assert response.status_code == 404 and "detail" in response.json()


def test_a_commitment_by_id(commitment, gt_official, client):
    data = client.get(f"{API}/commitments/{commitment.pk}", headers=_bearer(gt_official)).json()
    assert data["deadline"] == "2004-10-18"
    assert len(data["parties"]) == 4


def test_an_official_updates_their_countrys_status(parties, gt_official, client):
    response = client.post(
        f"{API}/parties/{parties['GT'].pk}/status",
        data=json.dumps({"status": "in_progress", "note": "Agenda enviada a los patrocinadores"}),
        content_type="application/json",
        headers=_bearer(gt_official),
    )
    assert response.status_code == 201, response.content
    assert response.json()["status_from"] == "pending" and response.json()["status_to"] == "in_progress"
    parties["GT"].refresh_from_db()
    assert parties["GT"].status == PartyStatus.IN_PROGRESS


def test_an_official_of_honduras_gets_403_json_for_guatemala(parties, hn_official, client):
    response = client.post(
        f"{API}/parties/{parties['GT'].pk}/status",
        data=json.dumps({"status": "done"}),
        content_type="application/json",
        headers=_bearer(hn_official),
    )
    assert response.status_code == 403
    assert "detail" in response.json()
    parties["GT"].refresh_from_db()
    assert parties["GT"].status == PartyStatus.PENDING
    assert not ProgressNote.objects.exists()


def test_anonymous_updates_are_401(parties, client):
    response = client.post(
        f"{API}/parties/{parties['GT'].pk}/status", data=json.dumps({"status": "done"}), content_type="application/json"
    )
    assert response.status_code == 401


def test_bad_input_is_a_4xx_not_a_500(parties, gt_official, client):
    headers = _bearer(gt_official)
    url = f"{API}/parties/{parties['GT'].pk}/status"
    assert (
        client.post(
            url, data=json.dumps({"status": "finished"}), content_type="application/json", headers=headers
        ).status_code
        == 422
    )
    assert client.post(url, data=json.dumps({}), content_type="application/json", headers=headers).status_code == 400
    assert (
        client.post(
            f"{API}/parties/999999/status", data="{}", content_type="application/json", headers=headers
        ).status_code
        == 404
    )


def test_the_endpoints_are_in_the_openapi_schema(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/decisions" in paths
    assert "/api/v1/decisions/{decision_id}" in paths
    assert "/api/v1/decisions/parties/{party_id}/status" in paths
