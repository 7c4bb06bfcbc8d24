import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from secretaria.accounts.services import api_token_create
from secretaria.core.access import AccessLevel
from secretaria.decisions import services
from secretaria.decisions.models import ProgressNote
from secretaria.documents.models import Document


def _document(symbol, level, title="Informe del seminario Migración y Salud"):
    return Document.objects.create(
        symbol=symbol,
        doc_type=Document.Type.REPORT,
        date=datetime.date(2004, 10, 19),
        title_es=title,
        access_level=level,
        status=Document.Status.PUBLISHED,
        published_at=timezone.now(),
    )


@pytest.fixture
def report(db):
    return _document("CRM/GT/2004/1", AccessLevel.MEMBERS)


@pytest.fixture
def st_memo(db):
    return _document("CRM/ST/2004/9", AccessLevel.SECRETARIAT, title="Nota interna")


def test_an_official_cites_a_document_as_evidence(parties, report, gt_official, client_for):
    c = client_for(gt_official)
    url = reverse("decisions:party_update", args=[parties["GT"].pk])
    response = c.post(url, {"status": "done", "evidence_symbols": report.symbol, "on": "2004-10-19"})
    assert response.status_code == 302
    note = ProgressNote.objects.get(party=parties["GT"])
    assert list(note.evidence_documents.all()) == [report]
    page = c.get(response["Location"]).content.decode()
    assert report.get_absolute_url() in page


def test_a_document_the_official_may_not_read_cannot_be_cited(parties, st_memo, gt_official, client_for):
    response = client_for(gt_official).post(
        reverse("decisions:party_update", args=[parties["GT"].pk]),
        {"status": "done", "evidence_symbols": st_memo.symbol, "on": "2004-10-19"},
    )
    assert response.status_code == 200
    assert st_memo.symbol in response.content.decode()  # named in the error message
    assert not ProgressNote.objects.exists()


def test_the_service_refuses_a_document_the_author_may_not_read(parties, st_memo, gt_official):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.party_update(party=parties["GT"], by=gt_official, status="done", evidence_documents=[st_memo])


def test_readers_see_only_the_evidence_they_may_read(parties, decision, report, st_officer, observer, client_for):
    services.party_update(party=parties["GT"], by=st_officer, status="done", evidence_documents=[report])
    services.decision_update(decision=decision, by=st_officer, country_detail_public=True)
    url = reverse("decisions:detail", args=[decision.pk])
    assert report.get_absolute_url() in client_for(st_officer).get(url).content.decode()
    page = client_for(observer).get(url).content.decode()
    assert f'id="party-{parties["GT"].pk}"' in page
    assert report.get_absolute_url() not in page


def test_the_api_takes_document_symbols_as_evidence(parties, report, st_memo, gt_official, client):
    _token, key = api_token_create(user=gt_official)
    headers = {"Authorization": f"Bearer {key}"}
    url = f"/api/v1/decisions/parties/{parties['GT'].pk}/status"
    bad = client.post(
        url,
        data=json.dumps({"status": "done", "evidence_documents": [st_memo.symbol]}),
        content_type="application/json",
        headers=headers,
    )
    assert bad.status_code == 400
    good = client.post(
        url,
        data=json.dumps({"status": "done", "evidence_documents": [report.symbol]}),
        content_type="application/json",
        headers=headers,
    )
    assert good.status_code == 201
    assert good.json()["evidence_documents"] == [report.symbol]


def test_the_decision_page_shows_each_status_change_of_a_party(parties, gt_official, st_officer, client_for):
    services.party_update(party=parties["GT"], by=gt_official, status="in_progress", text="Decreto en trámite.")
    page = client_for(st_officer).get(parties["GT"].commitment.decision.get_absolute_url()).content.decode()
    history = page.split(f'id="party-{parties["GT"].pk}"')[1].split("</tr>")[0]
    assert "Pendiente → En curso" in history and "Decreto en trámite." in history
