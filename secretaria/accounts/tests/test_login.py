"""Signing in and out: audit trail, lockout after repeated failures, session expiry."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from secretaria.accounts.tests.helpers import post_login
from secretaria.conftest import PASSWORD
from secretaria.core.models import AuditEvent


def test_a_member_signs_in_with_username_or_email_and_lands_on_the_dashboard(gt_official):
    for login in ["gt_official", "gt_official@example.org"]:
        client = Client()
        response = post_login(client, login)
        assert response.status_code == 302
        assert response["Location"] == reverse("members:dashboard")
        assert client.get(response["Location"]).status_code == 200


def test_signing_in_and_out_is_audited(gt_official):
    client = Client()
    post_login(client, "gt_official")
    client.post(reverse("account_logout"))
    kinds = list(AuditEvent.objects.filter(actor=gt_official).order_by("id").values_list("kind", flat=True))
    assert kinds[-2:] == [AuditEvent.Kind.LOGIN, AuditEvent.Kind.LOGOUT]


def test_a_failed_login_is_audited_without_the_password(gt_official):
    response = post_login(Client(), "gt_official", "not-the-password-123")
    assert response.status_code == 200
    assert "errorlist" in response.content.decode() or "form-errors" in response.content.decode()
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.LOGIN_FAILED)
    assert event.target == "gt_official"
    assert event.actor is None
    assert event.ip_address == "127.0.0.1"
    assert "not-the-password-123" not in str(event.details) + event.target + event.actor_username


def test_after_too_many_failures_even_the_right_password_is_refused(gt_official):
    client = Client()
    for _ in range(settings.LOGIN_MAX_FAILURES):
        assert post_login(client, "gt_official", "wrong-password-000").status_code == 200
    response = post_login(Client(), "gt_official")
    assert response.status_code == 200
    html = response.content.decode()  # the default language: Spanish
    assert "Esta cuenta está bloqueada tras demasiados intentos fallidos de inicio de sesión" in html
    assert "restablezca su contraseña" in html
    assert Client().get(reverse("members:dashboard")).status_code == 302
    lockout = AuditEvent.objects.get(kind=AuditEvent.Kind.LOCKOUT)
    assert lockout.target == "gt_official"
    # Other accounts are not affected.
    assert post_login(Client(), "observer_absent").status_code == 200


def test_the_lockout_is_recorded_once_per_lockout_period(gt_official):
    for _ in range(settings.LOGIN_MAX_FAILURES + 3):
        post_login(Client(), "gt_official", "wrong-password-000")
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOCKOUT).count() == 1


def test_a_successful_login_does_not_count_towards_the_lockout(gt_official, hn_official):
    for _ in range(settings.LOGIN_MAX_FAILURES - 1):
        post_login(Client(), "hn_official", "wrong-password-000")
    assert post_login(Client(), "hn_official").status_code == 302
    assert post_login(Client(), "hn_official").status_code == 302


def test_the_session_cookie_expires_after_session_cookie_age(gt_official):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    # "Remember me" keeps the cookie for SESSION_COOKIE_AGE; without it, until the browser closes.
    remembered = Client().post(
        reverse("account_login"), {"login": "gt_official", "password": PASSWORD, "remember": "on"}
    )
    cookie = remembered.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE
    assert cookie["httponly"]
    client = Client()
    assert post_login(client, "gt_official").cookies[settings.SESSION_COOKIE_NAME]["max-age"] == ""
    assert client.get(reverse("members:dashboard")).status_code == 200
    # The server-side session ends too, whatever the browser does with its cookie.
    session = Session.objects.get(session_key=client.session.session_key)
    expected = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert abs((session.expire_date - expected).total_seconds()) < 60
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("members:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("persona", ["gt_official", "observer", "civil_society", "ppt_official"])
def test_every_non_secretariat_persona_can_sign_in_without_a_second_factor(request, persona):
    user = request.getfixturevalue(persona)
    assert post_login(Client(), user.username)["Location"] == reverse("members:dashboard")


def test_an_inactive_account_cannot_sign_in(gt_official):
    gt_official.is_active = False
    gt_official.save()
    response = post_login(Client(), "gt_official")
    assert Client().get(reverse("members:dashboard")).status_code == 302
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response["Location"] == reverse("account_inactive")


def test_the_login_field_says_what_to_type(client):
    page = client.get("/en/accounts/login/").content.decode()
    assert "Username or e-mail address" in page


def _lock(login: str):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        assert post_login(Client(), login, "wrong-password-000").status_code == 200


LOCKED = "Esta cuenta está bloqueada tras demasiados intentos fallidos de inicio de sesión"


def test_an_account_locked_by_username_refuses_its_e_mail_address_too(ppt_official, gt_official):
    _lock("ppt_official")
    for login in ["ppt_official@example.org", "PPT_Official@Example.org", "PPT_OFFICIAL"]:
        response = post_login(Client(), login)
        assert response.status_code == 200, login
        assert LOCKED in response.content.decode()
    # Another account, by either identifier, is not affected.
    assert post_login(Client(), "gt_official@example.org").status_code == 302


def test_an_account_locked_by_e_mail_address_refuses_its_username_too(ppt_official):
    _lock("ppt_official@example.org")
    response = post_login(Client(), "ppt_official")
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert Client().get(reverse("members:dashboard")).status_code == 302


def test_failures_by_username_and_e_mail_add_up_on_the_same_account(ppt_official):
    logins = ["ppt_official", "ppt_official@example.org", "Ppt_Official"]
    for i in range(settings.LOGIN_MAX_FAILURES):
        post_login(Client(), logins[i % len(logins)], "wrong-password-000")
    assert LOCKED in post_login(Client(), "ppt_official@example.org").content.decode()
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOCKOUT).count() == 1


def test_unknown_logins_are_locked_out_too(db):
    _lock("nobody-here")
    assert LOCKED in post_login(Client(), "nobody-here").content.decode()
