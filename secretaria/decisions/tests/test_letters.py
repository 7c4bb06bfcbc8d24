import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document

from secretaria.activity.models import Activity
from secretaria.decisions import letters, services
from secretaria.decisions.models import FollowUpLetter, PartyStatus, ProgressNote


def test_one_letter_per_responsible_member_country_in_its_language(parties, ix_crm, st_officer):
    prepared = {letter.country.iso2: letter for letter in services.letters_prepare(meeting=ix_crm, by=st_officer)}
    assert set(prepared) == {"GT", "HN", "CA"}
    assert prepared["GT"].language == "es"
    assert prepared["CA"].language == "en"


def test_the_letter_lists_only_the_countrys_open_commitments(parties, ix_crm, st_officer, gt_official):
    services.party_update(party=parties["GT"], by=gt_official, status=PartyStatus.DONE, text="Hecho")
    gt = services.letter_prepare(meeting=ix_crm, country=parties["GT"].country, by=st_officer)
    hn = services.letter_prepare(meeting=ix_crm, country=parties["HN"].country, by=st_officer)
    assert gt.items == []
    assert [item["party_id"] for item in hn.items] == [parties["HN"].pk]
    assert "no tiene compromisos abiertos" in letters.letter_content(gt).body


def test_the_spanish_and_english_letters_come_from_their_templates(parties, ix_crm, st_officer):
    hn = services.letter_prepare(
        meeting=ix_crm, country=parties["HN"].country, by=st_officer, letter_date=datetime.date(2004, 7, 6)
    )
    ca = services.letter_prepare(
        meeting=ix_crm, country=parties["CA"].country, by=st_officer, letter_date=datetime.date(2004, 7, 6)
    )
    es = letters.letter_content(hn)
    en = letters.letter_content(ca)
    assert "Asunto: Seguimiento de las decisiones de la IX Conferencia Regional sobre Migración" in es.text
    assert "Informar sobre la preparación del seminario." in es.body
    assert "Subject: Follow-up of the decisions of the Ninth Regional Conference on Migration" in en.text
    assert "Report on the preparation of the seminar." in en.body
    assert ("item", next(text for kind, text in en.blocks() if kind == "item")) in en.blocks()


def test_the_letter_renders_as_pdf_and_docx(parties, ix_crm, st_officer):
    letter = services.letter_prepare(meeting=ix_crm, country=parties["HN"].country, by=st_officer)
    pdf = letters.render_pdf(letter)
    assert pdf.startswith(b"%PDF")
    document = Document(io.BytesIO(letters.render_docx(letter)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Informar sobre la preparación del seminario." in text
    assert "Secretaría Técnica" in text


def test_sending_emails_the_focal_points_with_attachments_and_logs_a_milestone(
    parties, ix_crm, st_officer, focal_points, client_for
):
    letter = services.letter_prepare(meeting=ix_crm, country=parties["GT"].country, by=st_officer)
    c = client_for(st_officer)
    response = c.post(reverse("decisions:letter_send", args=[letter.pk]), {"send_at": ""})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["focal-gt@example.org"]
    assert "Seguimiento de las decisiones" in message.subject
    assert sorted(name.rsplit(".", 1)[1] for name, _content, _type in message.attachments) == ["docx", "pdf"]
    letter.refresh_from_db()
    assert letter.status == FollowUpLetter.Status.SENT
    note = ProgressNote.objects.get(party=parties["GT"], kind=ProgressNote.Kind.LETTER)
    assert note.letter == letter
    assert Activity.objects.filter(kind=Activity.Kind.FOLLOW_UP_SENT, meeting=ix_crm).count() == 1
    detail = c.get(reverse("decisions:detail", args=[parties["GT"].commitment.decision_id])).content.decode()
    assert "Follow-up letter" in detail or "Carta de seguimiento" in detail


def test_a_country_without_focal_point_is_reported_not_silently_skipped(parties, ix_crm, st_officer):
    letter = services.letter_prepare(meeting=ix_crm, country=parties["HN"].country, by=st_officer)
    services.letter_send(letter=letter, by=st_officer)
    letter.refresh_from_db()
    assert letter.status == FollowUpLetter.Status.FAILED
    assert mail.outbox == []


def test_a_letter_can_be_scheduled_on_a_date(parties, ix_crm, st_officer, focal_points, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default", "email"]}
    }
    from django_tasks import default_task_backend

    letter = services.letter_prepare(meeting=ix_crm, country=parties["GT"].country, by=st_officer)
    when = timezone.now() + datetime.timedelta(days=2)
    services.letter_send(letter=letter, by=st_officer, run_after=when)
    letter.refresh_from_db()
    assert letter.status == FollowUpLetter.Status.SCHEDULED and letter.scheduled_for == when
    (result,) = default_task_backend.results
    assert result.task.run_after == when
    assert result.kwargs == {"letter_id": letter.pk}
    assert mail.outbox == []


def test_scheduling_with_a_worker_that_cannot_defer_is_refused(parties, ix_crm, st_officer):
    letter = services.letter_prepare(meeting=ix_crm, country=parties["GT"].country, by=st_officer)
    with pytest.raises(ValidationError):
        services.letter_send(letter=letter, by=st_officer, run_after=timezone.now() + datetime.timedelta(days=1))


def test_the_letters_page_prepares_and_offers_the_files(parties, ix_crm, st_officer, client_for):
    c = client_for(st_officer)
    url = reverse("decisions:letters", args=[ix_crm.slug])
    assert c.post(url, {"letter_date": "2004-07-06"}).status_code == 302
    letter = FollowUpLetter.objects.get(country__iso2="CA")
    page = c.get(url).content.decode()
    assert reverse("decisions:letter_download", args=[letter.pk, "pdf"]) in page
    response = c.get(reverse("decisions:letter_download", args=[letter.pk, "docx"]))
    assert response["Content-Disposition"].endswith('ix-crm-2004-ca.docx"')


def test_only_the_secretariat_handles_letters(ix_crm, gt_official, client_for):
    assert client_for(gt_official).get(reverse("decisions:letters", args=[ix_crm.slug])).status_code == 403


def test_a_past_date_to_send_is_refused_with_a_message(parties, ix_crm, st_officer, client_for):
    letter = services.letter_prepare(meeting=ix_crm, country=parties["GT"].country, by=st_officer)
    response = client_for(st_officer).post(
        reverse("decisions:letter_send", args=[letter.pk]), {"send_at": "2004-07-06T09:00"}, follow=True
    )
    assert response.status_code == 200
    letter.refresh_from_db()
    assert letter.status == FollowUpLetter.Status.DRAFT
