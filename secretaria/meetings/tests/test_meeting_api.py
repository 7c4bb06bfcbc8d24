import datetime

import pytest

from secretaria.accounts.services import api_token_create
from secretaria.core.access import AccessLevel
from secretaria.meetings import services
from secretaria.meetings.models import AgendaVersion, Meeting

API = "/api/v1/meetings"


@pytest.fixture
def members_meeting(crm, st_officer):
    return services.meeting_create(
        by=st_officer, kind=Meeting.Kind.GRCM, slug="grcm-2004", title_es="Reunión del GRCM",
        start_date=datetime.date(2004, 12, 7), end_date=datetime.date(2004, 12, 8), access_level=AccessLevel.MEMBERS,
    )  # fmt: skip


def bearer(user):
    _token, secret = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_anonymous_callers_see_public_meetings_and_approved_agendas_only(
    draft, members_meeting, st_officer, ppt_official, client
):
    slugs = [m["slug"] for m in client.get(API).json()["results"]]
    assert slugs == ["migracion-y-salud"]
    assert client.get(f"{API}/grcm-2004").status_code == 404
    assert client.get(f"{API}/migracion-y-salud/agenda").json()["results"] == []
    assert client.get(f"{API}/migracion-y-salud/agenda/{draft.pk}").status_code == 404
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    detail = client.get(f"{API}/migracion-y-salud").json()
    assert detail["programme"] == draft.pk and detail["sponsor_countries"] == ["CA", "MX"]
    version = client.get(f"{API}/migracion-y-salud/agenda/{draft.pk}").json()
    assert [i["title_es"] for i in version["items"]] == ["Inauguración", "Migración y VIH/SIDA"]
    assert version["items"][1]["speakers"][0]["name"] == "Lilian Reneau"


def test_the_list_filters(seminar, members_meeting, client, gt_official, client_for):
    c = client_for(gt_official)
    assert [m["slug"] for m in c.get(API, {"kind": "grcm"}).json()["results"]] == ["grcm-2004"]
    assert [m["slug"] for m in c.get(API, {"year": 2004}).json()["results"]] == ["grcm-2004"]
    assert [m["slug"] for m in c.get(API, {"upcoming": "true"}).json()["results"]] == ["migracion-y-salud"]
    assert [m["slug"] for m in c.get(API, {"country": "gt"}).json()["results"]] == ["migracion-y-salud"]
    assert c.get(API, {"kind": "party"}).status_code == 422


def test_the_ppt_approves_through_the_api(draft, st_officer, ppt_official, client):
    response = client.post(f"{API}/migracion-y-salud/agenda/{draft.pk}/submit", **bearer(st_officer))
    assert response.status_code == 200 and response.json()["state"] == "submitted"
    response = client.post(
        f"{API}/migracion-y-salud/agenda/{draft.pk}/approve", {"comment": ""}, content_type="application/json",
        **bearer(ppt_official),
    )  # fmt: skip
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "approved" and response.json()["decided_by"] == "ppt_official"


def test_actions_answer_json_errors(draft, st_officer, ppt_official, mx_former_ppt, client):
    url = f"{API}/migracion-y-salud/agenda/{draft.pk}"
    assert client.post(f"{url}/submit").status_code == 401
    response = client.post(f"{url}/approve", {}, content_type="application/json", **bearer(ppt_official))
    assert response.status_code == 400 and "detail" in response.json()  # still a draft
    client.post(f"{url}/submit", **bearer(st_officer))
    response = client.post(f"{url}/approve", {}, content_type="application/json", **bearer(st_officer))
    assert response.status_code == 403 and response.json()["detail"]
    response = client.post(f"{url}/approve", {}, content_type="application/json", **bearer(mx_former_ppt))
    assert response.status_code == 404 and response.json()["detail"]
    response = client.post(f"{url}/return", {"comment": " "}, content_type="application/json", **bearer(ppt_official))
    assert response.status_code == 400
    assert AgendaVersion.objects.get(pk=draft.pk).state == "submitted"


def test_the_secretariat_lists_drafts(draft, st_officer, client):
    versions = client.get(f"{API}/migracion-y-salud/agenda", **bearer(st_officer)).json()["results"]
    assert [(v["kind"], v["number"], v["state"]) for v in versions] == [("preliminary", 1, "draft")]


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/meetings/{slug}/agenda/{pk}/approve" in paths


@pytest.mark.parametrize(
    "query", [{"year": 10000}, {"year": 0}, {"year": "99999999999999999999"}, {"country": "GTM"}, {"kind": "party"}]
)
def test_out_of_range_filters_are_refused_with_a_json_error(seminar, client, query):
    response = client.get(API, query)
    assert response.status_code == 422
    assert response.json()["detail"] == "Datos no válidos."


def test_an_agenda_version_id_beyond_64_bits_is_refused(seminar, client):
    response = client.get(f"{API}/{seminar.slug}/agenda/99999999999999999999")
    assert response.status_code == 422 and "detail" in response.json()


def test_agenda_times_are_declared_as_they_are_returned(draft, st_officer, client):
    import re

    item_schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["AgendaItemOut"]
    time_schema = item_schema["properties"]["start_time"]["anyOf"][0]
    assert "format" not in time_schema  # "format: time" means RFC 3339 full-time, with an offset
    items = client.get(f"{API}/{draft.meeting.slug}/agenda/{draft.pk}", **bearer(st_officer)).json()["items"]
    assert items[0]["start_time"] == "08:30:00"
    assert re.fullmatch(time_schema["pattern"], items[0]["start_time"])
