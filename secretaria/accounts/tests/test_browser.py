"""Signing in through the real form in Chromium, and pages that must work under our CSP."""

import pytest
from django.urls import reverse

from secretaria.conftest import PASSWORD


def _collect_csp_errors(page):
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    return errors


@pytest.mark.browser
def test_a_guatemalan_official_signs_in_and_lands_on_the_members_dashboard(page, gt_official):
    errors = _collect_csp_errors(page)
    page.goto(reverse("account_login"))
    page.locator("#id_login").fill("gt_official")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**{reverse('members:dashboard')}")
    assert "Carlos" in page.content()
    assert page.locator("form[action$='/accounts/logout/']").count() >= 1
    assert errors == []


@pytest.mark.browser
def test_an_anonymous_visitor_opening_the_members_area_is_sent_to_login(page, db):
    page.goto(reverse("members:dashboard"))
    assert reverse("account_login") in page.url
    assert "next=" in page.url
    assert page.locator("#id_login").is_visible()


@pytest.mark.browser
def test_the_totp_qr_code_displays_under_the_csp(page, gt_official):
    errors = _collect_csp_errors(page)
    page.goto(reverse("account_login"))
    page.locator("#id_login").fill("gt_official")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**{reverse('members:dashboard')}")
    page.goto(reverse("mfa_activate_totp"))
    if reverse("account_reauthenticate") in page.url:
        page.locator("#id_password").fill(PASSWORD)
        page.locator("form.form button[type=submit]").click()
        page.wait_for_url(f"**{reverse('mfa_activate_totp')}")
    qr = page.locator("img.qr-code")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    assert errors == []


@pytest.mark.browser
def test_the_interactive_api_docs_work_under_the_csp(page, db):
    errors = _collect_csp_errors(page)
    page.goto("/api/v1/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock-summary-path", has_text="/api/v1/me").count() >= 1
    assert errors == []
