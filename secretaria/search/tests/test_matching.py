"""What a search finds: accents, case, stemming, phrases, prefixes, exclusions, garbage."""

import pytest
from django.utils import translation

from secretaria.search.query import PHRASE, PREFIX, WORD, parse_query
from secretaria.search.selectors import search


def found(q, user=None, **kwargs) -> set[str]:
    return {hit.title for hit in search(user=user, q=q, per_page=100, **kwargs).hits}


@pytest.fixture
def archive(notes):
    notes.add(title_es="Carta sobre la migración regional", body="Seguimiento de los compromisos de la IX CRM.")
    notes.add(title_es="INFORME DE MIGRACION LABORAL", body="Trabajadores temporales en la región.")
    notes.add(title_es="Seminario de salud", body="Los migrantes y el acceso a la salud pública.")
    notes.add(title_en="Assisted return programme", body="The returns of nationals were coordinated by consulates.")
    notes.add(title_es="Nota para la OEA", body="La política migratoria regional y los derechos humanos.")
    notes.add(title_es="Presentación", body="Migratoria la política no es, dijo el relator.")
    notes.add(title_es="Agenda anotada", keywords="CRM/ST/2004/12", body="Orden del día de la reunión del GRCM.")
    return notes


def test_it_finds_accented_text_from_an_unaccented_word(archive):
    assert "Carta sobre la migración regional" in found("migracion")


def test_it_finds_unaccented_text_from_an_accented_capitalised_word(archive):
    assert "INFORME DE MIGRACION LABORAL" in found("MIGRACIÓN")
    assert found("MIGRACIÓN") == found("migracion") == found("Migración")


def test_text_with_its_accents_apart_is_found_as_usual(notes):
    # Text pasted from some PDFs and Mac files is decomposed: "o" + a combining accent.
    notes.add(title_es="Informe de migracio\u0301n", body="Las poblaciones migrantes de la regio\u0301n.")
    assert found("migración") == found("migracion") == {"Informe de migracio\u0301n"}
    assert found("región") == found('"poblaciones migrantes de la region"') == {"Informe de migracio\u0301n"}
    assert found("migrante") == {"Informe de migracio\u0301n"}


def test_it_stems_spanish_words(archive):
    assert "Seminario de salud" in found("migrante")
    assert "Seminario de salud" in found("MIGRANTES")


def test_it_stems_english_words(archive):
    assert "Assisted return programme" in found("returns")
    assert "Assisted return programme" in found("returning")


def test_a_quoted_phrase_needs_the_words_in_order(archive):
    titles = found('"política migratoria"')
    assert "Nota para la OEA" in titles
    assert "Presentación" not in titles
    # Accents and case do not matter inside a phrase either.
    assert "Nota para la OEA" in found('"POLITICA MIGRATORIA"')


def test_a_reference_symbol_is_found_as_a_phrase(archive):
    assert found("CRM/ST/2004/12") == {"Agenda anotada"}


def test_a_prefix_finds_every_word_that_starts_with_it(archive):
    titles = found("migra*")
    assert {"Carta sobre la migración regional", "Seminario de salud", "Nota para la OEA"} <= titles
    assert "Assisted return programme" not in titles


def test_or_finds_either_word_and_minus_excludes(archive):
    assert found("salud OR returns") == {"Seminario de salud", "Assisted return programme"}
    titles = found("migracion -laboral")
    assert "Carta sobre la migración regional" in titles
    assert "INFORME DE MIGRACION LABORAL" not in titles


@pytest.mark.parametrize(
    "q",
    ['"', "NEAR", "NEAR(migracion salud)", "-", "*", "()", "(((", 'migra"', "AND OR NOT", '"sin cerrar',
     ":", "{title}: migracion", "title:migracion", "'; DROP TABLE search_fts; --", "^", "migracion*)", "a*",
     "-migracion", "OR", "\x00", "🙂", "meta : apublic", "x" * 2000, "+", "migra ** ción"],
)  # fmt: skip
def test_garbage_never_breaks_the_search(archive, q):
    results = search(user=None, q=q)
    assert results.total >= 0
    if not results.total:
        assert results.message


def test_an_empty_query_explains_itself(archive):
    results = search(user=None, q="   ")
    assert results.total == 0 and results.hits == []
    assert "Escriba una o más palabras" in results.message  # Spanish, the default language
    with translation.override("en"):
        assert "Type one or more words" in search(user=None, q="   ").message


def test_only_exclusions_is_not_a_query(archive):
    results = search(user=None, q="-migracion")
    assert results.total == 0 and results.message


def test_the_parser_keeps_the_kinds_of_terms_apart():
    parsed = parse_query('Migración "política  migratoria" migra* -borrador salud OR health')
    kinds = [[t.kind for t in group] for group in parsed.groups]
    assert kinds == [[WORD], [PHRASE], [PREFIX], [WORD, WORD]]
    assert parsed.groups[0][0].words == ("migracion",)
    assert parsed.groups[1][0].words == ("politica", "migratoria")
    assert [t.words for t in parsed.excluded] == [("borrador",)]


def test_meta_tokens_cannot_be_searched_for(archive):
    assert found("apublic") == set()


# --- Each language's own stemmer (docs/decisions/0006-search-stemming-per-language.md) ---


@pytest.fixture
def bilingual(notes):
    notes.add(title_es="Discusión regional", body_es="Los países van a participar.")
    notes.add(title_en="Several delegations", body_en="The delegations attended in Panama.")
    notes.add(title_en="Canada's statement", body_en="Canada spoke on the costs of return.")
    return notes


@pytest.mark.parametrize("word", ["regionales", "REGIONAL", "discusiones", "participantes", "participa"])
def test_spanish_text_is_stemmed_as_spanish(bilingual, word):
    # The English stemmer chained before the Spanish one split these: "regional" -> "region"
    # but "regionales" -> "regional".
    assert "Discusión regional" in found(word)


def test_english_text_is_stemmed_as_english(bilingual):
    assert "Several delegations" in found("several")
    assert "Several delegations" in found("delegation")
    # The Spanish stemmer after the English one made "several" and "seven" one stem ("sev"),
    # and "Canada" the stem of "can".
    assert "Several delegations" not in found("seven")
    assert "Canada's statement" not in found("can")
    assert "Canada's statement" in found("canada")


def test_a_word_is_looked_for_in_both_languages_whatever_the_interface(bilingual):
    with translation.override("en"):
        assert "Discusión regional" in found("regionales")
    with translation.override("es"):
        assert "Several delegations" in found("delegations")


def test_text_of_no_declared_language_is_stemmed_in_both(notes):
    notes.add(title_es="Foro", body="Las discusiones regionales and the returns of nationals.")
    assert "Foro" in found("regional")
    assert "Foro" in found("returning")


def test_the_snippet_marks_words_by_the_stem_of_their_language(notes):
    notes.add(title_en="Note", body_en="Several meetings were held; seven countries attended.")
    hit = search(user=None, q="seven").hits[0]
    assert "<mark>seven</mark>" in hit.snippet
    assert "<mark>Several</mark>" not in hit.snippet
