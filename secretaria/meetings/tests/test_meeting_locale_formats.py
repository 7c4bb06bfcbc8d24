"""Dates, numbers and sentences as each language writes them, in pages, PDFs and e-mails."""

import datetime
import io
from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from secretaria.comms import bulletins
from secretaria.core.i18n import date_range_text, format_date, number_text
from secretaria.meetings import services
from secretaria.meetings.exports.contracts import financial_report_pdf
from secretaria.meetings.selectors.contracts import services_for_meeting
from secretaria.meetings.tests.contracts_helpers import make_seminar, make_supplier, quote


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_helpers_write_dates_and_amounts_per_language():
    assert format_date(datetime.date(2004, 10, 18), "es") == "18 de octubre de 2004"
    assert format_date(datetime.date(2004, 10, 18), "en") == "Oct. 18, 2004"
    assert number_text(Decimal("4500"), "es") == "4.500,00"
    assert number_text(Decimal("4500"), "en") == "4,500.00"


def test_the_spanish_financial_report_writes_amounts_the_spanish_way(crm, st_officer):
    seminar = make_seminar(crm)
    quote(seminar, st_officer, make_supplier(country=crm["countries"]["GT"]), amount=Decimal("4500.00"))
    spanish = pdf_text(financial_report_pdf(seminar, services_for_meeting(seminar), lang="es"))
    assert "4.500,00" in spanish and "4,500.00" not in spanish  # the Conference writes 4.500,00 (core.i18n.number_text)
    english = pdf_text(financial_report_pdf(seminar, services_for_meeting(seminar), lang="en"))
    assert "4,500.00" in english


def test_a_bulletin_dates_its_period_in_each_language(st_officer):
    bulletin = bulletins.bulletin_draft(
        by=st_officer, period_start=datetime.date(2004, 10, 1), period_end=datetime.date(2004, 10, 31)
    )
    assert "1 de octubre de 2004" in bulletin.title_es and "31 de octubre de 2004" in bulletin.body_es
    assert "Oct. 1, 2004" in bulletin.title_en and "Oct. 31, 2004" in bulletin.body_en
    for text in (bulletin.title_es, bulletin.title_en, bulletin.body_es, bulletin.body_en):
        assert "2004-10-" not in text


def test_the_meeting_page_says_the_agenda_was_approved_in_the_feminine(draft, st_officer, ppt_official, client):
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    page = client.get(reverse("meetings:detail", args=[draft.meeting.slug])).content.decode()
    assert "Agenda preliminar, aprobada por la Presidencia Pro-Témpore el" in page
    with translation.override("en"):
        english = client.get(reverse("meetings:detail", args=[draft.meeting.slug])).content.decode()
    assert "Preliminary agenda, approved by the Pro-Tempore Presidency on" in english


def test_english_pages_and_calendars_name_the_city_in_english(st_officer, client):
    meeting = services.meeting_create(
        by=st_officer, kind="seminar", slug="salud", title_es="Seminario de salud", title_en="Health seminar",
        start_date=datetime.date(2004, 10, 18), end_date=datetime.date(2004, 10, 19),
        city="Ciudad de Guatemala", city_en="Guatemala City",
    )  # fmt: skip
    with translation.override("en"):
        english = client.get(reverse("meetings:detail", args=[meeting.slug])).content.decode()
        listing = client.get(reverse("meetings:list")).content.decode()
        ics = client.get(reverse("meetings:ics", args=[meeting.slug])).content.decode()
    for text in (english, listing, ics):
        assert "Guatemala City" in text and "Ciudad de Guatemala" not in text
    spanish = client.get(reverse("meetings:detail", args=[meeting.slug])).content.decode()
    assert "Ciudad de Guatemala" in spanish and "Guatemala City" not in spanish


def test_a_city_without_an_english_name_shows_its_one_name(st_officer, client):
    services.meeting_create(
        by=st_officer, kind="seminar", slug="sj", title_es="Taller", start_date=datetime.date(2004, 3, 1),
        end_date=datetime.date(2004, 3, 1), city="San José",
    )  # fmt: skip
    with translation.override("en"):
        assert "San José" in client.get(reverse("meetings:detail", args=["sj"])).content.decode()


def test_the_programme_and_facts_write_days_as_each_language_does(draft, st_officer, ppt_official, client):
    from django.utils.dateformat import format as dateformat

    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    day = draft.meeting.start_date
    page = client.get(reverse("meetings:detail", args=[draft.meeting.slug])).content.decode()
    with translation.override("es"):
        heading = f"{dateformat(day, 'l').capitalize()}, {format_date(day, 'es')}"  # "Lunes, 2 de enero de 2027"
    assert heading in page and " de " in heading
    assert date_range_text(day, draft.meeting.end_date, "es") in page  # the facts panel, not 02/01/2027


def test_the_meeting_page_writes_its_days_as_one_span_in_each_language(crm, client):
    seminar = make_seminar(crm)
    seminar.access_level = "public"
    seminar.save()
    spanish = client.get(reverse("meetings:detail", args=[seminar.slug])).content.decode()
    assert "18 y 19 de octubre de 2004" in spanish and "18 de octubre de 2004 –" not in spanish
    with translation.override("en"):
        url = reverse("meetings:detail", args=[seminar.slug])
    assert "18–19 October 2004" in client.get(url).content.decode()


def test_english_letters_name_the_city_in_english(st_officer):
    from secretaria.meetings.letters import merge_context

    meeting = services.meeting_create(
        by=st_officer, kind="seminar", slug="salud-cartas", title_es="Seminario de salud", title_en="Health seminar",
        start_date=datetime.date(2004, 10, 18), end_date=datetime.date(2004, 10, 19),
        city="Ciudad de Guatemala", city_en="Guatemala City",
    )  # fmt: skip
    assert merge_context(meeting=meeting, person=None, name="", lang="en")["city"] == "Guatemala City"
    assert merge_context(meeting=meeting, person=None, name="", lang="es")["city"] == "Ciudad de Guatemala"
