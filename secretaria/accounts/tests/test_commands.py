"""manage.py create_user, api_token and totp_code."""

import io
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError
from django.test import Client

from secretaria.accounts.models import ApiToken, User
from secretaria.accounts.tests.helpers import totp_code
from secretaria.core.access import Role
from secretaria.core.models import AuditEvent


def run(*args, stdin: str | None = None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_user_with_a_password_from_stdin(crm, monkeypatch):
    out, _ = run(
        "create_user", "--username", "lmonzon", "--email", "lmonzon@example.org", "--role", "secretariat",
        "--country", "CR", "--organization", "ST", "--first-name", "Luis", "--last-name", "Monzón",
        "--password-stdin", stdin="a-very-long-password-2004\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    user = User.objects.get(username="lmonzon")
    assert (user.role, user.country.iso2, user.organization.acronym_es) == (Role.SECRETARIAT, "CR", "ST")
    assert user.get_full_name() == "Luis Monzón"
    assert user.check_password("a-very-long-password-2004")
    assert "Created lmonzon" in out
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.USER_CREATED, target="lmonzon").exists()


def test_create_user_without_a_password_prints_a_one_time_link_that_works(crm, settings):
    out, _ = run(
        "create_user", "--username", "cmendez", "--email", "c@example.org", "--role", "member", "--country", "GTM"
    )
    link = re.search(r"(http\S+)", out).group(1)
    assert link.startswith(settings.SITE_URL + "/es/accounts/password/reset/key/")
    user = User.objects.get(username="cmendez")
    assert not user.has_usable_password()
    client = Client()
    response = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"password1": "guatemala-2004-enlace", "password2": "guatemala-2004-enlace"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("guatemala-2004-enlace")
    # The link is spent.
    again = Client().get(link.removeprefix(settings.SITE_URL), follow=True)
    assert "password1" not in again.content.decode()


def test_create_user_can_email_the_link_instead(crm):
    out, _ = run(
        "create_user",
        "--username",
        "hzelaya",
        "--email",
        "h@example.org",
        "--role",
        "member",
        "--country",
        "HN",
        "--send-email",
    )
    assert "e-mailed to h@example.org" in out
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["h@example.org"]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "king"], "Unknown role 'king'"),
        (["--role", "member"], "needs --country"),
        (["--role", "member", "--country", "ZZ"], "Unknown country ISO code 'ZZ'"),
        (["--role", "observer", "--organization", "Nobody Inc"], "Organisation 'Nobody Inc' not found"),
        (["--role", "member", "--country", "CO"], "no es Estado miembro"),
    ],
)
def test_create_user_explains_what_is_wrong(crm, args, message):
    with pytest.raises(CommandError, match=message):
        run("create_user", "--username", "someone", "--email", "s@example.org", *args)
    assert not User.objects.filter(username="someone").exists()


def test_create_user_refuses_a_duplicate_username(gt_official):
    with pytest.raises(CommandError, match="already exists"):
        run("create_user", "--username", "GT_official", "--email", "x@example.org", "--role", "registered")


def test_a_command_error_ends_the_process_with_a_non_zero_status(crm, capsys):
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(
            ["manage.py", "create_user", "--username", "u", "--email", "u@example.org", "--role", "king"]
        ).execute()
    assert exit_info.value.code == 1
    assert "Unknown role 'king'" in capsys.readouterr().err


def test_api_token_prints_a_token_once_and_revokes_by_prefix(gt_official):
    out, err = run("api_token", "gt_official", "--name", "reports")
    key = out.strip()
    assert key.startswith("sv_")
    assert "will not be shown again" in err
    token = ApiToken.objects.get(user=gt_official)
    assert token.name == "reports"
    assert key not in (token.key_hash, token.key_prefix)
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}").json()["username"] == "gt_official"
    out, _ = run("api_token", "gt_official", "--revoke", key[:8])
    assert "revoked" in out
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_api_token_refuses_unknown_users_and_prefixes(gt_official):
    with pytest.raises(CommandError, match="No user named"):
        run("api_token", "nobody")
    with pytest.raises(CommandError, match="no active token"):
        run("api_token", "gt_official", "--revoke", "sv_nothing")


def test_totp_code_only_works_in_development(st_officer, settings):
    settings.DEV_MODE = False
    with pytest.raises(CommandError, match="DEV_MODE"):
        run("totp_code", "st_officer")


def test_totp_code_prints_the_current_code_in_development(crm, settings):
    from secretaria.accounts.services import user_create

    settings.DEV_MODE = True
    user = user_create(username="st", email="st@example.org", role=Role.SECRETARIAT, organization=crm["orgs"]["st"])
    TOTP.activate(user, "CRMSTDEMOLUISMONZONSANJOSECOSTAR")
    out, _ = run("totp_code", "st")
    assert out.strip() == totp_code("CRMSTDEMOLUISMONZONSANJOSECOSTAR")
    user_create(username="plain", email="plain@example.org", role=Role.REGISTERED)
    with pytest.raises(CommandError, match="no authenticator"):
        run("totp_code", "plain")
