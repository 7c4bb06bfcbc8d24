"""The layout every page shares: landmarks, navigation state, the language switch, no inline code."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.inline_scripts = 0
        self._in_script_without_src = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        self._in_script_without_src = tag == "script" and "src" not in attrs

    def handle_endtag(self, tag):
        self._in_script_without_src = False

    def handle_data(self, data):
        if self._in_script_without_src and data.strip():
            self.inline_scripts += 1


def parse(response) -> _Tags:
    parser = _Tags()
    parser.feed(response.content.decode())
    return parser


def first(tags: _Tags, tag: str, **attrs) -> dict | None:
    for name, found in tags.tags:
        if name == tag and all(found.get(k) == v for k, v in attrs.items()):
            return found
    return None


@pytest.mark.django_db
def test_every_page_has_the_landmarks_and_a_skip_link_first(client):
    tags = parse(client.get("/es/directorio/paises/"))
    body_index = next(i for i, (name, _) in enumerate(tags.tags) if name == "body")
    first_link = tags.tags[body_index + 1]
    assert first_link == ("a", {"class": "skip-link", "href": "#main"})
    assert first(tags, "main", id="main") is not None
    assert first(tags, "header", **{"class": "site-header"}) is not None
    assert first(tags, "footer", **{"class": "site-footer"}) is not None
    assert first(tags, "nav", **{"aria-label": "Navegación principal"}) is not None


@pytest.mark.django_db
def test_the_current_section_is_marked_in_the_navigation(client):
    html = client.get("/es/directorio/paises/").content.decode()
    current = re.findall(r'<a href="([^"]+)" aria-current="page">([^<]+)</a>', html)
    assert current == [("/es/directorio/paises/", "Países miembros")]


@pytest.mark.django_db
def test_the_photos_and_videos_section_is_in_the_navigation(client):
    html = client.get("/es/").content.decode().split('class="main-nav"')[1]
    assert '<a href="/es/fotos-y-videos/">Fotos y videos</a>' in html
    html = client.get("/en/photos-and-videos/").content.decode()
    current = re.findall(r'<a href="([^"]+)" aria-current="page">([^<]+)</a>', html)
    assert current == [("/en/photos-and-videos/", "Photos and videos")]


@pytest.mark.django_db
def test_the_home_page_marks_the_brand_link_home_as_current(client):
    html = client.get("/en/").content.decode()
    assert re.findall(r'<a class="brand" href="([^"]+)" aria-current="page">', html) == ["/en/"]
    assert 'aria-current="page"' not in html.split('class="main-nav"')[1]


@pytest.mark.django_db
def test_pages_carry_no_inline_script_or_style(client, gt_official, client_for):
    for response in (client.get("/es/"), client.get("/en/directory/countries/"), client_for(gt_official).get("/es/")):
        tags = parse(response)
        assert tags.inline_scripts == 0
        assert [t for t, attrs in tags.tags if "style" in attrs or t == "style"] == []
        assert [attrs for _t, attrs in tags.tags if any(k.startswith("on") for k in attrs)] == []


@pytest.mark.django_db
def test_the_language_switch_offers_the_same_page_in_the_other_language(client):
    tags = parse(client.get("/es/directorio/paises/?pagina=2"))
    form = first(tags, "form", action="/i18n/setlang/")
    assert form is not None and form["method"] == "post"
    assert first(tags, "input", name="next")["value"] == "/en/directory/countries/?pagina=2"
    assert first(tags, "button", name="language")["value"] == "en"
    assert first(tags, "link", rel="alternate")["href"] == "/en/directory/countries/?pagina=2"


@pytest.mark.django_db
@pytest.mark.parametrize("accept_language", ["es", "en"])
def test_switching_from_spanish_to_english_stays_on_the_same_page(client, accept_language):
    page = client.get("/es/directorio/paises/", HTTP_ACCEPT_LANGUAGE=accept_language)
    next_url = first(parse(page), "input", name="next")["value"]
    response = client.post("/i18n/setlang/", {"language": "en", "next": next_url}, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == "/en/directory/countries/"
    assert response.cookies["django_language"].value == "en"
    english = client.get(response["Location"])
    assert english.status_code == 200
    assert 'lang="en"' in english.content.decode()


@pytest.mark.django_db
def test_switching_from_english_to_spanish_stays_on_the_same_page(client):
    page = client.get("/en/directory/countries/")
    next_url = first(parse(page), "input", name="next")["value"]
    assert next_url == "/es/directorio/paises/"
    response = client.post("/i18n/setlang/", {"language": "es", "next": next_url})
    assert response["Location"] == "/es/directorio/paises/"


@pytest.mark.django_db
def test_the_footer_gives_the_secretariat_address_and_the_page_in_both_languages(client):
    html = client.get("/es/directorio/paises/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "San José, Costa Rica" in footer
    assert 'href="/es/contacto/"' in footer
    assert 'href="/sitemap.xml"' in footer
    assert '<a href="/en/directory/countries/" hreflang="en" lang="en">English</a>' in footer


@pytest.mark.django_db
def test_the_stylesheet_and_script_are_served_from_our_own_static_files(client):
    tags = parse(client.get("/es/"))
    assert first(tags, "link", rel="stylesheet")["href"] == "/static/css/site.css"
    scripts = [attrs["src"] for t, attrs in tags.tags if t == "script"]
    assert "/static/js/site.js" in scripts
    assert all(src.startswith("/static/") for src in scripts)


# --- The stylesheet -------------------------------------------------------------------
STYLESHEET = (Path(__file__).resolve().parents[2] / "static" / "css" / "site.css").read_text(encoding="utf-8")

# The class contract every template relies on (docs/ARCHITECTURE.md, "Front end").
CONTRACT = [
    "page-header",
    "lede",
    "breadcrumbs",
    "grid",
    "card",
    "card-title",
    "panel",
    "two-col",
    "sidebar",
    "muted",
    "small",
    "badge",
    "badge-success",
    "badge-warning",
    "badge-danger",
    "badge-info",
    "notice",
    "notice-warning",
    "notice-info",
    "table",
    "table-wrap",
    "pagination",
    "definition-list",
    "timeline",
    "prose",
    "actions",
    "form",
    "field",
    "help",
    "errorlist",
    "form-errors",
    "button",
    "secondary",
    "danger",
    "link-button",
    "messages",
    "message",
    "success",
    "error",
    "warning",
    "info",
    "skip-link",
]


@pytest.mark.parametrize("name", CONTRACT)
def test_the_stylesheet_styles_every_class_of_the_contract(name):
    assert re.search(rf"\.{re.escape(name)}(?![\w-])", STYLESHEET), f".{name} is not styled in site.css"


def _colour(name: str) -> str:
    return re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", STYLESHEET).group(1)


def _luminance(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("text", "background", "minimum"),
    [
        ("ink", "#ffffff", 4.5),
        ("muted", "#ffffff", 4.5),
        ("muted", "surface", 4.5),
        ("link", "#ffffff", 4.5),
        ("link", "surface", 4.5),
        ("link", "info-bg", 4.5),
        ("navy", "#ffffff", 4.5),
        ("#ffffff", "navy", 4.5),  # navigation bar
        ("#ffffff", "navy-nav", 4.5),  # current item on phones
        ("#ffffff", "navy-dark", 4.5),  # footer links
        ("#ffffff", "link", 4.5),  # buttons
        ("#ffffff", "link-hover", 4.5),
        ("#ffffff", "danger", 4.5),
        ("#ffffff", "teal", 4.5),
        ("teal", "#ffffff", 4.5),
        ("ink", "gold", 4.5),  # skip link
        ("gold", "navy-dark", 4.5),  # current language in the footer
        ("error", "#ffffff", 4.5),
        ("error", "error-bg", 4.5),
        ("success", "success-bg", 4.5),
        ("warning", "warning-bg", 4.5),
        ("info", "info-bg", 4.5),
        ("ink", "teal-light", 4.5),
        ("line-strong", "#ffffff", 3.0),  # form field borders (non-text contrast)
        ("gold", "navy", 3.0),  # current-item marker
    ],
)
def test_the_palette_meets_wcag_aa_contrast(text, background, minimum):
    fg = text if text.startswith("#") else _colour(text)
    bg = background if background.startswith("#") else _colour(background)
    assert contrast(fg, bg) >= minimum, f"{text} on {background}: {contrast(fg, bg):.2f}:1"


def test_the_stylesheet_loads_nothing_from_elsewhere():
    assert "@import" not in STYLESHEET
    assert re.findall(r"url\((?!\"?data:)", STYLESHEET) == []
    assert "@font-face" not in STYLESHEET
