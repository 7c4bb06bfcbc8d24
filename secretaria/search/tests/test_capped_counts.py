"""Counting stops past COUNT_CAP hits (decision 0008): "more than N results", in both languages.

The cap is 10,000 in production; these tests lower it to 4 so that a handful of notes cross it.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from secretaria.core.access import AccessLevel
from secretaria.search import selectors
from secretaria.search.backends import postgres, sqlite
from secretaria.search.selectors import search

CAP = 4


@pytest.fixture
def engine():
    """The database engines only: tantivy counts every hit (test_engine.py)."""
    return "database"


@pytest.fixture
def small_cap(monkeypatch):
    for module in (sqlite, postgres, selectors):
        monkeypatch.setattr(module, "COUNT_CAP", CAP)
    monkeypatch.setattr(selectors, "MAX_RESULTS", CAP)


@pytest.fixture
def many(notes, crm):
    for n in range(4):
        notes.add(title_es=f"Informe público {n} sobre migración", title_en=f"Public report {n} on migration")
    for n in range(5):
        notes.add(title_es=f"Nota reservada {n} sobre migración", access_level=AccessLevel.MEMBERS)
    return notes


def page(client, lang, **params):
    with translation.override(lang):
        url = reverse("search:search")
    return client.get(url, {"q": "migración", **params}).content.decode()


def test_past_the_cap_the_page_says_more_than_in_both_languages(small_cap, many, client_for, gt_official):
    client = client_for(gt_official)  # sees the 9 notes
    assert "Más de 4 resultados" in page(client, "es")
    # The filters, loaded after the first page, say what their numbers count.
    assert "Los números cuentan los primeros 4 resultados encontrados." in page(client, "es", part="facets")
    assert "More than 4 results" in page(client, "en")
    assert "The numbers count the first 4 results found." in page(client, "en", facets="1")


def test_under_the_cap_the_count_is_exact_and_restricted_hits_are_not_counted(small_cap, many, client):
    # The public sees 4 of the 9 hits: access is applied inside the query, before counting,
    # so the 5 members-only notes neither reach the cap nor appear.
    results = search(user=None, q="migración")
    assert (results.total, results.total_capped) == (4, False)
    html = page(client, "es")
    assert "4 resultados" in html and "Más de" not in html
    assert "Nota reservada" not in html


def test_paging_still_works_past_the_cap(small_cap, many, gt_official):
    first = search(user=gt_official, q="migración", per_page=2, page=1)
    second = search(user=gt_official, q="migración", per_page=2, page=2)
    assert first.total_capped and first.total == CAP
    kinds = next(facet for facet in first.facets if facet.field == "kind")
    assert [value.count for value in kinds.values] == [CAP]  # the facets count the first CAP hits
    assert first.num_pages == 2 and first.has_next and not second.has_next
    assert len(first.hits) == 2 and len(second.hits) == 2
    assert not {h.object_id for h in first.hits} & {h.object_id for h in second.hits}


def test_the_api_says_the_total_is_capped(small_cap, many, client):
    data = client.get("/api/v1/search", {"q": "migracion"}).json()
    assert (data["total"], data["total_capped"]) == (4, False)  # the public: exactly 4
    many.add(title_es="Otro informe público sobre migración")
    data = client.get("/api/v1/search", {"q": "migracion", "per_page": 2}).json()
    assert (data["total"], data["total_capped"], data["num_pages"]) == (4, True, 2)
    assert len(data["hits"]) == 2
