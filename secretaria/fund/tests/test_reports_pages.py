"""Statistics (small cells suppressed outside the officers), the ledger, statements, settings
with history and the access log, as the fund officer sees and exports them."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from secretaria.fund.models import AccessLogEntry, ProtocolSettings
from secretaria.fund.services import cases as s
from secretaria.fund.statistics import SUPPRESSED, fund_statistics
from secretaria.fund.tests.conftest import MARKER, case_data

pytestmark = pytest.mark.django_db

ALL_TIME = (datetime.date(2000, 1, 1), datetime.date(2099, 12, 31))


def _closed(crm, requester_gt, iom_mx, fund_officer, **overrides):
    case = s.case_create(by=requester_gt, data=case_data(crm, **overrides), costs=[("transport", "500")])
    s.case_submit(case=case, by=requester_gt)
    s.case_assess(case=case, by=iom_mx, eligible=True)
    s.case_approve(case=case, by=fund_officer, amount=Decimal("500"))
    s.travel_record(case=case, by=iom_mx)
    s.case_close(case=case, by=fund_officer, actual_costs=[("transport", "400")], return_report="ok")
    return case


def test_small_cells_are_suppressed_unless_asked_for_exact_counts(crm, requester_gt, iom_mx, fund_officer, funded):
    for _ in range(6):
        _closed(crm, requester_gt, iom_mx, fund_officer)
    _closed(crm, requester_gt, iom_mx, fund_officer, country_return=crm["countries"]["HN"], sex="m")
    with translation.override("en"):
        stats = fund_statistics(*ALL_TIME, suppress=True)
    assert stats.cases == 7
    tables = {t.title: dict(t.rows) for t in stats.tables}
    assert tables["Country of return"] == {"Guatemala": 6, "Honduras": SUPPRESSED}
    exact = fund_statistics(*ALL_TIME, suppress=False)
    assert any(("Honduras", 1) in t.rows for t in exact.tables)
    money = dict(stats.money)
    assert Decimal("2800.00") in money.values()  # total actual cost of 7 × 400


def test_a_single_case_leaves_the_officers_only_as_lt5(crm, requester_gt, iom_mx, fund_officer, funded):
    _closed(crm, requester_gt, iom_mx, fund_officer)
    stats = fund_statistics(*ALL_TIME)
    assert stats.cases == SUPPRESSED
    assert all(value in (SUPPRESSED, 0) for t in stats.tables for _, value in t.rows)
    assert SUPPRESSED in dict(stats.money).values()  # the average over one case


def test_the_officer_exports_statistics_statement_and_access_log_and_each_export_is_logged(
    client_for, crm, requester_gt, iom_mx, fund_officer, funded
):
    _closed(crm, requester_gt, iom_mx, fund_officer)
    client = client_for(fund_officer)
    url = reverse("fund:statistics")
    for fmt in ("xlsx", "pdf"):
        for language in ("es", "en"):
            with translation.override(language):
                localized = reverse("fund:statistics")
            response = client.get(f"{localized}?start=2000-01-01&end=2099-12-31&format={fmt}")
            assert response.status_code == 200, (fmt, language)
            assert MARKER.encode() not in response.content
    sheet = load_workbook(io.BytesIO(client.get(f"{url}?start=2000-01-01&end=2099-12-31&format=xlsx").content)).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert SUPPRESSED in values
    page = client.get(f"{url}?start=2000-01-01&end=2099-12-31")
    assert page.status_code == 200 and "Guatemala" in page.content.decode()
    statement = client.get(reverse("fund:statement") + "?start=2004-01-01&end=2099-12-31&format=xlsx")
    assert statement.status_code == 200
    rows = [[c.value for c in r] for r in load_workbook(io.BytesIO(statement.content)).active.iter_rows()]
    assert any("México" in [str(v) for v in r] for r in rows)
    assert client.get(reverse("fund:access_log") + "?format=xlsx").status_code == 200
    assert AccessLogEntry.objects.filter(action="export").count() == 7
    log = client.get(reverse("fund:access_log"))
    assert (
        log.status_code == 200 and "Statistics for the GRCM" in log.content.decode() or "GRCM" in log.content.decode()
    )


def test_the_settings_page_saves_with_history_and_refuses_bad_values(client_for, fund_officer):
    client = client_for(fund_officer)
    url = reverse("fund:settings")
    assert client.get(url).status_code == 200
    data = {
        "categories": ["minor", "over70"], "requester_kinds": ["departure", "return"], "cap_usd": "1200",
        "exception_approver": "ppt", "reporting_periods": "01-01, 07-01", "retention_years": "5", "step_days": "10",
        "protocol_symbol": "", "reason": "GRCM de octubre",
    }  # fmt: skip
    assert client.post(url, data).status_code == 302
    row = ProtocolSettings.objects.get()
    assert row.cap_usd == Decimal("1200") and row.categories == ["minor", "over70"]
    assert row.history.first().history_change_reason == "GRCM de octubre"
    bad = client.post(url, {**data, "reporting_periods": "13-40", "cap_usd": "0"})
    assert bad.status_code == 200 and "MM-DD" in bad.content.decode()
    assert ProtocolSettings.objects.get().cap_usd == Decimal("1200")


def test_the_ledger_page_records_a_contribution(client_for, fund_officer, crm):
    client = client_for(fund_officer)
    response = client.post(
        reverse("fund:ledger"),
        {"country": crm["countries"]["CA"].pk, "pledged_on": "2004-05-20", "received_on": "2004-08-02",
         "amount": "15000", "currency": "CAD", "rate_to_usd": "0.76", "note": ""},
    )  # fmt: skip
    assert response.status_code == 302
    page = client.get(reverse("fund:ledger")).content.decode()
    assert "11400" in page.replace(".", "").replace(",", "") or "11 400" in page
    assert client.post(reverse("fund:ledger"), {"pledged_on": "2004-05-20", "amount": "-5"}).status_code == 200
