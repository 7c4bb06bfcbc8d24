"""The Secretariat's pages: list and generate, edit a section, compare, issue, download."""

import datetime

import pytest
from django.urls import reverse
from docx import Document as Docx

from secretaria.reports import services
from secretaria.reports.models import Report

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_secretariat_generates_a_report_from_the_list_page(seminar, st_officer, client_for):
    client = client_for(st_officer)
    response = client.post(reverse("reports:list"), {"start": "2004-05-01", "end": "2004-11-30"})
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Seminario sobre Migración y Salud (patrocinado por Canadá y México)" in page
    assert "Moderación del evento a cargo del Coordinador" in page
    assert report.title_es in client.get(reverse("reports:list")).content.decode()


def test_a_bad_period_is_a_form_error(st_officer, client_for):
    response = client_for(st_officer).post(reverse("reports:list"), {"start": "2004-11-30", "end": "2004-05-01"})
    assert response.status_code == 200 and Report.objects.count() == 0
    assert "antes de" in response.content.decode() or "before" in response.content.decode()


def test_others_cannot_see_the_reports_pages(seminar, st_officer, gt_official, client_for, anonymous):
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    client = client_for(gt_official)
    assert client.get(reverse("reports:list")).status_code == 403
    assert client.get(report.get_absolute_url()).status_code == 403
    assert client.get(reverse("reports:download", args=[report.pk, "es", "pdf"])).status_code == 403
    assert anonymous.get(report.get_absolute_url()).status_code == 302  # to the login


def test_editing_a_section_from_the_page_makes_a_version_and_the_docx_follows(seminar, st_officer, client_for):
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    client = client_for(st_officer)
    url = reverse("reports:section", args=[report.pk, "support"])
    form = client.get(url).content.decode()
    key = "meeting.migracion-y-salud.agenda-sponsors"
    assert f'name="state-{key}"' in form
    response = client.post(url, {f"state-{key}": "edited", f"es-{key}": "Agenda acordada con Canadá y México.",
                                 f"en-{key}": "Agenda agreed with Canada and Mexico.", "new-es": "", "new-en": ""})  # fmt: skip
    assert response.status_code == 302 and report.versions.count() == 2
    diff = client.get(reverse("reports:compare", args=[report.pk])).content.decode()
    assert "<ins>+ • Agenda acordada con Canadá y México.</ins>" in diff
    docx = client.get(reverse("reports:download", args=[report.pk, "es", "docx"]))
    import io

    texts = [p.text for p in Docx(io.BytesIO(docx.content)).paragraphs]
    assert "Agenda acordada con Canadá y México." in texts


def test_issuing_from_the_page_and_downloading_the_frozen_file(seminar, st_officer, client_for, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    client = client_for(st_officer)
    missing = client.post(
        reverse("reports:action", args=[report.pk, "issue"]), {"symbol": "", "access_level": "members"}
    )
    assert missing.status_code == 302 and not Report.objects.get(pk=report.pk).is_issued
    client.post(reverse("reports:action", args=[report.pk, "issue"]),
                {"symbol": "CRM/ST/2004/INF.2", "access_level": "members"})  # fmt: skip
    report.refresh_from_db()
    assert report.is_issued
    stored = report.files.get(language="es", fmt="pdf")
    response = client.get(reverse("reports:download", args=[report.pk, "es", "pdf"]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]).startswith(b"%PDF")
    page = client.get(report.get_absolute_url()).content.decode()
    assert stored.sha256 in page and "CRM/ST/2004/INF.2" in page
    assert client.get(reverse("reports:section", args=[report.pk, "support"])).status_code == 302


def test_the_secretariat_lists_a_platform_change_and_section_c_tells_it(st_officer, gt_official, client_for):
    client = client_for(st_officer)
    response = client.post(reverse("reports:platform"), {
        "recorded_on": "2004-11-15", "category": "migration", "title_es": "Migración a los nuevos servidores",
        "title_en": "Migration to the new servers", "body_es": "A finales de diciembre de 2004.",
        "body_en": "At the end of December 2004.",
    })  # fmt: skip
    assert response.status_code == 302
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Migración a los nuevos servidores" in page and "A finales de diciembre de 2004." in page
    assert client_for(gt_official).get(reverse("reports:platform")).status_code == 403


def test_the_financial_annex_charts_are_in_the_page_with_their_text(seminar, st_officer, client_for):
    from decimal import Decimal

    from django.utils import timezone

    from secretaria.directory.models import Organization
    from secretaria.meetings.services import contracts as meetings

    supplier = Organization.objects.create(name_es="Intérpretes Asociados", kind="supplier")
    service = meetings.service_create(meeting=seminar, by=st_officer, kind="interpretation", supplier=supplier,
                                      amount=Decimal("3600"), currency="USD", funder="secretariat")  # fmt: skip
    meetings.service_set_status(service, by=st_officer, to="contracted",
                                on=timezone.make_aware(datetime.datetime(2004, 10, 1, 10)))  # fmt: skip
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    client = client_for(st_officer)
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Gastos por categoría de servicio (USD): Interpretación, USD 3.600,00." in page
    src = reverse("reports:chart", args=[report.pk, "chart_by_kind", "es"])
    assert f'src="{src}"' in page
    png = client.get(src)
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
