"""The main pages of both sites in real Chromium, on the demo data, as the person who uses them.

At 1280 px (a laptop) and 390 px (a phone) no page scrolls sideways, and axe-core finds no
serious or critical accessibility violation. axe-core is vendored in ``assets/`` (see its README).
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from secretaria.accounts.models import User
from secretaria.decisions.models import Decision
from secretaria.forums.models import Thread
from secretaria.meetings.models import AgendaVersion
from secretaria.outreach.models import Engagement, Inquiry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "assets" / "axe.min.js"
WIDTHS = (1280, 390)

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => ["serious", "critical"].includes(v.impact))
    .map(v => `${v.impact} ${v.id}: ${v.help} -- ${v.nodes.slice(0, 4).map(n => n.target.join(" ")).join(" | ")}`);
}"""


@pytest.fixture
def demo(settings):
    settings.DEV_MODE = True
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def tab(browser, live_server):
    # CSP forbids inline scripts; axe is injected as one, so the test context bypasses CSP.
    context = browser.new_context(base_url=live_server.url, locale="es-ES", bypass_csp=True)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def sign_in(tab, live_server, username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    tab.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])


def public_pages(lang):
    with translation.override(lang):
        agenda = AgendaVersion.objects.get(meeting__slug="ix-crm-2004", state="approved")
        return [
            reverse("portal:home"),
            reverse("meetings:list"),
            reverse("meetings:calendar") + "?year=2004&month=10",
            reverse("meetings:detail", args=["ix-crm-2004"]),
            reverse("meetings:detail", args=["taller-convencion-palermo-2004"]),
            reverse("meetings:agenda_version", args=["ix-crm-2004", agenda.pk]),
            reverse("documents:list"),
            reverse("documents:detail", args=["CRM/ST/2004/DOC.2"]),
            reverse("media:galleries"),
            reverse("decisions:index"),
            reverse("decisions:accountability", args=["ix-crm-2004"]),
            reverse("search:search") + "?q=palermo",
        ]


def members_pages():
    return [
        reverse("members:dashboard"),
        reverse("meetings:list"),
        reverse("meetings:detail", args=["grcm-panama-2004-12"]),
        reverse("documents:members_list"),
        reverse("documents:detail", args=["CRM/ST/2004/7"]),
        reverse("decisions:matrix"),
        reverse("decisions:detail", args=[Decision.objects.order_by("pk").first().pk]),
        reverse("forums:index"),
        reverse("forums:forum", args=["miembros"]),
        reverse("forums:thread", args=["miembros", Thread.objects.get(forum__slug="miembros").pk]),
        reverse("search:search") + "?q=migración",
        reverse("outreach:index"),
        reverse("outreach:index") + "?view=calendar",
        reverse("outreach:detail", args=[Engagement.objects.order_by("pk").first().pk]),
        reverse("directory:people"),
        reverse("directory:my_contact"),
    ]


def secretariat_pages():
    agenda = AgendaVersion.objects.get(meeting__slug="ix-crm-2004", state="approved")
    return [
        reverse("members:dashboard"),
        reverse("meetings:detail", args=["seminario-migracion-y-salud-2004"]),
        reverse("meetings:services", args=["seminario-migracion-y-salud-2004"]),
        reverse("meetings:agenda", args=["ix-crm-2004"]),
        reverse("meetings:agenda_compare", args=["ix-crm-2004"]) + f"?a={agenda.pk}&b={agenda.pk}",
        reverse("decisions:matrix"),
        reverse("documents:members_list"),
        reverse("forums:thread", args=["grcm", Thread.objects.get(forum__slug="grcm").pk]),
        reverse("outreach:inquiries"),
        reverse("outreach:inquiry", args=[Inquiry.objects.order_by("pk").first().pk]),
        reverse("directory:contact_updates"),
    ]


HIDDEN_BY_SCROLL = """() => [...document.querySelectorAll(".table-wrap")]
  .filter(w => w.scrollWidth > w.clientWidth + 1)
  .map(w => `${w.getAttribute("aria-label") || w.querySelector("caption")?.innerText || "a table"}: ${w.scrollWidth}px in ${w.clientWidth}px`)"""


def page_problems(tab, width, url):
    """No sideways scroll on the page; on a laptop, no table hides columns behind its own scroll either."""
    problems = []
    scroll_width, inner_width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll_width > inner_width:
        problems.append(f"{width}px {url}: page is {scroll_width}px wide")
    if width >= 1280:
        problems += [f"{width}px {url}: table scrolls, {t}" for t in tab.evaluate(HIDDEN_BY_SCROLL)]
    tab.add_script_tag(path=str(AXE))
    problems += [f"{width}px {url}: {v}" for v in tab.evaluate(AXE_RUN)]
    return problems


def check(tab, urls):
    """Every page at every width: the problems found, one line each."""
    problems = []
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        for url in urls:
            response = tab.goto(url)
            assert response is not None and response.status == 200, (url, response and response.status)
            problems += page_problems(tab, width, url)
    return problems


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_public_pages_fit_the_screen_and_pass_axe_for_a_visitor(demo, tab, lang):
    problems = check(tab, public_pages(lang))
    assert problems == [], "\n".join(problems)


def test_the_members_pages_fit_the_screen_and_pass_axe_for_a_member_official(demo, tab, live_server):
    sign_in(tab, live_server, "guatemala")
    problems = check(tab, members_pages())
    assert problems == [], "\n".join(problems)


def test_a_page_with_a_flash_message_passes_axe(demo, tab, live_server):
    sign_in(tab, live_server, "guatemala")
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        tab.goto(reverse("forums:forum", args=["miembros"]))
        tab.locator("#follow-mode-forum").select_option("digest")
        tab.locator("form.follow-form button[type=submit]").click()
        tab.wait_for_load_state()
        assert tab.get_by_role("status").get_by_text("Usted sigue esto").is_visible()
        problems = page_problems(tab, width, tab.url)
        assert problems == [], "\n".join(problems)


def test_a_phone_shows_the_meeting_facts_before_the_programme_and_a_laptop_beside_it(demo, tab):
    url = reverse("meetings:detail", args=["ix-crm-2004"])
    tab.set_viewport_size({"width": 390, "height": 900})
    tab.goto(url)
    facts = tab.get_by_role("heading", name="Acerca de esta reunión")
    programme = tab.get_by_role("heading", name="Programa", exact=True)
    assert facts.bounding_box()["y"] < programme.bounding_box()["y"]

    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.goto(url)
    facts_box, programme_box = facts.bounding_box(), programme.bounding_box()
    assert facts_box["x"] > programme_box["x"] + programme_box["width"]  # in the right-hand column
    # The column (the registration box, then the facts) starts at the top, not after the programme.
    assert tab.locator(".meeting-facts").bounding_box()["y"] < programme_box["y"]
    # Labels above their values: a value has the panel's width, not half of it (a word per line).
    facts_panel = tab.locator('.meeting-facts section[aria-labelledby="facts"]')
    panel = facts_panel.bounding_box()
    place = facts_panel.locator("dd").nth(2)
    assert place.bounding_box()["width"] > 0.8 * (panel["width"] - 40)
    assert place.bounding_box()["height"] < 60, "Ciudad de Panamá, Panamá wraps a word per line"


def test_the_secretariat_pages_fit_the_screen_and_pass_axe_for_the_secretariat(demo, tab, live_server):
    sign_in(tab, live_server, "st")
    problems = check(tab, secretariat_pages())
    assert problems == [], "\n".join(problems)
