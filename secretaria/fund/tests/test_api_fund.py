"""The fund's API: officers only (404 for everyone else), non-identifying fields, refusals as
clear 400s that write nothing."""

from decimal import Decimal

import pytest
from django.test import Client

from secretaria.fund.models import Posting, Step
from secretaria.fund.services import cases as s
from secretaria.fund.tests.conftest import MARKER

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for():
    """Signed-in clients that ask for English answers."""

    def make(user):
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(user)
        return client

    return make


def test_officers_list_and_read_cases_without_personal_data(client_for, fund_officer, submitted_case):
    client = client_for(fund_officer)
    response = client.get("/api/v1/fund/cases")
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert response.json()["results"][0]["code"] == submitted_case.code
    detail = client.get(f"/api/v1/fund/cases/{submitted_case.code}")
    assert detail.status_code == 200
    assert detail.json()["status"] == "submitted"
    assert [h["kind"] for h in detail.json()["history"]] == ["submitted"]
    assert MARKER not in detail.content.decode()


@pytest.mark.parametrize("who", ["requester_gt", "iom_mx", "gt_official", "admin_user"])
def test_everyone_else_gets_404(request, client_for, submitted_case, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get("/api/v1/fund/cases").status_code == 404
    assert client.get(f"/api/v1/fund/cases/{submitted_case.code}").status_code == 404
    assert client.get("/api/v1/fund/ledger").status_code == 404
    assert client.get("/api/v1/fund/statistics").status_code == 404


def test_refusals_are_400_with_the_reason_and_write_nothing(client_for, fund_officer, iom_mx, submitted_case):
    client = client_for(fund_officer)
    url = f"/api/v1/fund/cases/{submitted_case.code}"
    response = client.post(f"{url}/approve", {"amount_usd": "500"}, content_type="application/json")
    assert response.status_code == 400 and "does not apply" in response.json()["detail"]
    response = client.post(f"{url}/assess", {"eligible": False, "reason": ""}, content_type="application/json")
    assert response.status_code == 400 and "reason" in response.json()["detail"]
    assert client.post(f"{url}/assess", {"eligible": True}, content_type="application/json").status_code == 200
    response = client.post(f"{url}/approve", {"amount_usd": "500"}, content_type="application/json")
    assert response.status_code == 400 and "available" in response.json()["detail"]
    response = client.post(f"{url}/approve", {"amount_usd": "5000"}, content_type="application/json")
    assert response.status_code == 400 and "cap" in response.json()["detail"]
    response = client.post(f"{url}/approve", {"amount_usd": "-1"}, content_type="application/json")
    assert response.status_code == 422
    response = client.post(f"{url}/reject", {"reason": " "}, content_type="application/json")
    assert response.status_code == 400
    assert not Posting.objects.exists()
    assert list(Step.objects.filter(case=submitted_case).values_list("kind", flat=True)) == ["submitted", "assessed"]


def test_an_officer_approves_through_the_api_and_reads_the_ledger(
    client_for, fund_officer, iom_mx, submitted_case, funded
):
    s.case_assess(case=submitted_case, by=iom_mx, eligible=True)
    client = client_for(fund_officer)
    response = client.post(
        f"/api/v1/fund/cases/{submitted_case.code}/approve", {"amount_usd": "700"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["status"] == "approved"
    ledger = client.get("/api/v1/fund/ledger?start=2004-01-01&end=2099-12-31").json()
    assert Decimal(ledger["balances"]["available"]) == Decimal("4300")
    assert [p["kind"] for p in ledger["postings"]] == ["receipt", "reservation"]
    stats = client.get("/api/v1/fund/statistics?start=2000-01-01&end=2099-12-31").json()
    assert stats["suppressed"] is True and stats["cases"] == "<5"
    assert client.get("/api/v1/fund/statistics?start=2005-01-01&end=2004-01-01").status_code == 400
