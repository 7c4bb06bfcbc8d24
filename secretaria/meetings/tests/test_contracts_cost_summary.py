"""The cost summary reads as it adds up: paid is part of committed, the total is committed plus
quoted; and one funder is one line, however the Secretariat recorded it."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from secretaria.directory.models import Organization
from secretaria.meetings.models import ContractedService
from secretaria.meetings.selectors.contracts import cost_summary, services_for_meeting
from secretaria.meetings.services.contracts import service_set_status
from secretaria.meetings.tests.contracts_helpers import make_seminar, make_supplier, quote

Status = ContractedService.Status


@pytest.fixture
def seminar(crm):
    return make_seminar(crm)


@pytest.fixture
def costs(seminar, st_officer, crm):
    supplier = make_supplier(country=crm["countries"]["GT"])
    paid = quote(seminar, st_officer, supplier, amount=Decimal("3600.00"))
    for step in (Status.CONTRACTED, Status.DELIVERED, Status.PAID):
        service_set_status(paid, to=step, by=st_officer)
    contracted = quote(seminar, st_officer, supplier, kind="translation", amount=Decimal("1000.00"))
    service_set_status(contracted, to=Status.CONTRACTED, by=st_officer)
    quote(seminar, st_officer, supplier, kind="catering", amount=Decimal("400.00"))
    return seminar


def _url(name, meeting, lang="es"):
    with translation.override(lang):
        return reverse(f"meetings:{name}", args=[meeting.slug])


def _headers(html):
    start = html.index("<thead>")
    return html[start : html.index("</thead>", start)]


def test_the_summary_labels_paid_as_part_of_committed_in_both_languages(client_for, st_officer, costs):
    client = client_for(st_officer)
    spanish = _headers(client.get(_url("services", costs)).content.decode().split("Resumen de costos")[1])
    order = ["Comprometido (USD)", "de lo cual pagado (USD)", "Cotizado, sin comprometer (USD)",
             "Total comprometido + cotizado (USD)"]  # fmt: skip
    assert [spanish.index(label) for label in order] == sorted(spanish.index(label) for label in order)
    assert "Pagado (USD)" not in spanish
    english = client.get(_url("services", costs, "en")).content.decode()
    for label in ("of which paid (USD)", "Quoted, not committed (USD)", "Total committed + quoted (USD)"):
        assert label in english
    # The numbers: 4,600 committed of which 3,600 paid, 400 quoted, 5,000 in all (not 8,600).
    summary = cost_summary(services_for_meeting(costs))
    assert (summary.total.usd_committed, summary.total.usd_paid) == (Decimal("4600.00"), Decimal("3600.00"))
    assert (summary.total.usd_quoted, summary.total.usd_total) == (Decimal("400.00"), Decimal("5000.00"))


def test_the_exports_use_the_same_headings(client_for, st_officer, costs):
    from openpyxl import load_workbook

    client = client_for(st_officer)
    book = load_workbook(io.BytesIO(client.get(_url("services_report_xlsx", costs)).content))
    rows = [list(row) for row in book.worksheets[1].iter_rows(values_only=True)]
    header = next(row for row in rows if row and row[1] == "Servicios")
    assert list(header[3:]) == ["Comprometido (USD)", "de lo cual pagado (USD)", "Cotizado, sin comprometer (USD)",
                                "Total comprometido + cotizado (USD)"]  # fmt: skip
    total = next(row for row in rows if row and row[0] == "Total")
    assert [Decimal(str(v)) for v in total[3:]] == [Decimal("4600"), Decimal("3600"), Decimal("400"), Decimal("5000")]
    english = load_workbook(io.BytesIO(client.get(_url("services_report_xlsx", costs, "en")).content))
    assert any(row and row[4] == "of which paid (USD)" for row in english.worksheets[1].iter_rows(values_only=True))


def test_iom_recorded_two_ways_is_one_funder_line(seminar, st_officer, crm, client_for):
    supplier = make_supplier(country=crm["countries"]["GT"])
    iom = crm["orgs"]["iom"]
    quote(seminar, st_officer, supplier, funder="iom", amount=Decimal("100.00"))
    quote(seminar, st_officer, supplier, funder="other_organization", funder_organization=iom, amount=Decimal("50.00"))
    twin = Organization.objects.create(kind=Organization.Kind.INTERNATIONAL, name_es="UNICEF", acronym_es="")
    again = Organization.objects.create(kind=Organization.Kind.INTERNATIONAL, name_es="UNICEF", acronym_es="")
    quote(seminar, st_officer, supplier, funder="other_organization", funder_organization=twin, amount=Decimal("7"))
    quote(seminar, st_officer, supplier, funder="other_organization", funder_organization=again, amount=Decimal("3"))
    summary = cost_summary(services_for_meeting(seminar))
    with translation.override("es"):
        lines = {line.label: (line.count, line.usd_total) for line in summary.by_funder}
    assert lines == {"OIM": (2, Decimal("150.00")), "UNICEF": (2, Decimal("10.00"))}
    page = client_for(st_officer).get(_url("services", seminar)).content.decode()
    funders = page.split("<caption>Totales por financiador")[1].split("<caption>Totales por servicio")[0]
    assert funders.count('<th scope="row">OIM</th>') == 1
