"""The Secretariat's pages and the API for contracted services: who sees what, who may change it."""

import io
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from secretaria.core.models import AuditEvent
from secretaria.directory.models import Organization
from secretaria.meetings.models import ContractedService
from secretaria.meetings.services.contracts import service_file_add, service_set_status
from secretaria.meetings.tests.contracts_helpers import make_seminar, make_supplier, quote


@pytest.fixture
def seminar(crm):
    return make_seminar(crm)


@pytest.fixture
def supplier(crm):
    return make_supplier(country=crm["countries"]["GT"])


@pytest.fixture
def service(seminar, supplier, st_officer):
    return quote(seminar, st_officer, supplier)


def url(name, meeting, *args):
    with translation.override("es"):
        return reverse(f"meetings:{name}", args=[meeting.slug, *args])


# --- Who sees the costs ----------------------------------------------------------------------


def test_the_secretariat_sees_services_and_the_summary(client_for, st_officer, seminar, service):
    response = client_for(st_officer).get(url("services", seminar))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Intérpretes de Conferencia de Guatemala" in html
    assert "600,00" in html  # the Spanish format: 3 600,00
    assert url("service_create", seminar) in html


def test_the_ppt_reads_the_costs_but_cannot_change_them(client_for, ppt_official, seminar, service):
    client = client_for(ppt_official)
    response = client.get(url("services", seminar))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Intérpretes de Conferencia de Guatemala" in html
    assert url("service_create", seminar) not in html
    assert client.get(url("service_detail", seminar, service.pk)).status_code == 200
    assert client.get(url("service_create", seminar)).status_code == 403
    assert client.get(url("service_edit", seminar, service.pk)).status_code == 403
    assert client.post(url("service_status", seminar, service.pk), {"to": "contracted"}).status_code == 403
    service.refresh_from_db()
    assert service.status == "quoted"
    assert client.get(url("services_report_xlsx", seminar)).status_code == 200


@pytest.mark.parametrize("persona", ["observer", "gt_official", "hn_official", "civil_society"])
def test_observers_and_member_officials_cannot_see_costs(request, client_for, persona, seminar, service):
    client = client_for(request.getfixturevalue(persona))
    for name, args in [("services", ()), ("service_detail", (service.pk,)), ("services_report_pdf", ()),
                       ("services_report_xlsx", ())]:  # fmt: skip
        response = client.get(url(name, seminar, *args))
        assert response.status_code == 403, name
        assert b"Interpretes" not in response.content and "Intérpretes".encode() not in response.content


def test_a_ppt_official_of_another_term_cannot_see_costs(client_for, crm, seminar, service):
    from secretaria.accounts.services import user_create
    from secretaria.core.access import Role

    mexican = user_create(
        username="mx_ppt", email="mx@example.org", role=Role.PPT, password="x" * 20, country=crm["countries"]["MX"]
    )
    assert client_for(mexican).get(url("services", seminar)).status_code == 403


def test_anonymous_visitors_are_sent_to_login(anonymous, seminar, service):
    response = anonymous.get(url("services", seminar))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_list_makes_a_constant_number_of_queries(client_for, st_officer, seminar, supplier, crm, count_queries):
    def add(indexes):
        for index in indexes:
            service = quote(
                seminar, st_officer, make_supplier(f"Proveedor {index}"), amount=f"{100 + index}.50",
                currency="GTQ", usd_rate="7.9", funder="sponsor_country",
                funder_country=crm["countries"]["CA" if index % 2 else "MX"],
            )  # fmt: skip
            service_file_add(service, by=st_officer, kind="quote", file=SimpleUploadedFile("q.pdf", b"%PDF-1.4\n%%EOF"))

    client = client_for(st_officer)
    add(range(2))
    client.get(url("services", seminar))

    def page():
        assert client.get(url("services", seminar)).status_code == 200

    few = count_queries(page)
    add(range(2, 12))
    assert count_queries(page) == few


# --- The Secretariat edits -------------------------------------------------------------------


def _form(supplier=None, **overrides):
    data = {
        "kind": "audio_visual",
        "supplier": supplier.pk if supplier else "",
        "description_es": "Proyector, pantalla y sonido",
        "description_en": "Projector, screen and sound",
        "amount": "9480.00",
        "currency": "GTQ",
        "usd_rate": "7.90",
        "funder": "secretariat",
    }
    data.update(overrides)
    return data


def test_the_secretariat_adds_a_service_with_a_new_supplier(client_for, st_officer, seminar, crm):
    response = client_for(st_officer).post(
        url("service_create", seminar),
        _form(new_supplier="Audiovisuales de Guatemala", new_supplier_country=crm["countries"]["GT"].pk),
    )
    service = ContractedService.objects.get()
    assert response.status_code == 302 and response["Location"] == url("service_detail", seminar, service.pk)
    assert service.supplier.kind == Organization.Kind.SUPPLIER
    assert service.supplier.name_es == "Audiovisuales de Guatemala"
    assert service.amount_usd == Decimal("1200.00")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"amount": "-5"}, "amount"),
        ({"currency": "XYZ"}, "currency"),
        ({"funder": "sponsor_country"}, "funder_country"),
    ],
)
def test_bad_input_is_a_form_error_not_a_500(client_for, st_officer, seminar, supplier, overrides, field):
    response = client_for(st_officer).post(url("service_create", seminar), _form(supplier, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ContractedService.objects.exists()


def test_a_supplier_is_required(client_for, st_officer, seminar):
    response = client_for(st_officer).post(url("service_create", seminar), _form())
    assert "supplier" in response.context["form"].errors


def test_the_secretariat_edits_a_service(client_for, st_officer, seminar, supplier, service):
    response = client_for(st_officer).post(
        url("service_edit", seminar, service.pk),
        _form(supplier, kind="interpretation", amount="3500", currency="USD", usd_rate="1"),
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.amount == Decimal("3500.00")


def test_status_buttons_move_the_service_and_refusals_show_a_message(client_for, st_officer, seminar, service):
    client = client_for(st_officer)
    response = client.post(url("service_status", seminar, service.pk), {"to": "paid"}, follow=True)
    assert "No se puede pagar un servicio que nunca fue contratado." in response.content.decode()
    service.refresh_from_db()
    assert service.status == "quoted"
    client.post(url("service_status", seminar, service.pk), {"to": "contracted", "note": "Contrato firmado"})
    service.refresh_from_db()
    assert service.status == "contracted"
    page = client.get(url("service_detail", seminar, service.pk)).content.decode()
    assert "Contrato firmado" in page


def test_a_quote_whose_file_name_is_not_utf8_is_kept(client_for, st_officer, seminar, service):
    from secretaria.core.tests.multipart import SANITIZED_NAME, post_with_raw_file_name

    response = post_with_raw_file_name(
        client_for(st_officer),
        url("service_file_upload", seminar, service.pk),
        {"kind": "quote", "language": "es"},
        "file",
        b"%PDF-1.4 cotizacion\n%%EOF",
    )
    assert response.status_code == 302
    assert service.attachments.get().document.files.get().original_name == SANITIZED_NAME


def test_quotes_are_served_only_to_the_secretariat(client_for, st_officer, ppt_official, observer, seminar, service):
    client = client_for(st_officer)
    response = client.post(
        url("service_file_upload", seminar, service.pk),
        {
            "kind": "quote",
            "language": "es",
            "file": SimpleUploadedFile("cotizacion.pdf", b"%PDF-1.4 cotizacion\n%%EOF"),
        },
    )
    assert response.status_code == 302
    attachment = service.attachments.get()
    doc_file = attachment.document.files.get()
    with translation.override("es"):
        download = reverse("documents:download", args=[doc_file.pk])
    assert download in client.get(url("service_detail", seminar, service.pk)).content.decode()
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4 cotizacion")
    for outsider in (ppt_official, observer):
        assert client_for(outsider).get(download).status_code == 404
    assert download not in client_for(ppt_official).get(url("service_detail", seminar, service.pk)).content.decode()


def test_deleting_the_draft_document_unlinks_it(st_officer, seminar, service):
    from secretaria.documents.services import document_delete

    attachment = service_file_add(
        service, by=st_officer, kind="quote", file=SimpleUploadedFile("q.pdf", b"%PDF-1.4\n%%EOF")
    )
    document_delete(document=attachment.document, by=st_officer)
    assert not service.attachments.exists()


def test_a_bad_upload_is_refused_with_a_form_error(client_for, st_officer, seminar, service):
    response = client_for(st_officer).post(
        url("service_file_upload", seminar, service.pk),
        {"kind": "quote", "file": SimpleUploadedFile("script.html", b"<script>")},
    )
    assert response.status_code == 400
    assert not service.attachments.exists()


def test_the_reports_download_and_are_audited(client_for, st_officer, seminar, service):
    from openpyxl import load_workbook

    client = client_for(st_officer)
    xlsx = client.get(url("services_report_xlsx", seminar))
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(xlsx.content))
    assert len(book.sheetnames) == 2
    pdf = client.get(url("services_report_pdf", seminar))
    assert pdf.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(kind="export", target="meetings.financial_report:migracion-y-salud").count() == 2


def test_a_supplier_named_as_a_formula_is_text_in_the_report(client_for, st_officer, seminar, crm):
    from openpyxl import load_workbook

    formula = '=HYPERLINK("http://evil.example/","Proveedor")'
    quote(seminar, st_officer, make_supplier(name=formula), description_es="+1+1")
    book = load_workbook(io.BytesIO(client_for(st_officer).get(url("services_report_xlsx", seminar)).content))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    supplier = next(c for c in cells if c.value == formula)
    assert supplier.data_type == "s"
    amount = book["Servicios"].cell(row=supplier.row, column=7)
    assert amount.value == 3600 and amount.number_format == "#,##0.00"  # amounts stay numbers


def test_the_english_report_is_in_english(client_for, st_officer, seminar, service):
    from openpyxl import load_workbook

    with translation.override("en"):
        english_url = reverse("meetings:services_report_xlsx", args=[seminar.slug])
    assert english_url.startswith("/en/")
    response = client_for(st_officer).get(english_url)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.worksheets[0]["A1"].value == "Seminar on Migration and Health"


# --- API ---------------------------------------------------------------------------------


def api(slug, rest=""):
    return f"/api/v1/meetings/{slug}/services{rest}"


def test_the_api_lists_services_with_amounts_as_strings(client_for, ppt_official, seminar, service):
    response = client_for(ppt_official).get(api(seminar.slug))
    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item["price"] == {"amount": "3600.00", "currency": "USD"}
    assert item["price_usd"] == {"amount": "3600.00", "currency": "USD"}
    assert item["status"] == "quoted" and item["history"][0]["to_status"] == "quoted"
    summary = client_for(ppt_official).get(api(seminar.slug, "/summary")).json()
    assert summary["total"]["total_usd"] == "3600.00"
    assert summary["by_funder"][0]["by_currency"] == [{"amount": "3600.00", "currency": "USD"}]


def test_the_api_refuses_others_with_json(client_for, anonymous, observer, gt_official, st_officer, seminar, service):
    assert anonymous.get(api(seminar.slug)).status_code == 401
    for user in (observer, gt_official):
        response = client_for(user).get(api(seminar.slug))
        assert response.status_code == 403 and "detail" in response.json()
    assert client_for(st_officer).get(api("no-such-meeting")).status_code == 404


def test_only_the_secretariat_writes_through_the_api(client_for, st_officer, ppt_official, seminar, supplier, crm):
    payload = {"kind": "translation", "supplier_id": supplier.pk, "amount": "1500.00", "currency": "CAD",
               "usd_rate": "1.25", "funder": "sponsor_country", "funder_country": "CA"}  # fmt: skip
    ppt = client_for(ppt_official).post(api(seminar.slug), json.dumps(payload), content_type="application/json")
    assert ppt.status_code == 403
    response = client_for(st_officer).post(api(seminar.slug), json.dumps(payload), content_type="application/json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["price_usd"] == {"amount": "1200.00", "currency": "USD"}
    assert created["funder_country"] == "CA"
    status = client_for(st_officer).post(
        api(seminar.slug, f"/{created['id']}/status"),
        json.dumps({"to": "paid"}),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert status.status_code == 400 and "never contracted" in status.json()["detail"] + json.dumps(status.json())


@pytest.mark.parametrize(
    "overrides", [{"amount": "-10"}, {"currency": "XYZ"}, {"supplier_id": 999999}, {"funder_country": "ZZ"}]
)
def test_the_api_refuses_bad_input_as_json(client_for, st_officer, seminar, supplier, overrides):
    payload = {"kind": "translation", "supplier_id": supplier.pk, "amount": "10", "currency": "USD",
               "funder": "sponsor_country", "funder_country": "CA"}  # fmt: skip
    payload.update(overrides)
    response = client_for(st_officer).post(api(seminar.slug), json.dumps(payload), content_type="application/json")
    assert response.status_code in (400, 422)
    assert "detail" in response.json()
    assert not ContractedService.objects.exists()


def test_the_api_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/meetings/{slug}/services" in schema["paths"]
    assert "/api/v1/meetings/{slug}/services/summary" in schema["paths"]


def test_a_paid_service_shows_in_the_api_history(client_for, st_officer, seminar, service):
    for step in ("contracted", "delivered", "paid"):
        service = service_set_status(service, to=step, by=st_officer)
    item = client_for(st_officer).get(api(seminar.slug, f"/{service.pk}")).json()
    assert [h["to_status"] for h in item["history"]] == ["quoted", "contracted", "delivered", "paid"]
    assert item["history"][-1]["changed_by"] == "st_officer"


def test_the_ppt_official_of_the_meetings_term_reads_its_costs(client_for, crm, st_officer, supplier):
    import datetime

    from django.utils import timezone

    from secretaria.accounts.services import user_create
    from secretaria.core.access import Role
    from secretaria.meetings.models import Meeting

    # Mexico held the presidency from 500 to 101 days ago (conftest); the meeting fell in its term.
    held = timezone.localdate() - datetime.timedelta(days=200)
    meeting = Meeting.objects.create(
        kind=Meeting.Kind.GRCM, slug="grcm-mexico", title_es="Reunión del GRCM", start_date=held, end_date=held
    )
    quote(meeting, st_officer, supplier)
    mexican = user_create(
        username="mx_ppt", email="mx@example.org", role=Role.PPT, password="x" * 20, country=crm["countries"]["MX"]
    )
    client = client_for(mexican)
    assert client.get(url("services", meeting)).status_code == 200
    assert client.get(url("service_create", meeting)).status_code == 403


def test_the_api_list_makes_a_constant_number_of_queries(client_for, st_officer, seminar, count_queries):
    def add(indexes):
        for index in indexes:
            service = quote(seminar, st_officer, make_supplier(f"Proveedor {index}"))
            service_set_status(service, to="contracted", by=st_officer)

    client = client_for(st_officer)
    sizes = []

    def listing():
        sizes.append(len(client.get(api(seminar.slug)).json()["results"]))

    add(range(2))
    few = count_queries(listing)
    add(range(2, 10))
    assert count_queries(listing) == few
    assert sizes == [2, 10]


def test_only_the_secretariat_sees_the_attachments_in_the_api(client_for, st_officer, ppt_official, seminar, service):
    service_file_add(service, by=st_officer, kind="quote", file=SimpleUploadedFile("q.pdf", b"%PDF-1.4\n%%EOF"))
    [item] = client_for(st_officer).get(api(seminar.slug)).json()["results"]
    assert item["attachments"] == [{"kind": "quote", "document": f"ST/SERV/2004/{service.pk}-1"}]
    [item] = client_for(ppt_official).get(api(seminar.slug)).json()["results"]
    assert item["attachments"] is None
