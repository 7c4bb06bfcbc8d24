"""The PPT approves an agenda in Chromium, from the dashboard panel to the published programme."""

import pytest
from django.urls import reverse

from secretaria.conftest import PASSWORD
from secretaria.meetings import services
from secretaria.meetings.models import AgendaVersion


def sign_in(page, username):
    page.goto(reverse("account_login"))
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**{reverse('members:dashboard')}")


@pytest.mark.browser
def test_the_ppt_approves_an_agenda(page, draft, st_officer, ppt_official):
    services.agenda_submit(version=draft, by=st_officer)
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)

    sign_in(page, "ppt_official")
    panel = page.locator("section.panel[aria-labelledby=panel-agendas-awaiting]")
    panel.get_by_role("link", name="Seminario Migración y Salud").click()
    page.wait_for_url(f"**/{draft.pk}/")
    approve = reverse(
        "meetings:agenda_action", kwargs={"slug": draft.meeting.slug, "pk": draft.pk, "action": "approve"}
    )
    form = page.locator(f"form[action='{approve}']")
    form.locator("textarea[name=comment]").fill("Aprobada sin cambios.")
    form.locator("button[type=submit]").first.click()
    # The check page says what approving means and carries the comment; then the PPT confirms.
    page.wait_for_url("**/approve/")
    assert page.locator("textarea[name=comment]").input_value() == "Aprobada sin cambios."
    page.get_by_role("button", name="Aprobar y publicar", exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".messages li.success").count() == 1

    draft.refresh_from_db()
    assert draft.state == AgendaVersion.State.APPROVED and draft.decided_by == ppt_official
    assert draft.decision_comment == "Aprobada sin cambios."
    page.goto(draft.meeting.get_absolute_url())
    assert page.locator("h2#programme").count() == 1
    assert "Migración y VIH/SIDA" in page.content()
    assert errors == []
