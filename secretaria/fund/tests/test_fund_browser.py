"""The fund's pages in Chromium: a fund officer signs in with the second factor, finds the case
in the list, reveals the personal data giving a reason and sees it; a member without a fund
role gets the 404 page for the same address."""

import time

import pytest
from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.test import Client
from django.urls import reverse

from secretaria.conftest import PASSWORD
from secretaria.fund.models import AccessLogEntry
from secretaria.fund.tests.conftest import MARKER


def _current_code(user) -> str:
    """The code of the current window, waiting for the next one when this one is about to end."""
    if app_settings.TOTP_PERIOD - time.time() % app_settings.TOTP_PERIOD < 5:
        time.sleep(5)
    secret = decrypt(Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_fund_officer_signs_in_with_totp_and_reveals_a_case_giving_a_reason(
    page, live_server, fund_officer, submitted_case
):
    page.goto(reverse("account_login"))
    page.locator("#id_login").fill(fund_officer.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form:has(#id_password) button[type=submit]").click()
    page.locator("input[name=code]").fill(_current_code(fund_officer))
    page.locator("form:has(input[name=code]) button.button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/" not in url)

    page.goto(reverse("fund:cases"))
    assert MARKER not in page.content()  # the list carries codes and non-identifying fields only
    page.get_by_role("link", name=submitted_case.code).click()
    page.wait_for_url(f"**{reverse('fund:case', args=[submitted_case.code])}")
    assert MARKER not in page.content()

    reveal = page.locator(f"form[action='{reverse('fund:case_reveal', args=[submitted_case.code])}']")
    reveal.locator("textarea[name=reason]").fill("Verificar el contacto de acogida")
    reveal.locator("button[type=submit]").click()
    personal = page.locator("#personal")
    personal.wait_for()
    assert f"{MARKER} Ana" in personal.inner_text() and f"{MARKER} Tapachula" in personal.inner_text()
    entry = AccessLogEntry.objects.get(case=submitted_case, action="reveal")
    assert entry.user == fund_officer and entry.reason == "Verificar el contacto de acogida"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_member_without_a_fund_role_gets_404_on_the_case_address(page, live_server, gt_official, submitted_case):
    client = Client()
    client.force_login(gt_official)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    response = page.goto(reverse("fund:case", args=[submitted_case.code]))
    assert response.status == 404
    assert submitted_case.code not in page.locator("main").inner_text() and MARKER not in page.content()
