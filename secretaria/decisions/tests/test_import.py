from django.urls import reverse

from secretaria.activity.models import Activity
from secretaria.decisions import services
from secretaria.decisions.models import Decision
from secretaria.decisions.parsing import pair_texts, parse_declaration

TEXT_ES = """Los Viceministros, reunidos en la Ciudad de Panamá:
1. Aprobar el Plan de Acción de la CRM.
2. Encomendar a la Secretaría Técnica:
a) preparar con la OIM y la Presidencia Pro-Tempore el protocolo del fondo de reserva;
b) organizar un seminario sobre migración y salud,
con el patrocinio de Canadá y México.
3. Convocar las reuniones de las Redes de Funcionarios de Enlace.
"""
TEXT_EN = """The Vice-Ministers, meeting in Panama City:
1. Approve the Plan of Action of the RCM.
2. Entrust the Technical Secretariat with:
a) preparing with IOM and the Pro-Tempore Presidency the protocol of the reserve fund;
b) organising a seminar on migration and health, sponsored by Canada and Mexico.
"""


def test_it_splits_numbered_and_lettered_paragraphs():
    parsed = parse_declaration(TEXT_ES)
    assert [item.key for item in parsed.items] == [(1, ""), (2, ""), (2, "a"), (2, "b"), (3, "")]
    assert parsed.preamble.startswith("Los Viceministros")
    assert (
        parsed.items[3].text == "organizar un seminario sobre migración y salud, con el patrocinio de Canadá y México."
    )


def test_it_pairs_spanish_and_english_by_number_and_reports_mismatches():
    pairing = pair_texts(TEXT_ES, TEXT_EN)
    assert pairing.items[2].text_en.startswith("preparing with IOM")
    assert pairing.missing_en == [(3, "")]
    assert pairing.missing_es == []
    assert pairing.has_mismatches


def test_it_reports_a_number_given_twice():
    assert pair_texts("1. Uno\n1. Otra vez", "1. One").duplicates_es == [(1, "")]


def test_the_secretariat_previews_before_saving(st_officer, ix_crm, client_for):
    c = client_for(st_officer)
    data = {"meeting": ix_crm.pk, "text_es": TEXT_ES, "text_en": TEXT_EN, "access_level": "public", "preview": "1"}
    response = c.post(reverse("decisions:import"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "preparar con la OIM" in page and "preparing with IOM" in page
    assert 'name="confirm"' in page
    assert 'role="alert"' in page  # the mismatch on paragraph 3
    assert Decision.objects.count() == 0

    data["confirm"] = "1"
    response = c.post(reverse("decisions:import"), data)
    assert response.status_code == 302
    assert Decision.objects.filter(meeting=ix_crm).count() == 5
    intro = Decision.objects.get(meeting=ix_crm, number=2, paragraph="")
    assert intro.kind == Decision.Kind.INFORMATIONAL
    assert Decision.objects.get(number=2, paragraph="b").kind == Decision.Kind.OPERATIONAL
    assert Activity.objects.filter(meeting=ix_crm).exists()


def test_importing_again_updates_instead_of_duplicating(st_officer, ix_crm):
    services.decisions_import(meeting=ix_crm, text_es=TEXT_ES, text_en="", by=st_officer)
    services.decisions_import(meeting=ix_crm, text_es=TEXT_ES, text_en=TEXT_EN, by=st_officer)
    assert Decision.objects.count() == 5
    assert Decision.objects.get(number=1, paragraph="").text_en == "Approve the Plan of Action of the RCM."


def test_text_without_numbers_is_a_form_error_not_a_crash(st_officer, ix_crm, client_for):
    response = client_for(st_officer).post(
        reverse("decisions:import"),
        {"meeting": ix_crm.pk, "text_es": "Sin numeración", "access_level": "public", "confirm": "1"},
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert Decision.objects.count() == 0


def test_only_the_secretariat_imports(gt_official, client_for):
    assert client_for(gt_official).get(reverse("decisions:import")).status_code == 403


def test_imported_decisions_are_indexed_for_search(st_officer, ix_crm, search_calls):
    saved = services.decisions_import(meeting=ix_crm, text_es=TEXT_ES, text_en=TEXT_EN, by=st_officer)
    assert [call for call in search_calls if call[0] == "index"] == [("index", "decision", d.pk) for d in saved]
