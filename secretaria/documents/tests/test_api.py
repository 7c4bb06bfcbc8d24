import io

import pytest
from django.test import Client

from secretaria.accounts.services import api_token_create
from secretaria.core.access import AccessLevel
from secretaria.documents.models import Document
from secretaria.documents.tests.conftest import SAMPLES, pdf
from secretaria.outbox.models import Event

API = "/api/v1/documents"


def bearer(user):
    _token, key = api_token_create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def named(content, name):
    f = io.BytesIO(content)
    f.name = name
    return f


def test_the_list_shows_only_what_the_caller_may_read(client, make_document, observer):
    make_document("CRM/ST/2004/1", publish=True)
    make_document("CRM/ST/2004/2", access_level=AccessLevel.OBSERVERS, publish=True)
    make_document("CRM/ST/2004/3", access_level=AccessLevel.MEMBERS, publish=True)
    make_document("CRM/ST/2004/4")
    anonymous = client.get(API).json()
    assert [d["symbol"] for d in anonymous["results"]] == ["CRM/ST/2004/1"]
    seen = {d["symbol"] for d in bearer(observer).get(API).json()["results"]}
    assert seen == {"CRM/ST/2004/1", "CRM/ST/2004/2"}


def test_the_list_filters(client, make_document):
    make_document("CRM/ST/2004/1", publish=True, doc_type=Document.Type.LETTER)
    make_document("CRM/ST/2004/2", publish=True)
    data = client.get(API, {"type": "letter", "year": 2004}).json()
    assert data["count"] == 1 and data["results"][0]["symbol"] == "CRM/ST/2004/1"
    assert client.get(API, {"year": "abc"}).status_code == 422


def test_detail_and_download_check_access(client, make_document, gt_official):
    document = make_document(access_level=AccessLevel.MEMBERS, publish=True)
    assert client.get(f"{API}/{document.pk}").status_code == 404
    assert client.get(f"{API}/{document.pk}/files/es").status_code == 404
    member = bearer(gt_official)
    detail = member.get(f"{API}/{document.pk}").json()
    assert detail["symbol"] == "CRM/ST/2004/12" and detail["files"][0]["language"] == "es"
    response = member.get(detail["files"][0]["download_url"], HTTP_RANGE="bytes=0-4")
    assert response.status_code == 206 and b"".join(response.streaming_content) == pdf()[:5]


def test_the_secretariat_creates_with_files_publishes_and_withdraws(st_officer, crm):
    api = bearer(st_officer)
    response = api.post(
        API,
        {
            "symbol": "CRM/ST/2004/30",
            "doc_type": "report",
            "date": "2004-11-30",
            "title_es": "Informe de actividades",
            "access_level": "members",
            "group": "grcm",
            "languages": "es,en,fr",
            "files": [
                named(pdf(), "Informe.pdf"),
                named(SAMPLES["docx"](), "Report.docx"),
                named(b"<html></html>", "x.html"),
            ],
        },
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert [f["language"] for f in data["document"]["files"]] == ["en", "es"]
    assert data["refused"][0]["name"] == "x.html" and "HTML" in data["refused"][0]["reason"]
    doc_id = data["document"]["id"]
    published = api.post(f"{API}/{doc_id}/publish")
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert Event.objects.filter(kind="document.published", payload__document_id=doc_id).exists()
    again = api.post(f"{API}/{doc_id}/publish")
    assert again.status_code == 400 and "detail" in again.json()
    withdrawn = api.post(f"{API}/{doc_id}/withdraw", {"note": "Sustituido."}, content_type="application/json")
    assert withdrawn.json()["status"] == "withdrawn"


def test_update_access_and_files_through_the_api(st_officer, make_document, crm):
    api = bearer(st_officer)
    document = make_document()
    patched = api.patch(f"{API}/{document.pk}", {"title_en": "Palermo workshop"}, content_type="application/json")
    assert patched.status_code == 200 and patched.json()["title_en"] == "Palermo workshop"
    bad = api.patch(f"{API}/{document.pk}", {"symbol": "no good"}, content_type="application/json")
    assert bad.status_code == 400 and "symbol" in bad.json()["errors"]
    access = api.put(
        f"{API}/{document.pk}/access",
        {"access_level": "group", "access_group": "red-proteccion-consular"},
        content_type="application/json",
    )
    assert access.json()["access_group"] == "red-proteccion-consular"
    added = api.post(f"{API}/{document.pk}/files", {"languages": "en", "files": [named(pdf(["English"]), "en.pdf")]})
    assert [f["language"] for f in added.json()["document"]["files"]] == ["en", "es"]
    assert api.delete(f"{API}/{document.pk}").status_code == 204


@pytest.mark.parametrize("persona", ["gt_official", "observer"])
def test_readers_cannot_write(request, persona, make_document):
    api = bearer(request.getfixturevalue(persona))
    document = make_document()
    response = api.post(f"{API}/{document.pk}/publish")
    assert response.status_code == 403
    assert response.json()["detail"]
    assert api.post(API, {"symbol": "CRM/ST/2004/40", "date": "2004-01-01", "title_es": "x"}).status_code == 403


def test_anonymous_writes_get_401(client, make_document):
    document = make_document()
    response = client.post(f"{API}/{document.pk}/publish")
    assert response.status_code == 401 and response.json()["detail"]


def test_the_endpoints_are_in_the_openapi_schema(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/documents" in paths
    assert "/api/v1/documents/{document_id}/publish" in paths
    assert "/api/v1/documents/{document_id}/files/{language}" in paths


def test_a_file_whose_name_is_not_utf8_is_stored_under_a_sanitized_name(st_officer, crm):
    from secretaria.core.tests.multipart import SANITIZED_NAME, post_with_raw_file_name

    fields = {"symbol": "CRM/ST/2004/31", "doc_type": "report", "date": "2004-11-30", "title_es": "Informe",
              "access_level": "members", "languages": "es"}  # fmt: skip
    response = post_with_raw_file_name(bearer(st_officer), API, fields, "files", pdf())
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["refused"] == []
    assert [f["original_name"] for f in data["document"]["files"]] == [SANITIZED_NAME]


TOO_BIG = "99999999999999999999"  # beyond a signed 64-bit integer


@pytest.mark.parametrize(
    "query",
    [{"year": 99999}, {"year": 0}, {"offset": TOO_BIG}, {"offset": -1}, {"limit": 0}, {"type": "novel"}],
)
def test_out_of_range_filters_are_refused_with_a_json_error(client, make_document, query):
    make_document(publish=True)
    response = client.get(API, query)
    assert response.status_code == 422
    assert response.json()["detail"] == "Datos no válidos."


def test_an_id_beyond_64_bits_is_refused_not_a_server_error(client, st_officer):
    assert client.get(f"{API}/{TOO_BIG}").status_code == 422
    patched = bearer(st_officer).patch(f"{API}/{TOO_BIG}", {"title_en": "x"}, content_type="application/json")
    assert patched.status_code == 422 and "detail" in patched.json()


@pytest.mark.parametrize("field", ["topics", "title_en", "symbol", "date", "doc_type", "summary_es"])
def test_a_field_that_always_has_a_value_cannot_be_set_to_null(st_officer, make_document, field):
    document = make_document()
    response = bearer(st_officer).patch(f"{API}/{document.pk}", {field: None}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][-1] == field
    document.refresh_from_db()
    assert document.title_en == "Workshop on the Palermo Convention"


def test_null_removes_the_author_and_an_empty_list_the_topics(st_officer, make_document):
    from secretaria.documents.models import Topic

    topic = Topic.objects.create(slug="trata", name_es="Trata de personas", name_en="Trafficking in persons")
    document = make_document()
    document.topics.add(topic)
    response = bearer(st_officer).patch(
        f"{API}/{document.pk}", {"author_id": None, "topics": []}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["author_id"] is None and response.json()["topics"] == []
    document.refresh_from_db()
    assert document.author is None and not document.topics.exists()


def test_a_nul_character_is_refused(client, st_officer, make_document):
    document = make_document()
    response = bearer(st_officer).patch(f"{API}/{document.pk}", {"title_es": "a\x00b"}, content_type="application/json")
    assert response.status_code == 400 and "detail" in response.json()
    document.refresh_from_db()
    assert document.title_es == "Taller sobre la Convención de Palermo"
    refused = client.get(API, {"q": "a\x00b"})
    assert refused.status_code == 422
    assert refused.json()["detail"] == "El texto no puede contener el carácter NUL."
