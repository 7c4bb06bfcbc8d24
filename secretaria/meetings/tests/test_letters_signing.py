"""Letters fit to sign: dated by the Secretariat, addressed from the directory, with a letterhead and the
signatory; shown merged for one recipient with the count before anything is sent; failures say why."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse

from secretaria.directory.models import Person, Post, Term
from secretaria.meetings.models import AgendaItem, AgendaVersion, Letter, LetterRecipient, LetterTemplate
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    # Lines wrap where the page is full: compare words, not line breaks.
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def docx_text(content: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(content))
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    return header + "\n" + "\n".join(p.text for p in document.paragraphs)


@pytest.fixture
def seminar_2004(seminar):
    seminar.start_date, seminar.end_date = D(2004, 10, 18), D(2004, 10, 19)
    seminar.registration_deadline = None
    seminar.save()
    return seminar


@pytest.fixture
def coordinator(crm):
    st = crm["orgs"]["st"]
    st.address, st.phone, st.email = "San José, Costa Rica", "+506 2212 5300", "st@crmsv.example.org"
    st.save()
    monzon = Person.objects.create(given_name="Luis", family_name="Monzón", organization=st, gender="male")
    post = Post.objects.create(
        slug="st-coordinator", title_es="Coordinador de la Secretaría Técnica",
        title_en="Coordinator of the Technical Secretariat", organization=st,
    )  # fmt: skip
    Term.objects.create(post=post, person=monzon, start=D(2004, 7, 26))
    return monzon


@pytest.fixture
def thanks():
    return LetterTemplate.objects.create(
        slug="gracias", kind=LetterTemplate.Kind.THANKS, name="Agradecimiento",
        subject_es="Gracias por su ponencia en el {meeting}", subject_en="Thank you for speaking at the {meeting}",
        body_es="En nombre de {on_behalf_of}, patrocinadores del {meeting}, celebrado en {city} {when}, le "
        "agradecemos su ponencia.",
        body_en="On behalf of {on_behalf_of}, sponsors of the {meeting}, held in {city} {when}, we thank you for "
        "your presentation.",
    )  # fmt: skip


@pytest.fixture
def agenda_speakers(seminar_2004, crm, st_officer):
    """The approved agenda names Ana Ríos (Panama, Spanish, female), Catherine Leblanc (Canada, English,
    no gender in the directory) and a speaker without an e-mail address."""
    rios = Person.objects.create(
        given_name="Ana María",
        family_name="Ríos",
        honorific="Licda.",
        gender="female",
        email="rios@example.org",
        country=crm["countries"]["PA"],
        languages=["es"],
    )
    leblanc = Person.objects.create(
        given_name="Catherine",
        family_name="Leblanc",
        email="cl@example.org",
        country=crm["countries"]["CA"],
        languages=["en"],
    )
    nomail = Person.objects.create(
        given_name="Pedro", family_name="Sinmail", gender="male", country=crm["countries"]["GT"]
    )
    version = AgendaVersion.objects.create(
        meeting=seminar_2004, kind=AgendaVersion.Kind.PRELIMINARY, number=1, state=AgendaVersion.State.APPROVED
    )
    first = AgendaItem.objects.create(version=version, order=1, title_es="Apertura", title_en="Opening")
    first.speakers.set([rios, leblanc])
    second = AgendaItem.objects.create(version=version, order=2, title_es="Panel", title_en="Panel")
    second.speakers.set([nomail, rios])
    # A draft's speakers are not thanked.
    draft = AgendaVersion.objects.create(meeting=seminar_2004, kind=AgendaVersion.Kind.ANNOTATED, number=1)
    AgendaItem.objects.create(version=draft, order=1, title_es="Otro", title_en="Other").speakers.set(
        [Person.objects.create(given_name="No", family_name="Hablante", email="no@example.org")]
    )
    return {"rios": rios, "leblanc": leblanc, "nomail": nomail}


def _send(client, meeting, template, **extra):
    data = {"template": template.pk, "agenda_speakers": "on", "letter_date": "2004-10-27", "on_behalf": "sponsors"}
    data.update(extra)
    return client.post(reverse("meetings:letters", kwargs={"slug": meeting.slug}), data, follow=True)


def test_the_letters_page_shows_the_merged_letter_and_the_count_before_sending(
    seminar_2004, agenda_speakers, thanks, coordinator, st_officer, client_for
):
    client = client_for(st_officer)

    response = _send(client, seminar_2004, thanks)

    page = response.content.decode()
    assert response.status_code == 200
    assert "3 destinatarios." in page and "2 cartas se enviarán por correo electrónico" in page
    assert "Pedro Sinmail" in page and "Hablante" not in page
    # The first recipient (Catherine Leblanc) is shown first, in English.
    assert "Dear colleague," in page and "on 18–19 October 2004" in page and "27 October 2004" in page
    assert "the Governments of Canada and Mexico" in page and "Coordinator of the Technical Secretariat" in page
    assert "Canada" in page.split("letter-addressee")[1][:80]
    assert Letter.objects.count() == 0 and mail.outbox == []

    spanish = _send(client, seminar_2004, thanks, preview_for="1").content.decode()
    assert "Estimada Licda. Ríos:" in spanish
    assert "27 de octubre de 2004" in spanish and "los días 18 y 19 de octubre de 2004" in spanish
    assert "los Gobiernos de Canadá y México" in spanish
    assert "Luis Monzón" in spanish and "Coordinador de la Secretaría Técnica" in spanish


def test_confirming_sends_to_those_with_an_address_and_says_why_the_others_were_not_sent(
    seminar_2004, agenda_speakers, thanks, coordinator, st_officer, client_for, django_capture_on_commit_callbacks
):
    client = client_for(st_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, seminar_2004, thanks, confirm="1")

    letter = Letter.objects.get()
    assert sorted(m.to[0] for m in mail.outbox) == ["cl@example.org", "rios@example.org"]
    assert letter.letter_date == D(2004, 10, 27)
    page = response.content.decode()
    assert "No enviada" in page and "No hay dirección de correo electrónico" in page
    unsent = LetterRecipient.objects.get(person=agenda_speakers["nomail"])
    assert unsent.sent_at is None and unsent.not_sent_reason


def test_the_pdf_and_docx_carry_letterhead_date_salutation_on_behalf_and_signature_in_each_language(
    seminar_2004, agenda_speakers, thanks, coordinator, st_officer, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _send(client_for(st_officer), seminar_2004, thanks, confirm="1")
    es_mail = next(m for m in mail.outbox if m.to == ["rios@example.org"])
    en_mail = next(m for m in mail.outbox if m.to == ["cl@example.org"])
    es_pdf = pdf_text(next(c for n, c, _t in es_mail.attachments if n.endswith(".pdf")))
    en_docx = docx_text(next(c for n, c, _t in en_mail.attachments if n.endswith(".docx")))

    for expected in ["Conferencia Regional sobre Migración", "Secretaría Técnica", "San José, Costa Rica",
                     "San José, Costa Rica, 27 de octubre de 2004", "Estimada Licda. Ríos:",
                     "los Gobiernos de Canadá y México", "los días 18 y 19 de octubre de 2004", "Atentamente,",
                     "Luis Monzón", "Coordinador de la Secretaría Técnica"]:  # fmt: skip
        assert expected in es_pdf, expected
    assert "2004-10-27" not in es_pdf and "Estimado/a" not in es_pdf and " - 19 de octubre" not in es_pdf
    for expected in ["Regional Conference on Migration", "27 October 2004", "Dear colleague,",
                     "the Governments of Canada and Mexico", "on 18–19 October 2004", "Yours sincerely,",
                     "Luis Monzón", "Coordinator of the Technical Secretariat"]:  # fmt: skip
        assert expected in en_docx, expected
    assert "CRM Technical Secretariat\n" not in en_docx
    assert "Estimada Licda. Ríos:" in es_mail.body and "Luis Monzón" in es_mail.body


def test_the_on_behalf_choice_reaches_the_letter_when_the_template_has_no_place_for_it(
    seminar_2004, agenda_speakers, coordinator, st_officer, client_for
):
    plain = LetterTemplate.objects.create(
        slug="aviso", kind=LetterTemplate.Kind.OTHER, name="Aviso", subject_es="Aviso", subject_en="Notice",
        body_es="Le informamos del {meeting}.", body_en="We inform you of the {meeting}.",
    )  # fmt: skip
    client = client_for(st_officer)
    today = datetime.date.today().isoformat()
    page = _send(client, seminar_2004, plain, on_behalf="ppt", letter_date=today, preview_for="1").content.decode()
    assert "En nombre de la Presidencia Pro-Tempore de Panamá" in page
    # In October 2004 the test directory has no presidency: the choice is refused, not left out.
    refused = _send(client, seminar_2004, plain, on_behalf="ppt").content.decode()
    assert "No hay Presidencia Pro-Tempore en la fecha de la carta" in refused


def test_a_letter_dated_before_the_coordinator_took_office_is_signed_by_the_secretariat_and_the_preview_warns(
    seminar_2004, agenda_speakers, thanks, coordinator, st_officer, client_for
):
    page = _send(client_for(st_officer), seminar_2004, thanks, letter_date="2004-06-15").content.decode()
    assert "Luis Monzón" not in page
    assert "Nadie ocupa el cargo que firma" in page


def test_a_template_on_someones_behalf_needs_the_choice(seminar_2004, agenda_speakers, thanks, st_officer, client_for):
    response = _send(client_for(st_officer), seminar_2004, thanks, on_behalf="")
    assert response.status_code == 200
    assert "elija en nombre de quién" in response.content.decode()
    assert Letter.objects.count() == 0


def test_only_the_secretariat_previews_letters(seminar_2004, thanks, gt_official, client_for):
    assert _send(client_for(gt_official), seminar_2004, thanks).status_code == 403


def test_a_failed_delivery_keeps_the_mail_servers_reason(
    seminar_2004, agenda_speakers, thanks, coordinator, st_officer, client_for, monkeypatch,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    import smtplib

    from django.core.mail import EmailMultiAlternatives

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"rios@example.org": (550, b"mailbox unavailable")})

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        _send(client_for(st_officer), seminar_2004, thanks, confirm="1")
    letter = Letter.objects.get()
    page = (
        client_for(st_officer)
        .get(reverse("meetings:letter_detail", kwargs={"slug": seminar_2004.slug, "pk": letter.pk}))
        .content.decode()
    )
    assert "El servidor de correo la rechazó" in page and "mailbox unavailable" in page


def test_salutations_follow_title_and_gender_with_a_neutral_fallback(crm):
    from secretaria.directory.letters import salutation

    ana = Person(given_name="Ana", family_name="Ríos", honorific="Dra.", gender="female")
    luis = Person(given_name="Luis", family_name="Monzón", gender="male")
    sr = Person(given_name="José", family_name="Pires", honorific="Sr.")
    nobody = Person(given_name="Alex", family_name="Lee")
    assert salutation(ana, "es") == "Estimada Dra. Ríos:" and salutation(ana, "en") == "Dear Dr Ríos,"
    assert salutation(luis, "es") == "Estimado señor Monzón:" and salutation(luis, "en") == "Dear Mr Monzón,"
    assert salutation(sr, "es") == "Estimado Sr. Pires:" and salutation(sr, "en") == "Dear Mr Pires,"
    assert salutation(nobody, "es") == "Cordial saludo:" and salutation(nobody, "en") == "Dear colleague,"
    gt = crm["countries"]["GT"]
    assert salutation(None, "es", delegation=gt) == "Estimada delegación de Guatemala:"


def test_thanking_the_agenda_speakers_without_an_approved_agenda_says_so(seminar_2004, thanks, st_officer, client_for):
    page = _send(client_for(st_officer), seminar_2004, thanks).content.decode()
    assert "La reunión aún no tiene una agenda aprobada con ponentes." in page
    assert Letter.objects.count() == 0
