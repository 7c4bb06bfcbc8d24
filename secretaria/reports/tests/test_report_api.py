"""The reports API: the Secretariat's list (paged) and one report with its sections; others refused."""

import datetime

import pytest

from secretaria.reports import services

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_secretariat_lists_the_reports_paged_and_reads_one_with_its_sections(seminar, st_officer, client_for):
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    services.report_create(by=st_officer, start=D(2004, 1, 1), end=D(2004, 4, 30))
    client = client_for(st_officer)
    page = client.get("/api/v1/reports?limit=1").json()
    assert page["count"] == 2 and [r["id"] for r in page["results"]] == [report.pk]
    assert page["results"][0]["period_start"] == "2004-05-01" and page["results"][0]["status"] == "draft"
    one = client.get(f"/api/v1/reports/{report.pk}").json()
    support = next(s for s in one["sections"] if s["key"] == "support")
    assert any("Moderación del evento a cargo del Coordinador" in p["es"] for p in support["paragraphs"])
    assert {p["state"] for p in support["paragraphs"]} == {"kept"} and one["problems"] == []


def test_others_are_refused_and_bad_ids_are_json_errors(seminar, st_officer, gt_official, client_for, anonymous):
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    client = client_for(gt_official)
    for url in ("/api/v1/reports", f"/api/v1/reports/{report.pk}"):
        response = client.get(url)
        assert response.status_code == 403 and "detail" in response.json()
        assert anonymous.get(url).status_code == 401
    staff = client_for(st_officer)
    assert staff.get("/api/v1/reports/999999").status_code == 404
    assert staff.get("/api/v1/reports/0").status_code == 422
    assert staff.get("/api/v1/reports?limit=500").status_code == 422
