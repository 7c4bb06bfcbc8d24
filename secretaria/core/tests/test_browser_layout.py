"""The layout in real Chromium: languages, the language switch, keyboard use, the phone menu."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_home_page_speaks_spanish_and_english(page):
    page.goto("/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("link", name="Saltar al contenido principal").count() == 1
    assert page.get_by_role("navigation", name="Navegación principal").is_visible()

    page.goto("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("navigation", name="Main navigation").is_visible()
    assert page.get_by_role("link", name="Sign in").is_visible()


def test_the_language_switch_keeps_the_visitor_on_the_same_page(page):
    page.goto("/es/directorio/paises/")
    assert page.get_by_role("heading", level=1).inner_text() == "Países miembros"
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/en/directory/countries/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Member countries"

    page.get_by_role("button", name="Español").click()
    page.wait_for_url("**/es/directorio/paises/")
    assert page.locator("html").get_attribute("lang") == "es"


def test_the_skip_link_comes_first_and_moves_focus_to_the_main_content(page):
    page.goto("/es/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Saltar al contenido principal"
    assert skip.is_visible()
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0  # shown on screen while focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_main_menu_collapses_on_a_phone_and_opens_from_the_keyboard(page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/es/")
    toggle = page.get_by_role("button", name="Menú")
    news = page.get_by_role("navigation", name="Navegación principal").get_by_role("link", name="Noticias")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not news.is_visible()

    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert news.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "La Conferencia"

    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not news.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "main-nav-list"


def test_the_main_menu_is_a_plain_bar_on_a_desktop(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/es/")
    assert not page.get_by_role("button", name="Menú").is_visible()
    nav = page.get_by_role("navigation", name="Navegación principal")
    assert nav.get_by_role("link", name="Documentos").is_visible()
    # The sections fit on one line (the brand links home; contact is in the header tools and footer).
    tops = {round(box["y"]) for box in (link.bounding_box() for link in nav.get_by_role("link").all())}
    assert len(tops) == 1


def test_pages_do_not_scroll_sideways_on_a_small_phone(page):
    page.set_viewport_size({"width": 320, "height": 640})
    for url in ("/es/", "/en/directory/countries/", "/es/no-existe/"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url
