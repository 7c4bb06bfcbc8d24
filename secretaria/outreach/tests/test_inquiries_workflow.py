import datetime
import io
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from secretaria.documents.models import Document
from secretaria.files.filetypes import UploadRefused
from secretaria.outreach.models import Inquiry
from secretaria.outreach.office import office_hours_between
from secretaria.outreach.selectors.inquiries import inquiry_figures, response_times
from secretaria.outreach.services import inquiries as services

pytestmark = pytest.mark.django_db
CR = zoneinfo.ZoneInfo("America/Costa_Rica")


def at(y, m, d, h=9):
    return datetime.datetime(y, m, d, h, tzinfo=CR)


@pytest.fixture
def inquiry(crm):
    return services.inquiry_receive(
        name="Jane Doe", email="jane@uoft.example", organization_name="University of Toronto", language="en",
        subject="Remittances", text="Do you have data on remittances?", received_at=at(2004, 8, 23),
    )  # fmt: skip


@pytest.fixture
def template(st_officer):
    return services.template_save(
        slug="general", by=st_officer, name_es="General", name_en="General", subject_es="Su consulta {reference}",
        subject_en="Your inquiry {reference}", body_es="Estimado/a {name}: [[respuesta]]",
        body_en="Dear {name}, [[answer]]",
    )  # fmt: skip


def test_an_inquiry_gets_a_reference_and_an_acknowledgement_in_its_language(inquiry):
    assert inquiry.reference == "CRM-ST-2004-0001"
    ack = mail.outbox[-1]
    assert ack.to == ["jane@uoft.example"] and "[CRM-ST-2004-0001]" in ack.subject
    assert ack.body.startswith("Dear Jane Doe") and ack.extra_headers["X-Inquiry-Reference"] == inquiry.reference


def test_a_reply_from_a_template_must_have_its_placeholders_filled(inquiry, template, st_officer):
    subject, body = services.template_fill(template, inquiry)
    assert subject == "Your inquiry CRM-ST-2004-0001" and body == "Dear Jane Doe, [[answer]]"
    with pytest.raises(ValidationError, match="marcadores"):
        services.inquiry_reply(inquiry=inquiry, by=st_officer, body=body, template_version=template)
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.NEW and inquiry.messages.count() == 2  # request and acknowledgement
    message = services.inquiry_reply(inquiry=inquiry, by=st_officer, body=body.replace("[[answer]]", "Yes."),
                                     subject=subject, template_version=template, at=at(2004, 8, 24, 10))  # fmt: skip
    assert message.template_version == template and template.number == 1
    sent = mail.outbox[-1]
    assert sent.extra_headers["In-Reply-To"] and "[CRM-ST-2004-0001]" in sent.subject
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.ANSWERED and inquiry.assigned_to == st_officer


def test_templates_are_versioned(template, st_officer):
    second = services.template_save(slug="general", by=st_officer, name_es="General", name_en="General",
                                    subject_es="S", subject_en="S", body_es="B", body_en="B")  # fmt: skip
    assert second.number == 2 and template.template.current == second
    with pytest.raises(ValidationError):
        services.template_save(slug="general", by=st_officer, name_es="G", name_en="G", subject_es="S",
                               subject_en="", body_es="B", body_en="B")  # fmt: skip


def test_response_times_count_office_hours_without_holidays_and_pause_while_waiting(inquiry, st_officer):
    # Monday 23 August 2004, 09:00 → Tuesday 10:00: 7 h + 2 h of office time.
    services.inquiry_reply(inquiry=inquiry, by=st_officer, body="Which years?", waiting=True, at=at(2004, 8, 24, 10))
    services.inquiry_add_answer_from_requester(inquiry=inquiry, body="2000-2004", at=at(2004, 8, 26, 9))
    services.inquiry_reply(inquiry=inquiry, by=st_officer, body="Here they are.", at=at(2004, 8, 26, 11))
    inquiry.refresh_from_db()
    times = response_times(inquiry)
    assert times.first_response_hours == 9.0
    assert times.resolution_hours == 11.0  # the 22 office hours spent waiting do not count
    # 15 September (Independence Day) is a public holiday in Costa Rica.
    assert office_hours_between(at(2004, 9, 15, 8), at(2004, 9, 15, 16)) == 0
    figures = inquiry_figures(datetime.date(2004, 8, 1), datetime.date(2004, 8, 31))
    assert figures.received == 1 and figures.answered == 1 and figures.median_first_response_hours == 9.0


def test_assignment_goes_to_secretariat_staff_only(inquiry, st_officer, gt_official):
    with pytest.raises(ValidationError):
        services.inquiry_assign(inquiry=inquiry, by=st_officer, to=gt_official)
    with pytest.raises(PermissionDenied):
        services.inquiry_assign(inquiry=inquiry, by=gt_official, to=st_officer)
    services.inquiry_assign(inquiry=inquiry, by=st_officer, to=st_officer)
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.ASSIGNED


def test_a_hostile_attachment_is_refused_and_nothing_is_saved(crm):
    with pytest.raises(UploadRefused):
        services.inquiry_receive(name="X", email="x@example.org", text="hello there",
                                 attachments=[(io.BytesIO(b"MZ\x90\x00" + b"\x00" * 100), "cv.pdf")])  # fmt: skip
    assert not Inquiry.objects.exists() and mail.outbox == []


def test_erasure_keeps_the_counts_and_drops_the_personal_data(inquiry, st_officer):
    services.inquiry_note_add(inquiry=inquiry, by=st_officer, body="Called Jane")
    services.inquiry_erase(inquiry=inquiry, by=st_officer)
    inquiry.refresh_from_db()
    assert inquiry.name == inquiry.email == inquiry.text == "" and inquiry.is_erased
    assert not inquiry.notes.exists() and not inquiry.messages.exclude(body="").exists()
    assert inquiry_figures(datetime.date(2004, 8, 1), datetime.date(2004, 8, 31)).received == 1


def test_closed_inquiries_are_erased_after_the_retention_period(inquiry, st_officer, settings):
    settings.OUTREACH_INQUIRY_RETENTION_DAYS = 30
    services.inquiry_reply(inquiry=inquiry, by=st_officer, body="Done", at=at(2004, 8, 24))
    services.inquiry_set_status(inquiry=inquiry, by=st_officer, to="closed", at=at(2004, 8, 25))
    assert services.inquiries_erase_expired(now=at(2004, 9, 10)) == 0
    assert services.inquiries_erase_expired(now=at(2004, 10, 10)) == 1


def test_the_inquiry_pages_are_the_secretariats_only(inquiry, client_for, st_officer, gt_official, ppt_official):
    url = reverse("outreach:inquiry", args=[inquiry.pk])
    assert "jane@uoft.example" in client_for(st_officer).get(url).content.decode()
    for user in (gt_official, ppt_official):
        assert client_for(user).get(url).status_code == 403
        assert client_for(user).get(reverse("outreach:inquiries")).status_code == 403


def test_a_reply_through_the_page_with_a_placeholder_left_is_a_form_error(inquiry, template, client_for, st_officer):
    c = client_for(st_officer)
    page = c.get(reverse("outreach:inquiry", args=[inquiry.pk]) + f"?template={template.pk}")
    assert "[[answer]]" in page.content.decode()
    response = c.post(reverse("outreach:inquiry_reply", args=[inquiry.pk]),
                      {"body": "Dear Jane, [[answer]]", "template_version": template.pk})  # fmt: skip
    assert response.status_code == 400 and "[[answer]]" in response.content.decode()
    inquiry.refresh_from_db()
    assert inquiry.first_response_at is None


def test_the_secretariat_records_an_inquiry_received_by_telephone(client_for, st_officer, crm):
    translation.activate("en")  # the pages under /en/, read in English
    url = reverse("outreach:inquiry_new")
    c = client_for(st_officer)
    assert "Record an inquiry" in c.get(reverse("outreach:inquiries")).content.decode()
    assert c.get(url).status_code == 200
    response = c.post(url, {
        "channel": "other", "received_at": "2004-09-14T10:30", "name": "Ana Ruiz", "organization": "Global Rights",
        "email": "", "language": "es", "topic": "ONG", "subject": "El papel de las ONG",
        "message": "Llamó para preguntar por el papel de las ONG en la Conferencia.",
    })  # fmt: skip
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302 and response.url == reverse("outreach:inquiry", kwargs={"pk": inquiry.pk})
    assert inquiry.channel == "other" and inquiry.organization_name == "Global Rights"
    assert inquiry.received_at.date() == datetime.date(2004, 9, 14)
    assert mail.outbox == []  # no address: nobody to acknowledge
    page = c.get(response.url).content.decode()
    assert "Llamó para preguntar" in page and "Entered by" in page


def test_recording_an_inquiry_refuses_bad_input_with_messages(client_for, st_officer, gt_official, crm):
    translation.activate("en")  # the pages under /en/, read in English
    url = reverse("outreach:inquiry_new")
    c = client_for(st_officer)
    base = {"channel": "email", "received_at": "2004-09-14T10:30", "name": "Ana", "language": "es",
            "subject": "Consulta", "message": "Texto de la consulta."}  # fmt: skip
    future = c.post(url, {**base, "received_at": "2999-01-01T10:00"})
    assert future.status_code == 400 and "cannot be in the future" in future.content.decode()
    no_address = c.post(url, {**base, "acknowledge": "on"})
    assert no_address.status_code == 400 and "needs the requester" in no_address.content.decode()
    assert c.post(url, {**base, "received_at": "yesterday"}).status_code == 400
    assert not Inquiry.objects.exists()
    assert client_for(gt_official).get(url).status_code == 403


def test_a_recorded_inquiry_with_an_address_can_be_acknowledged(client_for, st_officer, crm, mailoutbox):
    c = client_for(st_officer)
    c.post(reverse("outreach:inquiry_new"), {
        "channel": "email", "received_at": "2004-08-23T09:00", "name": "Jane Doe", "email": "jane@uoft.example",
        "organization": "University of Toronto", "language": "en", "subject": "Remittances",
        "message": "Do you have data on remittances?", "acknowledge": "on",
    })  # fmt: skip
    inquiry = Inquiry.objects.get()
    assert inquiry.channel == "email"
    assert any(inquiry.reference in m.body and "jane@uoft.example" in m.to for m in mailoutbox)


def test_the_documents_sent_go_in_the_answer_as_public_links(inquiry, paper, client_for, st_officer, settings):
    settings.SITE_URL = "https://crm.example"
    c = client_for(st_officer)
    response = c.post(reverse("outreach:inquiry_reply", args=[inquiry.pk]),
                      {"body": "Here is the paper.", "documents": [paper.pk]})  # fmt: skip
    assert response.status_code == 302
    sent = mail.outbox[-1]
    with translation.override("en"):  # the requester writes in English: the link opens the English page
        link = "https://crm.example" + paper.get_absolute_url()
    assert sent.to == ["jane@uoft.example"] and "Documents sent with this answer" in sent.body
    assert f"- CRM/ST/2004/PRES.1, La Dinámica de las Políticas Migratorias: {link}" in sent.body
    assert list(inquiry.documents.all()) == [paper]
    assert inquiry.messages.filter(direction="out", body__contains=link).exists()


def test_a_document_the_requester_could_not_open_is_a_form_error(inquiry, paper, client_for, st_officer):
    Document.objects.filter(pk=paper.pk).update(access_level="members")
    sent_before = len(mail.outbox)
    with translation.override("en"):
        response = client_for(st_officer).post(reverse("outreach:inquiry_reply", args=[inquiry.pk]),
                                               {"body": "Here is the paper.", "documents": [paper.pk]})  # fmt: skip
    text = response.content.decode()
    assert response.status_code == 400 and "could not open these documents" in text and "CRM/ST/2004/PRES.1" in text
    assert len(mail.outbox) == sent_before and not inquiry.documents.exists()
    paper.refresh_from_db()
    with pytest.raises(ValidationError, match="PRES.1"):
        services.inquiry_reply(inquiry=inquiry, by=st_officer, body="Here.", documents=[paper])
