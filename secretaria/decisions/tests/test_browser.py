"""A country official marks a commitment done with a note, in real Chromium."""

import pytest
from django.urls import reverse

from secretaria.conftest import PASSWORD
from secretaria.decisions import services


@pytest.mark.browser
def test_an_official_marks_a_commitment_done_and_the_matrix_and_public_page_show_it(
    page, parties, decision, gt_official, st_officer
):
    services.decision_update(decision=decision, by=st_officer, country_detail_public=True)
    csp_errors = []
    page.on("console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None)

    page.goto(reverse("account_login"))
    page.locator("#id_login").fill("gt_official")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**{reverse('members:dashboard')}")

    # From the dashboard panel to the decision, then to Guatemala's part of the commitment.
    page.locator(f"a[href$='#party-{parties['GT'].pk}']").click()
    page.locator(f"#party-{parties['GT'].pk} a.button").click()
    page.locator("select[name=status]").select_option("done")
    page.locator("textarea[name=text]").fill("Seminario realizado; informe enviado a la Secretaría Técnica.")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**{reverse('decisions:detail', args=[decision.pk])}**")
    row = page.locator(f"#party-{parties['GT'].pk}")
    assert "Seminario realizado" in row.inner_text()
    assert row.locator(".status-done").count() == 1

    page.goto(reverse("decisions:matrix"))
    gt_column = page.locator("table.decision-matrix thead th").all_inner_texts().index("GT")
    cell = page.locator("table.decision-matrix tbody tr").first.locator("th, td").nth(gt_column)
    assert cell.locator(".status-done").count() == 1
    assert page.locator("svg polyline").count() == 1

    page.goto(reverse("decisions:accountability", args=[decision.meeting.slug]))
    assert page.locator("meter").first.get_attribute("value") == "25"
    assert page.locator("table.decision-matrix .status-done").count() == 1
    assert csp_errors == []
