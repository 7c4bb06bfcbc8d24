"""Contracted services: the workflow, its refusals, the activity record, the summary and reports."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from secretaria.activity.models import Activity
from secretaria.meetings.exports.contracts import financial_report_pdf, financial_report_xlsx
from secretaria.meetings.models import ContractedService
from secretaria.meetings.selectors.contracts import cost_summary, services_for_meeting
from secretaria.meetings.services.contracts import (
    service_file_add,
    service_set_status,
    service_update,
    supplier_create,
)
from secretaria.meetings.tests.contracts_helpers import make_seminar, make_supplier, quote

Status = ContractedService.Status


@pytest.fixture
def seminar(crm):
    return make_seminar(crm)


@pytest.fixture
def supplier(crm):
    return make_supplier(country=crm["countries"]["GT"])


def test_a_new_service_starts_quoted_with_its_history_and_an_activity(seminar, supplier, st_officer):
    service = quote(seminar, st_officer, supplier)
    assert service.status == Status.QUOTED
    assert [(c.from_status, c.to_status, c.changed_by) for c in service.status_changes.all()] == [
        ("", "quoted", st_officer)
    ]
    activity = Activity.objects.get(kind="service_quoted")
    assert activity.meeting == seminar and activity.actor == st_officer and activity.obj == service
    assert "Interpretación" in activity.summary_es and "Interpretation" in activity.summary_en


def test_it_walks_quoted_contracted_delivered_paid_and_records_each_step(seminar, supplier, st_officer):
    service = quote(seminar, st_officer, supplier)
    for step in (Status.CONTRACTED, Status.DELIVERED, Status.PAID):
        service = service_set_status(service, to=step, by=st_officer, note=f"step {step}")
    assert service.status == Status.PAID
    assert [c.to_status for c in service.status_changes.order_by("changed_at", "pk")] == [
        "quoted", "contracted", "delivered", "paid",
    ]  # fmt: skip
    kinds = set(Activity.objects.filter(meeting=seminar).values_list("kind", flat=True))
    assert kinds == {"service_quoted", "service_contracted", "service_delivered", "service_paid"}


def test_it_refuses_to_pay_what_was_never_contracted(seminar, supplier, st_officer):
    service = quote(seminar, st_officer, supplier)
    with translation.override("en"), pytest.raises(ValidationError, match="never contracted"):
        service_set_status(service, to=Status.PAID, by=st_officer)
    service.refresh_from_db()
    assert service.status == Status.QUOTED
    assert not Activity.objects.filter(kind="service_paid").exists()


def test_it_refuses_to_pay_before_delivery_and_to_go_back(seminar, supplier, st_officer):
    service = quote(seminar, st_officer, supplier)
    service = service_set_status(service, to=Status.CONTRACTED, by=st_officer)
    with translation.override("en"), pytest.raises(ValidationError, match="delivery"):
        service_set_status(service, to=Status.PAID, by=st_officer)
    with pytest.raises(ValidationError):
        service_set_status(service, to=Status.QUOTED, by=st_officer)


def test_a_paid_or_cancelled_service_is_closed(seminar, supplier, st_officer):
    cancelled = service_set_status(quote(seminar, st_officer, supplier), to=Status.CANCELLED, by=st_officer)
    with pytest.raises(ValidationError):
        service_set_status(cancelled, to=Status.CONTRACTED, by=st_officer)
    with pytest.raises(ValidationError):
        service_update(cancelled, by=st_officer, amount=Decimal("10"))
    assert Activity.objects.filter(kind="service_cancelled").count() == 1


def test_after_delivery_the_agreed_amount_cannot_change(seminar, supplier, st_officer):
    service = quote(seminar, st_officer, supplier)
    service = service_set_status(service, to=Status.CONTRACTED, by=st_officer)
    service = service_update(service, by=st_officer, amount=Decimal("3400.00"))
    assert service.amount == Decimal("3400.00")
    service = service_set_status(service, to=Status.DELIVERED, by=st_officer)
    with pytest.raises(ValidationError):
        service_update(service, by=st_officer, amount=Decimal("3900.00"))
    service_update(service, by=st_officer, notes="Factura recibida")


@pytest.mark.parametrize("amount", [Decimal("-1.00"), "-0.01"])
def test_it_refuses_negative_amounts(seminar, supplier, st_officer, amount):
    with pytest.raises(ValidationError) as error:
        quote(seminar, st_officer, supplier, amount=amount)
    assert "amount" in error.value.message_dict
    assert not ContractedService.objects.exists()


@pytest.mark.parametrize("currency", ["XYZ", "usd$", "", "DOLLARS"])
def test_it_refuses_unknown_currencies(seminar, supplier, st_officer, currency):
    with pytest.raises(ValidationError) as error:
        quote(seminar, st_officer, supplier, currency=currency)
    assert "currency" in error.value.message_dict


def test_a_lowercase_iso_code_is_accepted(seminar, supplier, st_officer):
    assert quote(seminar, st_officer, supplier, currency="gtq", usd_rate="7.9").currency == "GTQ"


def test_it_refuses_a_zero_rate_and_a_usd_rate_other_than_one(seminar, supplier, st_officer):
    with pytest.raises(ValidationError):
        quote(seminar, st_officer, supplier, currency="GTQ", usd_rate="0")
    with pytest.raises(ValidationError):
        quote(seminar, st_officer, supplier, currency="USD", usd_rate="1.1")


def test_a_sponsor_country_funder_needs_the_country(seminar, supplier, st_officer, crm):
    with pytest.raises(ValidationError) as error:
        quote(seminar, st_officer, supplier, funder="sponsor_country")
    assert "funder_country" in error.value.message_dict
    service = quote(seminar, st_officer, supplier, funder="sponsor_country", funder_country=crm["countries"]["CA"])
    assert service.funder_label in ("Canadá", "Canada")


def test_the_supplier_must_be_a_supplier(seminar, st_officer, crm):
    with pytest.raises(ValidationError) as error:
        quote(seminar, st_officer, crm["orgs"]["iom"])
    assert "supplier" in error.value.message_dict


def test_supplier_create_adds_a_supplier_once(crm):
    first = supplier_create(name="Audiovisuales Centroamericanos", country=crm["countries"]["GT"])
    again = supplier_create(name="audiovisuales centroamericanos")
    assert first == again and first.kind == "supplier"


def test_the_summary_adds_decimal_usd_amounts_rounded_per_service(seminar, supplier, st_officer, crm):
    canada, mexico = crm["countries"]["CA"], crm["countries"]["MX"]
    quote(seminar, st_officer, supplier, amount="3600.00")  # Secretariat, USD
    # 28,500 GTQ at 7.90 = 3,607.594… → 3,607.59
    booths = quote(
        seminar, st_officer, supplier, kind="audio_visual", amount="28500.00", currency="GTQ", usd_rate="7.90",
        funder="sponsor_country", funder_country=mexico,
    )  # fmt: skip
    # 100.01 GTQ at 7.90 = 12.6594… → 12.66 (half up on each service, not on the sum)
    small = quote(
        seminar, st_officer, supplier, kind="audio_visual", amount="100.01", currency="GTQ", usd_rate="7.90",
        funder="sponsor_country", funder_country=mexico,
    )  # fmt: skip
    translation = quote(
        seminar, st_officer, supplier, kind="translation", amount="1875.00", currency="CAD", usd_rate="1.25",
        funder="sponsor_country", funder_country=canada,
    )  # fmt: skip
    dropped = quote(seminar, st_officer, supplier, kind="catering", amount="999.00")
    service_set_status(dropped, to=Status.CANCELLED, by=st_officer)
    for service in (booths, translation):
        service_set_status(service, to=Status.CONTRACTED, by=st_officer)
    service_set_status(translation, to=Status.DELIVERED, by=st_officer)
    service_set_status(translation, to=Status.PAID, by=st_officer)
    assert small.amount_usd == Decimal("12.66")

    summary = cost_summary(services_for_meeting(seminar))
    assert summary.cancelled == 1
    by_funder = {line.key: line for line in summary.by_funder}
    ca, mx = f"country:{canada.pk}", f"country:{mexico.pk}"
    assert list(by_funder) == ["secretariat", ca, mx]  # the Secretariat first, then sponsors by name
    assert by_funder[mx].by_currency == {"GTQ": Decimal("28600.01")}
    assert by_funder[mx].usd_committed == Decimal("3607.59")
    assert by_funder[mx].usd_quoted == Decimal("12.66")
    assert by_funder[ca].usd_paid == Decimal("1500.00")
    by_kind = {line.key: line for line in summary.by_kind}
    assert list(by_kind) == ["interpretation", "translation", "audio_visual"]
    assert by_kind["audio_visual"].usd_total == Decimal("3620.25")
    total = summary.total
    assert total.count == 4
    assert total.by_currency == {"USD": Decimal("3600.00"), "GTQ": Decimal("28600.01"), "CAD": Decimal("1875.00")}
    assert total.usd_total == Decimal("8720.25")
    assert total.usd_total == sum((line.usd_total for line in summary.by_funder), Decimal("0"))
    assert all(isinstance(v, Decimal) for v in (total.usd_quoted, total.usd_committed, total.usd_paid))


def test_the_xlsx_report_opens_and_holds_the_totals(seminar, supplier, st_officer, crm):
    from openpyxl import load_workbook

    quote(seminar, st_officer, supplier, amount="3600.00")
    quote(
        seminar, st_officer, supplier, kind="audio_visual", amount="28500.00", currency="GTQ", usd_rate="7.90",
        funder="sponsor_country", funder_country=crm["countries"]["MX"],
    )  # fmt: skip
    content = financial_report_xlsx(seminar, services_for_meeting(seminar), lang="en")
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Services", "Totals"]
    services_sheet = book["Services"]
    assert services_sheet["A1"].value == "Seminar on Migration and Health"
    amounts = [row[8] for row in services_sheet.iter_rows(min_row=5, values_only=True)]
    assert sorted(Decimal(str(a)) for a in amounts) == [Decimal("3600.00"), Decimal("3607.59")]
    assert services_sheet.cell(row=5, column=7).number_format == "#,##0.00"
    totals = [row for row in book["Totals"].iter_rows(values_only=True) if row and row[0] == "Total"]
    assert len(totals) == 2
    assert Decimal(str(totals[0][6])) == Decimal("7207.59")
    assert "GTQ 28,500.00" in totals[0][2]


def test_the_xlsx_report_speaks_spanish_to_a_spanish_reader(seminar, supplier, st_officer):
    from openpyxl import load_workbook

    quote(seminar, st_officer, supplier)
    book = load_workbook(io.BytesIO(financial_report_xlsx(seminar, services_for_meeting(seminar), lang="es")))
    assert book.worksheets[0]["A1"].value == "Seminario sobre Migración y Salud"


def test_the_pdf_report_is_a_pdf_even_with_typographic_characters(seminar, supplier, st_officer):
    quote(seminar, st_officer, supplier, description_es="Cabinas “dobles” — 2 días…", description_en="Booths → 2 days")
    content = financial_report_pdf(seminar, services_for_meeting(seminar), lang="es")
    assert content.startswith(b"%PDF")
    assert financial_report_pdf(seminar, [], lang="en").startswith(b"%PDF")


def test_a_quote_is_kept_as_a_secretariat_only_document(seminar, supplier, st_officer):
    from secretaria.core.access import AccessLevel

    service = quote(seminar, st_officer, supplier)
    attachment = service_file_add(
        service, by=st_officer, kind="quote", file=SimpleUploadedFile("cotizacion.pdf", b"%PDF-1.4 quote\n%%EOF")
    )
    document = attachment.document
    assert document.access_level == AccessLevel.SECRETARIAT and document.is_draft
    assert document.symbol == f"ST/SERV/2004/{service.pk}-1"
    assert document.author == supplier
    assert document.title_es.startswith("Cotización: Interpretación — Seminario sobre Migración y Salud")
    assert document.title_en.startswith("Quote: Interpretation — Seminar on Migration and Health")
    [doc_file] = document.files.all()
    assert doc_file.original_name == "cotizacion.pdf" and doc_file.language == "es"
    second = service_file_add(
        service, by=st_officer, kind="contract", file=SimpleUploadedFile("contrato.pdf", b"%PDF-1.4 contract\n%%EOF")
    )
    assert second.document.symbol == f"ST/SERV/2004/{service.pk}-2"


def test_quotes_and_contracts_are_validated(seminar, supplier, st_officer):
    from secretaria.documents.models import Document

    service = quote(seminar, st_officer, supplier)
    with pytest.raises(ValidationError):
        service_file_add(service, by=st_officer, kind="quote", file=SimpleUploadedFile("virus.exe", b"MZ\x90"))
    with pytest.raises(ValidationError):
        service_file_add(service, by=st_officer, kind="contract", file=SimpleUploadedFile("fake.pdf", b"<html>"))
    with pytest.raises(ValidationError):
        service_file_add(service, by=st_officer, kind="bribe", file=SimpleUploadedFile("q.pdf", b"%PDF-1.4"))
    assert not Document.objects.exists() and not service.attachments.exists()
