"""Mandatory two-factor authentication for the Secretariat and administrators, end to end."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, TOTP, generate_totp_secret
from django.test import Client
from django.urls import reverse

from secretaria.accounts.services import user_create
from secretaria.accounts.tests.helpers import post_login, reauthenticate, totp_code, user_totp_code
from secretaria.conftest import PASSWORD
from secretaria.core.access import Role
from secretaria.core.models import AuditEvent


@pytest.fixture
def new_st(crm):
    """A Secretariat officer whose account was just created: no authenticator yet."""
    return user_create(
        username="new_st", email="new_st@example.org", role=Role.SECRETARIAT, password=PASSWORD,
        organization=crm["orgs"]["st"], country=crm["countries"]["CR"],
    )  # fmt: skip


def test_a_secretariat_officer_without_totp_is_sent_to_set_it_up_from_any_page(new_st):
    client = Client()
    response = post_login(client, "new_st")
    assert response.status_code == 302
    for url in [reverse("members:dashboard"), reverse("portal:home"), reverse("directory:countries")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("mfa_activate_totp")
    # Right after signing in, the officer is not asked for the password a second time.
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert "dos factores" in page.content.decode()


def test_the_api_answers_403_json_until_totp_is_set_up(new_st):
    client = Client()
    post_login(client, "new_st")
    response = client.get("/api/v1/me")
    assert response.status_code == 403
    assert "autenticación de dos factores" in response.json()["detail"]


def test_a_member_official_is_not_forced_to_use_totp(client_for, gt_official):
    assert client_for(gt_official).get(reverse("members:dashboard")).status_code == 200


def test_activating_totp_then_signing_in_asks_for_the_code(new_st, django_capture_on_commit_callbacks):
    client = Client()
    post_login(client, "new_st")
    page = client.get(reverse("mfa_activate_totp"))
    html = page.content.decode()
    # The QR code is a server-drawn SVG in an <img> data: URI: no script, no inline style.
    assert re.search(r'<img class="qr-code" src="data:image/svg\+xml;base64,', html)
    secret = client.session[SECRET_SESSION_KEY]
    assert secret in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=new_st, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=new_st, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.MFA_CHANGED, actor=new_st).exists()
    assert client.get(reverse("members:dashboard")).status_code == 200

    client.post(reverse("account_logout"))
    fresh = Client()
    response = post_login(fresh, "new_st")
    assert response["Location"] == reverse("mfa_authenticate")
    # Not signed in yet: the members' area still sends to the login page.
    assert fresh.get(reverse("members:dashboard"))["Location"].startswith(reverse("account_login"))
    wrong = fresh.post(reverse("mfa_authenticate"), {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "errorlist" in wrong.content.decode()
    response = fresh.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert fresh.get(reverse("members:dashboard")).status_code == 200


def test_a_recovery_code_signs_in_once(st_officer):
    codes = RecoveryCodes.activate(st_officer).get_unused_codes()
    first = Client()
    assert post_login(first, "st_officer")["Location"] == reverse("mfa_authenticate")
    assert first.post(reverse("mfa_authenticate"), {"code": codes[0]}).status_code == 302
    assert first.get(reverse("members:dashboard")).status_code == 200

    second = Client()
    post_login(second, "st_officer")
    response = second.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert response.status_code == 200
    assert second.get(reverse("members:dashboard")).status_code == 302


def test_a_secretariat_officer_cannot_deactivate_their_authenticator(st_officer):
    client = Client()
    post_login(client, "st_officer")
    client.post(reverse("mfa_authenticate"), {"code": user_totp_code(st_officer)})
    reauthenticate(client)
    index = client.get(reverse("mfa_index")).content.decode()
    assert reverse("mfa_deactivate_totp") not in index
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 200
    assert "no puede desactivarse" in response.content.decode()  # the default language: Spanish
    assert Authenticator.objects.filter(user=st_officer, type=Authenticator.Type.TOTP).exists()


def test_a_member_official_may_deactivate_an_authenticator_they_chose_to_use(gt_official):
    TOTP.activate(gt_official, generate_totp_secret())
    client = Client()
    post_login(client, "gt_official")
    client.post(reverse("mfa_authenticate"), {"code": user_totp_code(gt_official)})
    reauthenticate(client)
    assert reverse("mfa_deactivate_totp") in client.get(reverse("mfa_index")).content.decode()
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=gt_official, type=Authenticator.Type.TOTP).exists()


def test_recovery_codes_can_be_viewed_downloaded_and_regenerated(st_officer):
    RecoveryCodes.activate(st_officer)
    client = Client()
    post_login(client, "st_officer")
    client.post(reverse("mfa_authenticate"), {"code": user_totp_code(st_officer)})
    reauthenticate(client)
    unused = RecoveryCodes(Authenticator.objects.get(user=st_officer, type="recovery_codes")).get_unused_codes()
    view = client.get(reverse("mfa_view_recovery_codes"))
    assert view.status_code == 200
    assert unused[0] in view.content.decode()
    download = client.get(reverse("mfa_download_recovery_codes"))
    assert download.status_code == 200
    assert unused[0] in download.content.decode()
    assert client.get(reverse("mfa_generate_recovery_codes")).status_code == 200
    assert client.post(reverse("mfa_generate_recovery_codes")).status_code == 302
    renewed = RecoveryCodes(Authenticator.objects.get(user=st_officer, type="recovery_codes")).get_unused_codes()
    assert unused[0] not in renewed


def test_without_a_fresh_password_sign_in_allauth_still_asks_for_the_password(new_st, client_for):
    client = client_for(new_st)  # a session without a password sign-in record
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    reauthenticate(client)
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_a_member_official_adding_totp_is_asked_for_the_password_again(gt_official):
    client = Client()
    post_login(client, "gt_official")
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
