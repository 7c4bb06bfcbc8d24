"""A person types in the search form and reads the highlighted results."""

import pytest
from django.urls import reverse
from django.utils import translation

from secretaria.core.access import AccessLevel


@pytest.fixture
def browser_notes(transactional_db, notes):
    notes.add(title_es="Carta de seguimiento de la IX CRM", body="Compromisos sobre la migración regional.")
    notes.add(title_es="Informe reservado", body="Migración y fronteras.", access_level=AccessLevel.MEMBERS)
    return notes


@pytest.mark.browser
def test_a_visitor_searches_with_an_unaccented_word_and_sees_only_public_hits(browser_notes, page, live_server):
    with translation.override("en"):
        url = reverse("search:search")
    page.goto(live_server.url + url)
    page.get_by_role("searchbox", name="Search", exact=True).fill("migracion")
    page.locator("form.search-form").get_by_role("button", name="Search").click()
    page.wait_for_selector(".search-hit")
    hits = page.locator(".search-hit")
    assert hits.count() == 1
    assert "Carta de seguimiento de la IX CRM" in hits.first.inner_text()
    assert page.locator(".search-hit mark").first.inner_text() == "migración"
    assert "Informe reservado" not in page.content()


@pytest.fixture
def several_hits(transactional_db, notes):
    for n, doc_type in enumerate(["letter", "report", "agenda"]):
        notes.add(title_es=f"Informe de migración {n}", body="Migración regional.", doc_type=doc_type)
    return notes


def _mouse_click(page, locator):
    """A real mouse click at the element's centre: whatever is on top there gets it."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _results_page(page, live_server):
    with translation.override("es"):
        url = reverse("search:search")
    # Tall enough that the facets are in the first screen, where the stray link used to lie.
    page.set_viewport_size({"width": 1280, "height": 1600})
    page.goto(live_server.url + url + "?q=migracion")
    page.wait_for_selector(".search-hit")
    return live_server.url + url + "?q=migracion"


@pytest.mark.browser
def test_a_click_on_the_query_box_stays_on_the_results_page(several_hits, page, live_server):
    start = _results_page(page, live_server)
    _mouse_click(page, page.locator("form.search-form input[type=search]"))
    page.wait_for_timeout(300)
    assert page.url == start
    page.keyboard.type(" regional")
    assert page.locator("form.search-form input[type=search]").input_value() == "migracion regional"
    _mouse_click(page, page.locator("#site-search-q"))  # the header's box too
    page.wait_for_timeout(300)
    assert page.url == start


@pytest.mark.browser
def test_a_click_on_the_menu_opens_the_menu_page_not_a_result(several_hits, page, live_server):
    _results_page(page, live_server)
    link = page.locator("#main-nav-list a").first
    target = link.get_attribute("href")
    _mouse_click(page, link)
    page.wait_for_url(live_server.url + target)
    assert "/notes/" not in page.url


@pytest.mark.browser
def test_a_click_on_a_facet_filters_and_does_not_open_a_result(several_hits, page, live_server):
    _results_page(page, live_server)
    _mouse_click(page, page.locator(".search-facets a", has_text="Informe"))
    page.wait_for_url("**type=report**")
    assert "/notes/" not in page.url and "type=report" in page.url
    assert page.locator(".search-hit").count() == 1


@pytest.mark.browser
def test_a_click_on_the_language_switch_changes_language_not_page(several_hits, page, live_server):
    _results_page(page, live_server)
    _mouse_click(page, page.locator(".language-switch button"))
    page.wait_for_url("**/en/**")
    assert "/notes/" not in page.url
    assert page.url.startswith(live_server.url + "/en/search/")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.browser
def test_a_click_on_a_hit_title_still_opens_it(several_hits, page, live_server):
    _results_page(page, live_server)
    _mouse_click(page, page.locator(".search-hit .card-title a").first)
    page.wait_for_url("**/notes/**")
    assert "/es/notes/" in page.url
