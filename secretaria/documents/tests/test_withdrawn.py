"""A withdrawn document leaves the lists, the API list and the search; its page stays, with the notice."""

from django.urls import reverse

from secretaria.documents import services
from secretaria.documents.tests.test_api import API, bearer


def _withdrawn(make_document, st_officer, monkeypatch):
    monkeypatch.undo()  # the real search index, not the recorder of the documents tests
    kept = make_document("CRM/ST/2004/11", publish=True)
    document = make_document(publish=True)
    services.document_withdraw(document=document, by=st_officer, note="Sustituido por CRM/ST/2004/11.")
    return kept, document


def test_the_api_lists_a_withdrawn_document_only_when_asked_for(
    make_document, st_officer, gt_official, monkeypatch, client
):
    kept, document = _withdrawn(make_document, st_officer, monkeypatch)
    for api in (client, bearer(gt_official), bearer(st_officer)):
        assert [d["symbol"] for d in api.get(API).json()["results"]] == [kept.symbol]
        asked = api.get(API, {"status": "withdrawn"}).json()["results"]
        assert [(d["symbol"], d["status"]) for d in asked] == [(document.symbol, "withdrawn")]
    detail = client.get(f"{API}/{document.pk}").json()
    assert detail["status"] == "withdrawn" and detail["withdrawal_note"] == "Sustituido por CRM/ST/2004/11."


def test_the_lists_leave_it_out_and_the_members_list_shows_it_when_asked(
    make_document, st_officer, gt_official, monkeypatch, client, client_for
):
    kept, document = _withdrawn(make_document, st_officer, monkeypatch)
    public = client.get(reverse("documents:list")).content.decode()
    assert kept.symbol in public and document.symbol not in public
    member = client_for(gt_official)
    listing = member.get(reverse("documents:members_list")).content.decode()
    assert kept.symbol in listing and document.symbol not in listing
    asked = member.get(reverse("documents:members_list"), {"status": "withdrawn"}).content.decode()
    assert document.symbol in asked and kept.symbol not in asked and "Retirado" in asked
    assert '<option value="withdrawn" selected>Retirado</option>' in asked
    page = client.get(document.get_absolute_url())
    assert page.status_code == 200 and "Sustituido por CRM/ST/2004/11." in page.content.decode()


def test_the_search_no_longer_finds_it(make_document, st_officer, gt_official, monkeypatch, client, client_for):
    kept, document = _withdrawn(make_document, st_officer, monkeypatch)
    for reader in (client, client_for(gt_official), client_for(st_officer)):
        html = reader.get(reverse("search:search"), {"q": "Palermo"}).content.decode()
        assert document.get_absolute_url() not in html
        assert kept.get_absolute_url() in html
    api = client.get("/api/v1/search", {"q": "Palermo"}).json()
    assert document.symbol not in str(api) and kept.symbol in str(api)
