"""Letters from bilingual templates merged per recipient, as PDF and DOCX, sent, logged and resent; mailings."""

import io

import pytest
from django.core import mail
from django.urls import reverse

from secretaria.activity.models import Activity
from secretaria.directory.models import Person
from secretaria.meetings import services as svc
from secretaria.meetings.letters import merge
from secretaria.meetings.models import Invitation, InviteeCategory, Letter, LetterRecipient, LetterTemplate, Mailing
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def thanks():
    return LetterTemplate.objects.create(
        slug="gracias", kind=LetterTemplate.Kind.THANKS, name="Agradecimiento",
        subject_es="Gracias por su ponencia en el {meeting}", subject_en="Thank you for speaking at the {meeting}",
        body_es="En nombre de {sponsors}, gracias por su ponencia en {city} ({dates}).",
        body_en="On behalf of {sponsors}, thank you for speaking in {city} ({dates}).",
    )  # fmt: skip


@pytest.fixture
def speakers(seminar, st_officer, crm):
    people = [
        Person.objects.create(given_name="Marta", family_name="Castillo", email="marta@example.org",
                              country=crm["countries"]["GT"]),
        Person.objects.create(given_name="Catherine", family_name="Leblanc", email="cl@example.org",
                              country=crm["countries"]["CA"]),
    ]  # fmt: skip
    svc.invitations_create(meeting=seminar, by=st_officer, people=people, category=InviteeCategory.SPEAKER)
    for person in people:
        svc.invitation_accept(invitation=Invitation.objects.get(person=person))
    mail.outbox.clear()
    return people


def test_the_thank_you_letters_are_merged_in_each_speakers_language_and_sent_with_pdf_and_docx(
    seminar, speakers, thanks, st_officer, django_capture_on_commit_callbacks
):
    from secretaria.meetings.selectors.participants import participants_in_categories

    with django_capture_on_commit_callbacks(execute=True):
        letter = svc.letter_send(
            meeting=seminar, template=thanks, by=st_officer, on_behalf_of="Canadá y México",
            addressees=svc.addressees_of(participants_in_categories(seminar, ["speaker"])),
        )  # fmt: skip

    es = LetterRecipient.objects.get(letter=letter, email="marta@example.org")
    en = LetterRecipient.objects.get(letter=letter, email="cl@example.org")
    assert es.subject == "Gracias por su ponencia en el Seminario «Migración y Salud»"
    assert es.salutation == "Cordial saludo:" and "Estimado/a" not in es.body  # no gender in the directory
    assert "Canadá y México" in es.body and "Ciudad de Guatemala" in es.body
    assert en.language == "en" and "On behalf of Canada and Mexico" in en.body
    assert len(mail.outbox) == 2
    message = next(m for m in mail.outbox if m.to == ["marta@example.org"])
    names = sorted(name for name, _content, _type in message.attachments)
    assert names[0].endswith(".docx") and names[1].endswith(".pdf")
    assert Activity.objects.get(kind=Activity.Kind.LETTER_SENT, meeting=seminar).actor == st_officer
    es.refresh_from_db()
    assert es.send_count == 1 and es.sent_at is not None


def test_a_letter_renders_as_pdf_and_docx(seminar, speakers, thanks, st_officer, client_for):
    from docx import Document

    letter = svc.letter_send(meeting=seminar, template=thanks, by=st_officer,
                             addressees=svc.addressees_of(seminar.registrations.all()))  # fmt: skip
    recipient = letter.recipients.get(email="marta@example.org")
    client = client_for(st_officer)
    kwargs = {"slug": seminar.slug, "pk": letter.pk, "rpk": recipient.pk}

    pdf = client.get(reverse("meetings:letter_file", kwargs={**kwargs, "fmt": "pdf"}))
    docx = client.get(reverse("meetings:letter_file", kwargs={**kwargs, "fmt": "docx"}))

    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Marta Castillo" in text and "Migración y Salud" in text


def test_a_kept_letter_can_be_sent_again(seminar, speakers, thanks, st_officer, client_for,
                                         django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        letter = svc.letter_send(meeting=seminar, template=thanks, by=st_officer,
                                 addressees=svc.addressees_of(seminar.registrations.all()))  # fmt: skip
    recipient = letter.recipients.get(email="marta@example.org")
    mail.outbox.clear()
    url = reverse("meetings:letter_resend", kwargs={"slug": seminar.slug, "pk": letter.pk, "rpk": recipient.pk})

    assert client_for(st_officer).post(url).status_code == 302

    assert [m.to for m in mail.outbox] == [["marta@example.org"]]
    recipient.refresh_from_db()
    assert recipient.send_count == 2


def test_the_letters_page_sends_to_a_category_and_lists_what_was_sent(seminar, speakers, thanks, st_officer,
                                                                      client_for):  # fmt: skip
    client = client_for(st_officer)
    url = reverse("meetings:letters", kwargs={"slug": seminar.slug})
    data = {"template": thanks.pk, "categories": ["speaker"], "letter_date": "2026-01-15", "on_behalf": "other",
            "on_behalf_es": "Canadá y México", "on_behalf_en": "Canada and Mexico"}  # fmt: skip
    assert client.post(url, data).status_code == 200  # the preview
    assert not Letter.objects.exists()
    response = client.post(url, {**data, "confirm": "1"}, follow=True)
    assert response.status_code == 200
    letter = Letter.objects.get()
    assert letter.recipients.count() == 2 and letter.signed_on_behalf_of == "Canadá y México"
    assert "Marta Castillo" in response.content.decode()
    assert "Agradecimiento" in client.get(url).content.decode()


def test_letters_are_the_secretariats(seminar, thanks, gt_official, client_for):
    url = reverse("meetings:letters", kwargs={"slug": seminar.slug})
    assert client_for(gt_official).get(url).status_code == 403


def test_unknown_placeholders_and_stray_braces_do_not_break_a_letter():
    assert merge("Hola {name} {unknown} {", {"name": "Ana"}) == "Hola Ana {unknown} {"


def test_e_mail_to_participants_by_category_is_merged_and_logged(seminar, speakers, st_officer, client_for):
    url = reverse("meetings:mailing", kwargs={"slug": seminar.slug})
    response = client_for(st_officer).post(url, {
        "categories": ["speaker"], "subject_es": "Logística del {meeting}", "body_es": "Hola {name}",
        "subject_en": "Logistics of the {meeting}", "body_en": "Hello {name}",
    })  # fmt: skip

    assert response.status_code == 302
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert bodies == {"marta@example.org": "Hola Marta Castillo", "cl@example.org": "Hello Catherine Leblanc"}
    mailing = Mailing.objects.get()
    assert len(mailing.recipients) == 2
    assert Activity.objects.filter(kind=Activity.Kind.EMAIL_SENT, meeting=seminar).exists()


def test_a_mailing_to_an_empty_category_is_a_form_error(seminar, speakers, st_officer, client_for):
    url = reverse("meetings:mailing", kwargs={"slug": seminar.slug})
    response = client_for(st_officer).post(url, {"categories": ["interpreter"], "subject_es": "x", "body_es": "y"})
    assert response.status_code == 200 and "form-errors" in response.content.decode()
    assert not Mailing.objects.exists()
