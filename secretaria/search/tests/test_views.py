"""The search page, the header box and GET /api/v1/search."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from secretaria.core.access import AccessLevel


@pytest.fixture
def docs(notes, crm):
    notes.add(
        title_es="Carta sobre la migración",
        title_en="Letter on migration",
        body="La <b>migración</b> regional.",
        doc_type="letter",
        date=datetime.date(2004, 7, 6),
    )
    notes.add(
        title_es="Informe de migración para miembros",
        body="Migración laboral.",
        doc_type="report",
        access_level=AccessLevel.MEMBERS,
        date=datetime.date(2004, 11, 1),
    )
    return notes  # fmt: skip


def page_url(lang="es"):
    with translation.override(lang):
        return reverse("search:search")


def test_the_search_page_lives_under_each_language():
    assert page_url("es").startswith("/es/")
    assert page_url("en") == "/en/search/"


def test_the_page_shows_hits_with_highlighted_snippets_and_facets(docs, client, engine):
    response = client.get(page_url("es"), {"q": "migracion"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Carta sobre la migración" in html
    assert "<mark>migración</mark>" in html
    assert "&lt;b&gt;" in html
    assert "Informe de migración para miembros" not in html  # members only
    assert "1 result" in html
    assert 'href="/es/notes/' in html
    facets = client.get(page_url("es"), {"q": "migracion", "part": "facets"}).content.decode()
    assert facets.lstrip().startswith('<aside class="sidebar search-facets"')
    assert "?q=migracion&amp;type=letter" in facets  # a facet link
    assert "<html" not in facets
    if engine == "tantivy":
        # The filters follow in a second request, made as soon as the page has loaded.
        assert 'hx-get="?q=migracion&amp;part=facets"' in html
        assert "?q=migracion&amp;type=letter" not in html
    else:
        # The database engines count and group in one statement: the filters come at once.
        assert "?q=migracion&amp;type=letter" in html
        assert "part=facets" not in html


def test_without_javascript_a_link_asks_for_the_page_with_its_filters(docs, client, engine):
    html = client.get(page_url("en"), {"q": "migracion", "sort": "date"}).content.decode()
    assert ('href="?q=migracion&amp;sort=date&amp;facets=1"' in html) == (engine == "tantivy")
    html = client.get(page_url("en"), {"q": "migracion", "sort": "date", "facets": "1"}).content.decode()
    assert "Letter on migration" in html and "part=facets" not in html
    # Each filter and sort link keeps the filters shown.
    assert "?q=migracion&amp;sort=date&amp;facets=1&amp;type=letter" in html
    assert 'href="?q=migracion&amp;sort=relevance&amp;facets=1"' in html


def test_the_filters_count_only_what_the_reader_may_read(docs, client, client_for, gt_official):
    def filters(c):
        return c.get(page_url("en"), {"q": "migración", "part": "facets"}).content.decode()

    html = filters(client)
    assert '>2004</a> <span class="muted">(1)</span>' in html  # the members' report is not counted
    assert "Report" not in html
    html = filters(client_for(gt_official))
    assert '>2004</a> <span class="muted">(2)</span>' in html


def test_a_search_without_hits_loads_no_filters(docs, client):
    html = client.get(page_url("en"), {"q": "nothingatall"}).content.decode()
    assert "part=facets" not in html and "facets=1" not in html
    assert client.get(page_url("en"), {"q": "nothingatall", "part": "facets"}).content.decode().strip() == ""


def test_a_member_finds_members_only_documents_on_the_page(docs, client_for, gt_official):
    html = client_for(gt_official).get(page_url("es"), {"q": "migración"}).content.decode()
    assert "Informe de migración para miembros" in html
    assert "2 resultados" in html


def test_the_page_explains_an_empty_or_meaningless_query(docs, client):
    for q in ["", '"', "((", "-migracion"]:
        response = client.get(page_url("es"), {"q": q})
        assert response.status_code == 200
        assert 'class="notice notice-info"' in response.content.decode()


def test_the_page_says_so_when_nothing_matches(docs, client):
    html = client.get(page_url("en"), {"q": "zanahoria"}).content.decode()
    assert "No results" in html


def test_the_page_refuses_bad_filters_with_a_message(docs, client):
    response = client.get(page_url("es"), {"q": "migracion", "year": "dos mil", "country": "Costa Rica"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Algunas opciones de búsqueda no son válidas" in html
    assert "Use un código de país de dos letras." in html


def test_the_page_without_parameters_is_an_empty_form(client):
    response = client.get(page_url("es"))
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_the_page_paginates(notes, client):
    for n in range(25):
        notes.add(title_es=f"Acta {n}", body="acta")
    html = client.get(page_url("en"), {"q": "acta", "page": 2}).content.decode()
    assert "Page 2 of 2" in html
    assert 'rel="prev"' in html and 'href="?q=acta&amp;page=1"' in html


def test_the_page_makes_a_constant_number_of_queries(notes, client, count_queries):
    def page():
        assert client.get(page_url("es"), {"q": "acta"}).status_code == 200

    for n in range(2):
        notes.add(title_es=f"Acta {n}", body="acta", country="CR")
    few = count_queries(page)
    for n in range(2, 20):
        notes.add(title_es=f"Acta {n}", body="acta", country="CR")
    assert count_queries(page) == few


def test_the_header_box_is_a_labelled_search_form():
    request = RequestFactory().get("/es/", {"q": "salud"})
    with translation.override("en"):
        html = render_to_string("search/_box.html", {"request": request})
    assert 'role="search"' in html
    assert '<label for="site-search-q"' in html and 'id="site-search-q"' in html
    assert 'value="salud"' in html


def test_the_api_returns_hits_total_facets_and_page(docs, client):
    data = client.get("/api/v1/search", {"q": "MIGRACION", "lang": "en"}).json()
    assert data["total"] == 1
    assert data["page"] == 1 and data["num_pages"] == 1
    hit = data["hits"][0]
    assert hit["title"] == "Letter on migration"
    assert hit["url"].startswith("/en/notes/")
    assert "<mark>migración</mark>" in hit["snippet"]
    assert {f["field"] for f in data["facets"]} >= {"kind", "doc_type", "year"}


def test_the_api_leaves_the_facets_out_when_asked(docs, client):
    data = client.get("/api/v1/search", {"q": "migracion", "facets": "false"}).json()
    assert data["total"] == 1 and data["facets"] == []
    assert [hit["title"] for hit in data["hits"]] == ["Carta sobre la migración"]
    assert client.get("/api/v1/search", {"q": "migracion", "facets": "maybe"}).status_code == 422


def test_the_api_filters_by_what_the_token_holder_may_read(docs, client, gt_official):
    from secretaria.accounts.services import api_token_create

    _row, token = api_token_create(user=gt_official, name="search test")
    data = client.get("/api/v1/search", {"q": "migracion"}, HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert data["total"] == 2
    data = client.get(
        "/api/v1/search", {"q": "migracion", "type": "report"}, HTTP_AUTHORIZATION=f"Bearer {token}"
    ).json()
    assert [h["title"] for h in data["hits"]] == ["Informe de migración para miembros"]


@pytest.mark.parametrize(
    "params",
    [{"q": "x", "year": "abc"}, {"q": "x", "sort": "random"}, {"q": "x", "page": "0"}, {"q": "x", "per_page": "1000"},
     {"q": "x", "country": "Costa Rica"}, {"q": "x" * 600}, {"q": "x", "type": "a b<script>"}],
)  # fmt: skip
def test_the_api_refuses_bad_parameters_with_json(docs, client, params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_the_api_answers_a_garbage_query_with_a_message(docs, client):
    data = client.get("/api/v1/search", {"q": '"(NEAR *'}).json()
    assert data["total"] == 0 and data["hits"] == [] and data["message"]


def test_a_page_of_document_hits_costs_the_same_queries_for_5_or_20_hits(client, db):
    """The hits' addresses come in one query per source, not one per hit."""
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from secretaria.documents.models import Document
    from secretaria.search.services import index_object

    def add(n):
        document = Document.objects.create(
            symbol=f"CRM/ST/2004/{n}", doc_type="report", date=datetime.date(2004, 7, 6), title_es=f"Acta {n}",
            title_en=f"Minutes {n}", access_level="public", status=Document.Status.PUBLISHED,
            published_at=timezone.now(),
        )  # fmt: skip
        index_object("document", document)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = client.get(page_url("en"), {"q": "acta"}).content.decode()
        return len(captured), html

    for n in range(1, 6):
        add(n)
    few, _html = queries()
    for n in range(6, 21):
        add(n)
    many, html = queries()
    assert many == few
    assert 'href="/en/documents/CRM/ST/2004/20/"' in html


def test_the_page_has_one_type_panel_with_each_kinds_types_inside(docs, events, client):
    events.add(title_es="Seminario sobre migración", body="migración", doc_type="seminar")
    html = client.get(page_url("es"), {"q": "migracion", "facets": "1"}).content.decode()
    assert html.count("<h2>Tipo</h2>") == 1
    facets = html[html.index('class="sidebar search-facets"') :]
    # The note's type "Carta" is listed inside the "Note" kind, not in a panel of its own.
    note_at, carta_at, event_at = facets.index(">Note</a>"), facets.index(">Carta</a>"), facets.index(">Event</a>")
    assert 'class="facet-children"' in facets[note_at:carta_at]
    assert "Subtipo" not in facets and "Subtype" not in facets
    assert event_at > 0  # the event's type no source names: shown apart, under its raw code
