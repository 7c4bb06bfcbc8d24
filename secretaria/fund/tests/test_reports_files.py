"""The statistics for the GRCM as files: the PDF (DejaVu embedded, so any name renders exactly)
and the XLSX carry a chart per breakdown with its text alternative, in either language, and
counts under 5 written "<5"."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from secretaria.fund.services import ledger as ledger_services
from secretaria.fund.statistics import SUPPRESSED
from secretaria.fund.tests.conftest import MARKER
from secretaria.fund.tests.test_reports_pages import _closed

pytestmark = pytest.mark.django_db

DONOR = "Fundación Ōkubo – Łódź"  # outside Latin-1: must come out exactly, not as "?"
TITLES = {"en": "Reserve fund for assisted return", "es": "Fondo de reserva para el retorno asistido"}
RETURN = {"en": "Country of return", "es": "País de retorno"}


@pytest.fixture
def seven_closed(crm, requester_gt, iom_mx, fund_officer, funded):
    for _ in range(6):
        _closed(crm, requester_gt, iom_mx, fund_officer)
    _closed(crm, requester_gt, iom_mx, fund_officer, country_return=crm["countries"]["HN"], sex="m")
    ledger_services.contribution_record(
        by=fund_officer, pledged_on=datetime.date(2004, 6, 1), amount=Decimal("750"), donor_name=DONOR,
        received_on=datetime.date.today(),
    )  # fmt: skip


def _download(client, lang, fmt):
    with translation.override(lang):
        url = reverse("fund:statistics")
    response = client.get(f"{url}?start=2000-01-01&end=2099-12-31&format={fmt}")
    assert response.status_code == 200
    assert MARKER.encode() not in response.content
    return response.content


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_pdf_has_the_figures_the_charts_with_their_alt_text_and_exact_names(
    client_for, fund_officer, seven_closed, lang
):
    reader = PdfReader(io.BytesIO(_download(client_for(fund_officer), lang, "pdf")))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert TITLES[lang] in text
    assert RETURN[lang] in text
    assert "Guatemala" in text and "Honduras" in text
    assert SUPPRESSED in text  # Honduras: one case
    assert DONOR in text
    assert "\n7\n" in f"\n{text}\n" or ": 7" in text  # cases submitted in the period
    images = [image for page in reader.pages for image in page.images]
    assert len(images) >= 6  # one chart per breakdown
    fonts = {str(font.get("/BaseFont")) for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert any("DejaVu" in name for name in fonts)
    raw = _download(client_for(fund_officer), lang, "pdf")
    assert b"/Alt" in raw


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_xlsx_has_a_sheet_per_breakdown_with_its_table_next_to_its_chart(
    client_for, fund_officer, seven_closed, lang
):
    workbook = load_workbook(io.BytesIO(_download(client_for(fund_officer), lang, "xlsx")))
    summary = [c.value for row in workbook.worksheets[0].iter_rows() for c in row]
    assert any(str(v).startswith(TITLES[lang]) for v in summary)
    assert 7 in summary and DONOR in summary
    sheet = workbook[RETURN[lang]]
    rows = {r[0].value: r[1].value for r in sheet.iter_rows() if r[0].value}
    assert rows["Guatemala"] == 6 and rows["Honduras"] == SUPPRESSED
    assert len(sheet._images) == 1
    alt = next(v for v in rows if str(v).startswith("Bar chart" if lang == "en" else "Gráfico"))
    assert "Honduras: <5" in alt and "Guatemala: 6" in alt
    assert all(len(ws._images) == 1 for ws in workbook.worksheets[1:])


def test_a_case_alone_in_the_period_leaves_as_lt5_in_both_files(
    client_for, crm, requester_gt, iom_mx, fund_officer, funded
):
    _closed(crm, requester_gt, iom_mx, fund_officer)
    client = client_for(fund_officer)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(_download(client, "en", "pdf"))).pages)
    assert "Cases submitted in the period: <5" in text
    assert "Guatemala\n1" not in text and "Guatemala 1" not in text
    workbook = load_workbook(io.BytesIO(_download(client, "en", "xlsx")))
    values = [c.value for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
    assert 1 not in values and SUPPRESSED in values


def test_the_page_draws_each_breakdown_as_a_table_with_bars(client_for, fund_officer, seven_closed):
    page = client_for(fund_officer).get(reverse("fund:statistics") + "?start=2000-01-01&end=2099-12-31")
    html = page.content.decode()
    assert page.status_code == 200 and html.count('class="table stats-bars"') == 6
    assert '<th scope="row">Honduras</th><td>1</td>' in html  # exact counts for the officers
    assert '<rect width="100" height="10"' in html and '<rect width="17" height="10"' in html  # 6 and 1 of 6
    assert "750,00" in html  # the donor's contribution in the reader's notation
