"""allauth's pages render inside the site's layout, with the form CSS contract and nothing the CSP forbids."""

import re

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.core import mail
from django.test import Client
from django.urls import reverse

from secretaria.accounts.tests.helpers import post_login, reauthenticate, user_totp_code
from secretaria.conftest import PASSWORD


def assert_in_site_layout(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html and 'class="site-footer"' in html, "not inside base.html"
    assert "account-page" in html
    assert not re.search(r"\sstyle=", html), "inline style attribute"
    assert "<style" not in html
    for attrs in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html):
        assert 'type="application/json"' in attrs, "inline executable script"
    return html


ANONYMOUS_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_public_account_pages_use_the_site_layout(name):
    assert_in_site_layout(Client().get(reverse(name)))


def test_the_login_form_follows_the_form_contract(db):
    html = assert_in_site_layout(Client().get(reverse("account_login")))
    assert '<form class="form" method="post"' in html
    assert re.search(r'<div class="field[^"]*">\s*<label for="id_login"', html)
    assert 'class="button"' in html
    assert reverse("account_reset_password") in html  # "Forgot your password?"


def test_form_errors_use_the_contract(gt_official):
    html = assert_in_site_layout(post_login(Client(), "gt_official", "wrong-password-000"))
    assert 'class="form-errors"' in html
    assert 'class="errorlist' in html


@pytest.mark.parametrize("name", ["account_logout", "account_change_password", "account_email", "mfa_index"])
def test_signed_in_account_pages_use_the_site_layout(client_for, gt_official, name):
    assert_in_site_layout(client_for(gt_official).get(reverse(name)))


def test_signing_up_creates_a_registered_account_and_sends_a_verification_email(db):
    client = Client()
    response = client.post(
        reverse("account_signup"),
        {
            "email": "rosa@rrcom.example",
            "username": "rosa",
            "password1": "migrantes-2004-red",
            "password2": "migrantes-2004-red",
        },
    )
    assert response.status_code == 302
    assert_in_site_layout(client.get(response["Location"]))
    assert len(mail.outbox) == 1
    from secretaria.accounts.models import User

    assert User.objects.get(username="rosa").role == "registered"
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)
    assert_in_site_layout(client.get(path))  # the confirmation page


def test_password_reset_by_email_end_to_end(gt_official):
    client = Client()
    response = client.post(reverse("account_reset_password"), {"email": "gt_official@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    response = client.get(re.sub(r"^https?://[^/]+", "", link), follow=True)
    html = assert_in_site_layout(response)
    assert 'name="password1"' in html
    response = client.post(
        response.redirect_chain[-1][0], {"password1": "nuevo-enlace-2004", "password2": "nuevo-enlace-2004"}
    )
    assert response.status_code == 302
    assert_in_site_layout(client.get(response["Location"]))
    gt_official.refresh_from_db()
    assert gt_official.check_password("nuevo-enlace-2004")


def test_password_change_renders_and_works(client_for, gt_official):
    client = client_for(gt_official)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "otra-clave-2004-gt", "password2": "otra-clave-2004-gt"},
    )
    assert response.status_code == 302
    gt_official.refresh_from_db()
    assert gt_official.check_password("otra-clave-2004-gt")


def test_two_factor_pages_use_the_site_layout(st_officer):
    RecoveryCodes.activate(st_officer)
    client = Client()
    post_login(client, "st_officer")
    assert_in_site_layout(client.get(reverse("mfa_authenticate")))
    client.post(reverse("mfa_authenticate"), {"code": user_totp_code(st_officer)})
    assert_in_site_layout(client.get(reverse("account_reauthenticate")))
    reauthenticate(client)
    for name in ["mfa_index", "mfa_view_recovery_codes", "mfa_generate_recovery_codes", "mfa_deactivate_totp"]:
        assert_in_site_layout(client.get(reverse(name)))


def test_the_totp_activation_page_shows_the_qr_code_as_an_image(gt_official):
    client = Client()
    post_login(client, "gt_official")
    reauthenticate(client)
    html = assert_in_site_layout(client.get(reverse("mfa_activate_totp")))
    assert re.search(r'<img class="qr-code" src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+"', html)
    assert 'alt="' in html
    assert 'name="code"' in html


def test_the_dashboard_shows_the_account_panel(client_for, gt_official):
    html = client_for(gt_official).get(reverse("members:dashboard")).content.decode()
    assert reverse("account_change_password") in html
    assert reverse("mfa_index") in html
