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
