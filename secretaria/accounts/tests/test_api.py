"""/api/v1/: authentication by token or session, JSON errors, the schema and the docs."""

import pytest
from django.test import Client

from secretaria.accounts.models import ApiToken
from secretaria.accounts.services import api_token_create, api_token_revoke


@pytest.fixture
def token(gt_official):
    _row, key = api_token_create(user=gt_official, name="tests")
    return key


def _bearer(value):
    return Client().get("/api/v1/me", HTTP_AUTHORIZATION=value)


def test_a_valid_bearer_token_identifies_the_user(token):
    response = _bearer(f"Bearer {token}")
    assert response.status_code == 200
    body = response.json()
    assert (body["username"], body["role"], body["country"]) == ("gt_official", "member", "GT")
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize(
    "header",
    ["Bearer sv_not-a-real-token", "Bearer ", "Token abc", "Basic Z3Q6cGFzcw==", "Bearer", "bearer nothing-like-ours"],
    ids=["unknown", "empty", "wrong-scheme", "basic", "no-token", "no-prefix"],
)
def test_a_wrong_or_malformed_authorization_header_is_a_401_with_a_detail(db, header):
    response = _bearer(header)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_a_revoked_token_is_refused(gt_official, token):
    api_token_revoke(token=ApiToken.objects.get(user=gt_official))
    assert _bearer(f"Bearer {token}").status_code == 401


def test_the_token_of_a_deactivated_account_is_refused(gt_official, token):
    gt_official.is_active = False
    gt_official.save()
    assert _bearer(f"Bearer {token}").status_code == 401


def test_the_session_works_for_reads(client_for, gt_official):
    assert client_for(gt_official).get("/api/v1/me").json()["username"] == "gt_official"


def test_anonymous_callers_get_a_401_json_from_me(anonymous):
    response = anonymous.get("/api/v1/me")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_a_session_write_without_csrf_is_a_403_json(gt_official):
    client = Client(enforce_csrf_checks=True)
    client.force_login(gt_official)
    response = client.post("/api/v1/me/tokens", {"name": "x"}, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not ApiToken.objects.exists()


def test_a_session_write_with_the_csrf_token_passes(gt_official):
    client = Client(enforce_csrf_checks=True)
    client.force_login(gt_official)
    client.get("/es/")  # sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    response = client.post("/api/v1/me/tokens", {"name": "x"}, content_type="application/json", HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 201


def test_unknown_paths_and_bad_input_are_json_errors(client_for, gt_official):
    client = client_for(gt_official)
    missing = client.delete("/api/v1/me/tokens/999999")
    assert missing.status_code == 404
    assert missing.json()["detail"]
    bad = client.post("/api/v1/me/tokens", "not json", content_type="application/json")
    assert 400 <= bad.status_code < 500
    assert "detail" in bad.json()


def test_tokens_are_listed_created_once_and_revoked(client_for, gt_official, observer):
    client = client_for(gt_official)
    created = client.post("/api/v1/me/tokens", {"name": "monthly report"}, content_type="application/json")
    assert created.status_code == 201
    body = created.json()
    assert body["token"].startswith(body["prefix"])
    listed = client.get("/api/v1/me/tokens").json()["results"]
    assert [t["name"] for t in listed] == ["monthly report"]
    assert "token" not in listed[0]
    assert _bearer(f"Bearer {body['token']}").status_code == 200
    # Someone else's token is not found, not revoked.
    other, _key = api_token_create(user=observer)
    assert client.delete(f"/api/v1/me/tokens/{other.pk}").status_code == 404
    assert client.delete(f"/api/v1/me/tokens/{body['id']}").status_code == 204
    assert _bearer(f"Bearer {body['token']}").status_code == 401
    assert client.get("/api/v1/me/tokens").json()["results"][0]["revoked_at"] is not None


def test_a_token_cannot_mint_more_tokens(token):
    response = Client().post(
        "/api/v1/me/tokens", {"name": "x"}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 403
    assert ApiToken.objects.count() == 1


def test_a_secretariat_token_needs_two_factor_set_up(crm):
    from secretaria.accounts.services import user_create
    from secretaria.core.access import Role

    user = user_create(username="st2", email="st2@example.org", role=Role.SECRETARIAT, organization=crm["orgs"]["st"])
    _row, key = api_token_create(user=user)
    response = _bearer(f"Bearer {key}")
    assert response.status_code == 403
    assert "dos factores" in response.json()["detail"]


def test_the_openapi_schema_is_served(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert "/api/v1/me" in schema["paths"]
    assert "/api/v1/me/tokens" in schema["paths"]


def test_the_interactive_docs_use_bundled_files_and_no_inline_script(db):
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "/static/ninja/swagger-ui-init.js" in html
    assert "cdn" not in html.lower()
    assert '"validatorUrl": null' in html
    # The only inline <script> is a JSON data block, which browsers do not execute.
    import re

    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline and all('type="application/json"' in attrs for attrs in inline)
    assert "style=" not in html


def test_an_unknown_api_path_is_a_json_404(db):
    response = Client().get("/api/v1/no-such-endpoint")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_a_wrong_method_is_a_json_405(db):
    response = Client().put("/api/v1/me")
    assert response.status_code == 405
    assert response.json()["detail"]
    assert "GET" in response["Allow"]
