import pytest

from secretaria.accounts.services import api_token_create
from secretaria.core.access import AccessLevel
from secretaria.directory.models import Group, Membership

API = "/api/v1/directory"


def _emails(data):
    """Every value of an ``email`` key anywhere in a JSON document."""
    if isinstance(data, dict):
        found = [v for k, v in data.items() if k == "email"]
        return found + [e for v in data.values() for e in _emails(v)]
    if isinstance(data, list):
        return [e for item in data for e in _emails(item)]
    return []


@pytest.fixture
def public_grcm_with_members(seed_posts, crm):
    grcm = crm["groups"]["grcm"]
    Group.objects.filter(pk=grcm.pk).update(access_level=AccessLevel.PUBLIC)
    Membership.objects.create(group=grcm, person=seed_posts["people"]["liaison"], country=crm["countries"]["GT"])
    Membership.objects.create(group=grcm, person=seed_posts["people"]["monzon"], role="secretary")
    return grcm


ENDPOINTS = [
    "/countries",
    "/countries/GT",
    "/organizations",
    "/people",
    "/posts",
    "/posts/st-coordinator",
    "/presidency",
    "/groups",
    "/groups/grcm",
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_anonymous_caller_never_gets_an_email(public_grcm_with_members, client, endpoint):
    response = client.get(API + endpoint)
    assert response.status_code == 200
    assert all(email is None for email in _emails(response.json()))
    assert "@" not in response.content.decode()


@pytest.mark.parametrize("persona", ["observer", "civil_society"])
def test_observers_and_civil_society_get_no_contacts_either(public_grcm_with_members, client_for, request, persona):
    client = client_for(request.getfixturevalue(persona))
    people = client.get(f"{API}/people").json()["results"]
    assert people and all(p["email"] is None and p["phone"] is None for p in people)
    assert "Carlos Méndez" not in [p["full_name"] for p in people]  # not shown on the portal
    assert client.get(f"{API}/groups/grcm").json()["members"] is None


def test_anonymous_lists_only_people_shown_on_the_portal(seed_posts, client):
    names = {p["full_name"] for p in client.get(f"{API}/people").json()["results"]}
    assert names == {"Gerard Pascua", "Luis Monzón", "Roberto Kozak", "José Pires"}
    hidden = seed_posts["people"]["liaison"].pk
    assert client.get(f"{API}/people/{hidden}").status_code == 404


def test_a_member_official_gets_contacts_with_a_bearer_token(public_grcm_with_members, gt_official, client):
    _token, key = api_token_create(user=gt_official)
    headers = {"Authorization": f"Bearer {key}"}
    people = {p["full_name"]: p for p in client.get(f"{API}/people", headers=headers).json()["results"]}
    assert people["Carlos Méndez"]["email"] == "carlos.mendez@gt.example.org"
    assert people["Carlos Méndez"]["phone"] == "+502 0000 0002"
    members = client.get(f"{API}/groups/grcm", headers=headers).json()["members"]
    assert {m["name"]: m["email"] for m in members}["Luis Monzón"] == "luis.monzon@st.example.org"


def test_the_secretariat_gets_contacts_through_its_session(seed_posts, st_officer, client_for):
    person = seed_posts["people"]["liaison"].pk
    data = client_for(st_officer).get(f"{API}/people/{person}").json()
    assert data["email"] == "carlos.mendez@gt.example.org"


def test_a_wrong_token_is_a_401_with_a_json_body(crm, client):
    response = client.get(f"{API}/people", headers={"Authorization": "Bearer sv_wrong"})
    assert response.status_code == 401
    assert "detail" in response.json()


def test_a_country_is_found_by_its_iso2_code_in_any_case(seed_posts, client):
    data = client.get(f"{API}/countries/gt").json()
    assert data["name_en"] == "Guatemala"
    assert [a["name_es"] for a in data["agencies"]] == ["Dirección General de Migración"]
    assert data["holds_presidency"] is False
    assert client.get(f"{API}/countries/PA").json()["holds_presidency"] is True
    response = client.get(f"{API}/countries/ZZ")
    assert response.status_code == 404 and response.json()["detail"]


def test_organizations_are_filtered_by_kind(crm, client):
    data = client.get(f"{API}/organizations", {"kind": "observer"}).json()["results"]
    assert [o["acronym_en"] for o in data] == ["UNHCR"]
    response = client.get(f"{API}/organizations", {"kind": "spies"})
    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("on", "holder"),
    [("2004-05-31", "Gerard Pascua"), ("2004-07-01", None), ("2004-07-26", "Luis Monzón")],
)
def test_a_post_gives_its_holder_on_a_date(seed_posts, client, on, holder):
    data = client.get(f"{API}/posts/st-coordinator", {"on": on}).json()
    assert data["on"] == on
    assert (data["holder"]["name"] if data["holder"] else None) == holder
    assert [h["name"] for h in data["history"]] == ["Gerard Pascua", "Luis Monzón"]


def test_the_post_list_gives_holders_on_a_date(seed_posts, client):
    data = {p["slug"]: p for p in client.get(f"{API}/posts", {"on": "2004-07-20"}).json()["results"]}
    assert data["iom-regional-representative"]["holder"]["name"] == "Roberto Kozak"
    assert data["st-coordinator"]["holder"] is None
    assert "gt-liaison-consular" not in data  # not public


def test_a_member_sees_the_liaison_posts_in_the_api(seed_posts, hn_official, client_for):
    slugs = [p["slug"] for p in client_for(hn_official).get(f"{API}/posts").json()["results"]]
    assert "gt-liaison-consular" in slugs


@pytest.mark.parametrize("bad", ["2004-13-01", "yesterday", "31/07/2004"])
def test_a_bad_date_is_a_422_with_a_json_message(seed_posts, client, bad):
    response = client.get(f"{API}/posts/st-coordinator", {"on": bad})
    assert response.status_code == 422
    assert response.json()["detail"] == "Datos no válidos."
    assert client.get(f"{API}/posts", {"on": bad}).status_code == 422


def test_a_hidden_or_unknown_post_is_a_404(seed_posts, client):
    assert client.get(f"{API}/posts/gt-liaison-consular").status_code == 404
    assert client.get(f"{API}/posts/nobody").status_code == 404


def test_the_presidency_gives_the_current_term_and_the_history(crm, client):
    data = client.get(f"{API}/presidency").json()
    assert data["current"]["country"] == "PA" and data["current"]["end"] is None
    assert [t["country"] for t in data["history"]] == ["PA", "MX"]


def test_groups_are_those_the_caller_may_see(public_grcm_with_members, client, gt_official, client_for):
    assert [g["slug"] for g in client.get(f"{API}/groups").json()["results"]] == ["grcm"]
    assert client.get(f"{API}/groups/red-proteccion-consular").status_code == 404
    member = {g["slug"]: g for g in client_for(gt_official).get(f"{API}/groups").json()["results"]}
    assert member["red-proteccion-consular"]["member_count"] == 1
    assert member["grcm"]["member_count"] == 2


def test_the_openapi_schema_documents_the_directory(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ["/countries/{iso2}", "/people", "/posts/{slug}", "/presidency", "/groups/{slug}"]:
        assert f"/api/v1/directory{path}" in schema["paths"]
    person = schema["components"]["schemas"]["PersonOut"]["properties"]
    assert "null" in str(person["email"])
