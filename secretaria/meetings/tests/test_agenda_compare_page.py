"""The comparison of two agenda versions: localized dates, a key, colour plus line, and the PPT's decision."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import formats, translation

from secretaria.meetings import services
from secretaria.meetings.models import AgendaVersion


@pytest.fixture
def submitted_revision(draft, st_officer, ppt_official):
    """The approved first version, and a revised second one submitted to the PPT."""
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    new = services.agenda_start_draft(meeting=draft.meeting, by=st_officer)
    first = new.items.order_by("order").first()
    services.agenda_item_save(version=new, by=st_officer, item=first, title_es="Apertura oficial",
                              title_en="Official opening")  # fmt: skip
    services.agenda_submit(version=new, by=st_officer)
    return draft, new


def compare_url(old, new, lang=None):
    with translation.override(lang or "es"):
        url = reverse("meetings:agenda_compare", kwargs={"slug": old.meeting.slug})
    return f"{url}?a={old.pk}&b={new.pk}" + (f"&lang={lang}" if lang else "")


def test_the_comparison_writes_dates_in_the_pages_language_not_iso(submitted_revision, client_for, ppt_official):
    old, new = submitted_revision
    day = old.meeting.start_date
    client = client_for(ppt_official)
    page = client.get(compare_url(old, new)).content.decode()
    with translation.override("es"):
        spanish = formats.date_format(day, "DATE_FORMAT")
    assert spanish in page and day.isoformat() not in page
    assert " de " in spanish  # "18 de octubre de 2026"
    page = client.get(compare_url(old, new, "en")).content.decode()
    with translation.override("en"):
        english = formats.date_format(day, "DATE_FORMAT")
    assert english in page and day.isoformat() not in page


def test_the_comparison_has_a_key_for_added_and_removed_text(submitted_revision, client_for, st_officer):
    old, new = submitted_revision
    page = client_for(st_officer).get(compare_url(old, new)).content.decode()
    assert "<del>texto suprimido</del>" in page and "<ins>texto añadido</ins>" in page
    assert "tachado, en rojo, a la izquierda" in page and "subrayado, en verde, a la derecha" in page


def test_the_ppt_approves_from_the_comparison(submitted_revision, client_for, ppt_official):
    old, new = submitted_revision
    client = client_for(ppt_official)
    page = client.get(compare_url(old, new)).content.decode()
    assert "Decisión de la Presidencia Pro-Témpore" in page
    approve = reverse("meetings:agenda_action", kwargs={"slug": new.meeting.slug, "pk": new.pk, "action": "approve"})
    assert f'action="{approve}"' in page
    response = client.post(approve, {"comment": "Visto el cambio de título."})
    assert response.status_code == 302
    new.refresh_from_db()
    assert new.state == AgendaVersion.State.APPROVED
    # Once decided, the comparison no longer offers the buttons.
    assert "Aprobar y publicar" not in client.get(compare_url(old, new)).content.decode()


def test_the_ppt_returns_from_the_comparison(submitted_revision, client_for, ppt_official):
    old, new = submitted_revision
    page = client_for(ppt_official).get(compare_url(old, new)).content.decode()
    give_back = reverse("meetings:agenda_action", kwargs={"slug": new.meeting.slug, "pk": new.pk, "action": "return"})
    assert f'formaction="{give_back}"' in page


def test_only_the_ppt_sees_the_decision_buttons_on_the_comparison(
    submitted_revision, client_for, st_officer, gt_official
):
    old, new = submitted_revision
    for user in (st_officer, gt_official):
        assert "Aprobar y publicar" not in client_for(user).get(compare_url(old, new)).content.decode()
    # Comparing in the other direction (the submitted version as the older one) offers no decision either.
    assert "Aprobar y publicar" not in client_for(st_officer).get(compare_url(new, old)).content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_added_and_removed_text_have_colour_and_a_line(submitted_revision, page, live_server, ppt_official):
    old, new = submitted_revision
    client = Client()
    client.force_login(ppt_official)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(compare_url(old, new))
    link_colour = page.evaluate("getComputedStyle(document.querySelector('main a')).color")
    for selector, line in (("table.agenda-diff ins", "underline"), ("table.agenda-diff del", "line-through")):
        style = page.evaluate(
            "(sel) => { const s = getComputedStyle(document.querySelector(sel));"
            " return [s.color, s.backgroundColor, s.textDecorationLine]; }",
            selector,
        )
        assert style[0] != link_colour, f"{selector} looks like a link"
        assert style[1] not in ("rgba(0, 0, 0, 0)", "transparent"), f"{selector} has no background colour"
        assert line in style[2]
    # On a phone the two versions stack: the newer one is not hidden behind a sideways scroll.
    page.set_viewport_size({"width": 390, "height": 800})
    page.reload()
    wrap = page.evaluate(
        "(() => { const w = document.querySelector('.table-wrap'); return [w.scrollWidth, w.clientWidth]; })()"
    )
    assert wrap[0] <= wrap[1]
    box = page.locator("table.agenda-diff ins").first.bounding_box()
    assert box["x"] + box["width"] <= 390
    page.get_by_role("button", name="Aprobar y publicar…").click()
    page.get_by_role("button", name="Aprobar y publicar", exact=True).click()
    page.wait_for_url(f"**/{new.pk}/")
    new.refresh_from_db()
    assert new.state == AgendaVersion.State.APPROVED
