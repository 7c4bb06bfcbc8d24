"""Follow-up letters sent honestly and fit to sign: all at once after a preview, skipping what has
nothing to say, each unsent letter with its reason; dated, addressed and signed from the directory."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse

from secretaria.decisions import letters, services
from secretaria.decisions.models import FollowUpLetter, PartyStatus
from secretaria.directory.models import Person, Post, Term

D = datetime.date


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


@pytest.fixture
def coordinator(crm):
    st = crm["orgs"]["st"]
    st.address = "San José, Costa Rica"
    st.save()
    monzon = Person.objects.create(given_name="Luis", family_name="Monzón", organization=st, gender="male")
    post = Post.objects.create(slug="st-coordinator", title_es="Coordinador de la Secretaría Técnica",
                               title_en="Coordinator of the Technical Secretariat", organization=st)  # fmt: skip
    Term.objects.create(post=post, person=monzon, start=D(2004, 7, 26))
    return monzon


@pytest.fixture
def gt_done(parties, gt_official):
    """Guatemala has reported its commitment done: nothing left to follow up."""
    services.party_update(party=parties["GT"], by=gt_official, status=PartyStatus.DONE, text="Hecho")
    return parties


def test_preparing_skips_the_countries_with_nothing_open_and_says_so(gt_done, ix_crm, st_officer, client_for):
    client = client_for(st_officer)
    response = client.post(reverse("decisions:letters", args=[ix_crm.slug]), {"letter_date": "2004-07-06"},
                           follow=True)  # fmt: skip
    page = response.content.decode()
    assert set(FollowUpLetter.objects.values_list("country__iso2", flat=True)) == {"HN", "CA"}
    assert "Ninguna carta para Guatemala: todos sus compromisos sobre estas decisiones están cerrados." in page


def test_send_all_shows_the_count_and_one_letter_then_sends_skipping_with_reasons(
    gt_done, ix_crm, st_officer, focal_points, client_for
):
    client = client_for(st_officer)
    for country in ("GT", "HN", "CA"):  # Guatemala's letter was prepared before it reported
        services.letter_prepare(meeting=ix_crm, country=gt_done[country].country, by=st_officer,
                                letter_date=D(2004, 7, 6))  # fmt: skip

    preview = client.get(reverse("decisions:letters_send_preview", args=[ix_crm.slug])).content.decode()
    assert "1 carta se enviará por correo electrónico" in preview
    assert "Omitidas, nada que dar seguimiento (ningún compromiso abierto): Guatemala." in preview
    assert "ningún punto focal con dirección de correo electrónico en el directorio: Honduras." in preview
    assert "focal-ca@example.org" in preview
    assert "Dear Ms Focal," not in preview and "6 July 2004" in preview  # Canada's letter, in English
    assert mail.outbox == []
    spanish = client.get(
        reverse("decisions:letters_send_preview", args=[ix_crm.slug]),
        {"show": FollowUpLetter.objects.get(country__iso2="HN").pk},
    ).content.decode()
    assert "6 de julio de 2004" in spanish and "Estimada delegación de Honduras:" in spanish

    response = client.post(reverse("decisions:letters_send_all", args=[ix_crm.slug]), follow=True)
    assert [m.to for m in mail.outbox] == [["focal-ca@example.org"]]
    statuses = dict(FollowUpLetter.objects.values_list("country__iso2", "status"))
    assert statuses == {"GT": "skipped", "HN": "failed", "CA": "sent"}
    page = response.content.decode()
    assert "No enviada: nada que informar" in page
    assert "Guatemala no tiene ningún compromiso abierto sobre estas decisiones" in page
    assert "Ningún punto focal de Honduras tiene dirección de correo electrónico en el directorio." in page


def test_a_single_letter_with_nothing_open_is_not_sent_and_says_why(gt_done, ix_crm, st_officer, focal_points,
                                                                    client_for):  # fmt: skip
    letter = services.letter_prepare(meeting=ix_crm, country=gt_done["GT"].country, by=st_officer)
    response = client_for(st_officer).post(reverse("decisions:letter_send", args=[letter.pk]), {"send_at": ""},
                                           follow=True)  # fmt: skip
    assert mail.outbox == []
    letter.refresh_from_db()
    assert letter.status == FollowUpLetter.Status.SKIPPED
    assert "Carta a Guatemala no enviada: Guatemala no tiene ningún compromiso abierto" in response.content.decode()


def test_a_letter_no_longer_shows_queued_then_not_sent_without_a_reason(parties, ix_crm, st_officer, client_for):
    letter = services.letter_prepare(meeting=ix_crm, country=parties["HN"].country, by=st_officer)
    client_for(st_officer).post(reverse("decisions:letter_send", args=[letter.pk]), {"send_at": ""})
    page = client_for(st_officer).get(reverse("decisions:letters", args=[ix_crm.slug])).content.decode()
    assert "No enviada" in page
    assert "Ningún punto focal de Honduras tiene dirección de correo electrónico en el directorio." in page


def test_the_follow_up_letter_is_dated_addressed_and_signed_in_each_language(
    parties, ix_crm, st_officer, focal_points, coordinator
):
    es = services.letter_prepare(meeting=ix_crm, country=parties["GT"].country, by=st_officer,
                                 letter_date=D(2004, 7, 30))  # fmt: skip
    en = services.letter_prepare(meeting=ix_crm, country=parties["CA"].country, by=st_officer,
                                 letter_date=D(2004, 7, 30))  # fmt: skip
    es_pdf, en_pdf = pdf_text(letters.render_pdf(es)), pdf_text(letters.render_pdf(en))
    for expected in ["Conferencia Regional sobre Migración", "San José, Costa Rica, 30 de julio de 2004",
                     "Gabriela Focal", "Puntos focales de Guatemala", "Asunto: Seguimiento de las decisiones",
                     "(Panamá, 20 y 21 de mayo de 2004)", "Atentamente,", "Luis Monzón",
                     "Coordinador de la Secretaría Técnica"]:  # fmt: skip
        assert expected in es_pdf, expected
    assert "2004-07-30" not in es_pdf
    for expected in ["Regional Conference on Migration", "30 July 2004", "(Panamá, 20-21 May 2004)",
                     "Yours sincerely,", "Luis Monzón", "Coordinator of the Technical Secretariat"]:  # fmt: skip
        assert expected in en_pdf, expected
    content = letters.letter_content(es)
    assert "Estimada delegación de Guatemala:" in content.text
    assert "Luis Monzón" in content.email_body


def test_the_send_all_check_makes_as_many_queries_for_three_letters_as_for_one(
    gt_done, ix_crm, st_officer, focal_points, client_for, count_queries
):
    client = client_for(st_officer)
    url = reverse("decisions:letters_send_preview", args=[ix_crm.slug])
    services.letter_prepare(meeting=ix_crm, country=gt_done["HN"].country, by=st_officer, letter_date=D(2004, 7, 6))
    client.get(url)  # warm the session and caches
    one = count_queries(lambda: client.get(url))
    for country in ("GT", "CA"):
        services.letter_prepare(meeting=ix_crm, country=gt_done[country].country, by=st_officer,
                                letter_date=D(2004, 7, 6))  # fmt: skip
    assert count_queries(lambda: client.get(url)) == one
