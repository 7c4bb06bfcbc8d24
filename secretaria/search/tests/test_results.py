"""Filters, ranking, sorting, snippets, pagination and facets."""

import datetime

import pytest
from django.utils import translation

from secretaria.search.backends import SearchFilters
from secretaria.search.selectors import search, search_facets


def titles(q, user=None, **kwargs) -> list[str]:
    return [hit.title for hit in search(user=user, q=q, per_page=100, **kwargs).hits]


@pytest.fixture
def varied(notes, events):
    notes.add(
        title_es="Carta de seguimiento",
        body="Frontera sur.",
        doc_type="letter",
        date=datetime.date(2004, 7, 6),
        country="CR",
        languages=["es"],
        status="published",
        group_id=1,
        meeting_id=9,
    )
    notes.add(
        title_es="Informe anual",
        body="Frontera norte.",
        doc_type="report",
        date=datetime.date(2005, 3, 1),
        country="MX",
        languages=["es", "en"],
        status="withdrawn",
        group_id=2,
        meeting_id=10,
    )
    notes.add(
        title_es="Agenda provisional",
        body="Frontera y salud.",
        doc_type="agenda",
        date=datetime.date(2003, 11, 20),
        country="CR",
        languages=["en"],
        status="published",
    )
    events.add(
        title_es="Seminario en la frontera", body="Reunión.", doc_type="seminar", date=datetime.date(2004, 5, 10)
    )
    return notes  # fmt: skip


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (SearchFilters(kind="event"), {"Seminario en la frontera"}),
        (SearchFilters(kind="note"), {"Carta de seguimiento", "Informe anual", "Agenda provisional"}),
        (SearchFilters(doc_type="report"), {"Informe anual"}),
        (SearchFilters(year=2004), {"Carta de seguimiento", "Seminario en la frontera"}),
        (SearchFilters(meeting_id=9), {"Carta de seguimiento"}),
        (SearchFilters(group_id=2), {"Informe anual"}),
        (SearchFilters(country="CR"), {"Carta de seguimiento", "Agenda provisional"}),
        (SearchFilters(language="en"), {"Informe anual", "Agenda provisional"}),
        (SearchFilters(status="withdrawn"), {"Informe anual"}),
        (SearchFilters(country="CR", language="en"), {"Agenda provisional"}),
        (SearchFilters(doc_type="nothing-like-this"), set()),
    ],
)
def test_each_filter_narrows_the_hits(varied, filters, expected):
    assert set(titles("frontera", filters=filters)) == expected


def test_a_title_hit_ranks_before_a_body_hit(notes):
    notes.add(title_es="Informe general", body="Menciona de paso la protección consular una vez entre otras cosas.")
    notes.add(title_es="Protección consular", body="Texto sobre otra cosa.")
    assert titles("protección") == ["Protección consular", "Informe general"]


def test_sort_by_date_puts_the_newest_first(varied):
    assert titles("frontera", sort="date") == [
        "Informe anual",
        "Carta de seguimiento",
        "Seminario en la frontera",
        "Agenda provisional",
    ]


def test_the_snippet_marks_the_matched_words_and_escapes_html(notes):
    notes.add(title_es="Nota", body='Antes <script>alert("x")</script> de la Migración & los MIGRANTES en la región.')
    hit = search(user=None, q="migracion migrante").hits[0]
    assert "<mark>Migración</mark>" in hit.snippet
    assert "<mark>MIGRANTES</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet and "&amp;" in hit.snippet


def test_the_snippet_prefers_the_summary_in_the_viewers_language(notes):
    notes.add(title_es="Nota", summary_es="Resumen sobre la salud.", summary_en="Summary about health.", body="salud")
    assert "<mark>salud</mark>" in search(user=None, q="salud").hits[0].snippet
    assert search(user=None, q="salud").hits[0].snippet.startswith("Resumen")


def test_a_long_body_is_cut_around_the_first_match(notes):
    notes.add(title_es="Largo", body="palabra " * 300 + "cooperación consular " + "relleno " * 300)
    snippet = search(user=None, q="cooperacion").hits[0].snippet
    assert "<mark>cooperación</mark>" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) < 400


def test_results_come_in_pages(notes):
    for n in range(25):
        notes.add(
            title_es=f"Acta {n:02d}",
            body="Acta de la reunión.",
            date=datetime.date(2004, 1, 1) + datetime.timedelta(days=n),
        )
    first = search(user=None, q="acta", sort="date", page=1, per_page=10)
    third = search(user=None, q="acta", sort="date", page=3, per_page=10)
    assert first.total == third.total == 25
    assert first.num_pages == 3 and first.has_next and not first.has_previous
    assert [h.title for h in first.hits][:2] == ["Acta 24", "Acta 23"]
    assert [h.title for h in third.hits] == [f"Acta {n:02d}" for n in range(4, -1, -1)]
    assert search(user=None, q="acta", page=9, per_page=10).hits == []
    seen = {h.title for p in (1, 2, 3) for h in search(user=None, q="acta", page=p, per_page=10).hits}
    assert len(seen) == 25


def test_facets_count_the_hits_by_value(varied):
    results = search(user=None, q="frontera")
    facets = {f.field: {v.value: v.count for v in f.values} for f in results.facets}
    assert results.total == 4
    assert facets["kind"] == {"note": 3, "event": 1}
    assert facets["doc_type"] == {"letter": 1, "report": 1, "agenda": 1, "seminar": 1}
    assert facets["year"] == {"2005": 1, "2004": 2, "2003": 1}
    assert facets["country"] == {"CR": 2, "MX": 1}
    assert facets["languages"] == {"es": 3, "en": 2}
    assert facets["status"] == {"published": 3, "withdrawn": 1}
    labels = {v.value: v.label for f in results.facets if f.field == "doc_type" for v in f.values}
    assert labels["report"] == "Informe"  # labels in the reader's language
    with translation.override("en"):
        results = search(user=None, q="frontera")
    labels = {v.value: v.label for f in results.facets if f.field == "doc_type" for v in f.values}
    assert labels["report"] == "Report"


def test_a_page_without_facets_has_the_same_hits_and_total(notes):
    for n in range(25):
        notes.add(title_es=f"Acta {n:02d}", body="Acta.", date=datetime.date(2004, 1, 1) + datetime.timedelta(days=n))
    for sort in ("relevance", "date"):
        for page in (1, 3, 9):
            full = search(user=None, q="acta", sort=sort, page=page, per_page=10)
            bare = search(user=None, q="acta", sort=sort, page=page, per_page=10, facets=False)
            assert bare.facets == [] and full.facets
            assert (bare.total, [h.title for h in bare.hits]) == (full.total, [h.title for h in full.hits])
            assert bare.total == 25


def test_the_facets_alone_are_those_of_the_search(varied):
    for filters in (SearchFilters(), SearchFilters(country="CR")):
        alone = search_facets(user=None, q="frontera", filters=filters)
        full = search(user=None, q="frontera", filters=filters)
        assert alone.total == full.total and alone.hits == []
        assert [(f.field, [(v.value, v.label, v.count) for v in f.values]) for f in alone.facets] == [
            (f.field, [(v.value, v.label, v.count) for v in f.values]) for f in full.facets
        ]
    assert search_facets(user=None, q="nada").facets == []
    assert search_facets(user=None, q="").message


def test_facets_follow_the_filters(varied):
    results = search(user=None, q="frontera", filters=SearchFilters(country="CR"))
    facets = {f.field: {v.value: v.count for v in f.values} for f in results.facets}
    assert facets["country"] == {"CR": 2}
    assert facets["languages"] == {"es": 1, "en": 1}


def test_a_hit_links_to_the_object_in_the_viewers_language(notes):
    from django.utils import translation

    note = notes.add(title_es="Declaración", title_en="Declaration", body="texto")
    with translation.override("en"):
        hit = search(user=None, q="declaracion").hits[0]
    assert hit.title == "Declaration" and hit.url == f"/en/notes/{note.id}/"
    with translation.override("es"):
        hit = search(user=None, q="declaration").hits[0]
    assert hit.title == "Declaración" and hit.url == f"/es/notes/{note.id}/"


def test_facet_counts_follow_changes_to_the_entries(notes):
    note = notes.add(title_es="Carta", body="frontera", doc_type="letter")
    notes.add(title_es="Informe", body="frontera", doc_type="report")

    def types():
        return {
            v.value: v.count for f in search(user=None, q="frontera").facets if f.field == "doc_type" for v in f.values
        }

    assert types() == {"letter": 1, "report": 1}
    notes.update(note, doc_type="report")
    assert types() == {"report": 2}
    notes.add(title_es="Agenda", body="frontera", doc_type="agenda")
    assert types() == {"report": 2, "agenda": 1}
    notes.delete(note)
    assert types() == {"report": 1, "agenda": 1}
