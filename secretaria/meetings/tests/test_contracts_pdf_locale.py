"""Numbers and dates in the PDFs go through the letter's or the page's language: 4.500,00 and
"18 y 19 de octubre de 2004" in Spanish, 4,500.00 and "18–19 October 2004" in English."""

import datetime
import io
from decimal import Decimal

import pytest

from secretaria.meetings.exports import agenda as exports
from secretaria.meetings.exports.contracts import financial_report_pdf
from secretaria.meetings.tests.contracts_helpers import make_seminar, make_supplier, quote

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def test_the_financial_report_writes_amounts_and_dates_in_each_language(crm, st_officer):
    seminar = make_seminar(crm)
    quote(seminar, st_officer, make_supplier(), amount=Decimal("4500.00"))
    quote(seminar, st_officer, make_supplier("Hotel Camino Real"), amount=Decimal("35100.00"), currency="GTQ",
          usd_rate=Decimal("7.8"), kind="venue")  # fmt: skip

    spanish = pdf_text(financial_report_pdf(seminar, seminar.contracted_services.all(), lang="es"))
    english = pdf_text(financial_report_pdf(seminar, seminar.contracted_services.all(), lang="en"))

    assert "4.500,00" in spanish and "4,500.00" not in spanish and "GTQ 35.100,00" in spanish and "7,8" in spanish
    assert "18 y 19 de octubre de 2004" in spanish
    assert "4,500.00" in english and "GTQ 35,100.00" in english and "18-19 October 2004" in english


def test_the_agenda_pdf_writes_the_meetings_dates_in_each_language(draft):
    draft.meeting.start_date, draft.meeting.end_date = datetime.date(2004, 10, 18), datetime.date(2004, 10, 19)
    draft.meeting.save()
    draft.items.update(day=datetime.date(2004, 10, 18))
    spanish = pdf_text(exports.agenda_pdf(draft, "es"))
    english = pdf_text(exports.agenda_pdf(draft, "en"))
    assert "18 y 19 de octubre de 2004" in spanish and "Lunes 18 de octubre de 2004" in spanish
    assert "18-19 October 2004" in english and "Monday 18 October 2004" in english
