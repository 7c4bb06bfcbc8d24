"""Production settings refuse bad configuration; every response carries the security headers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[3]
GOOD_KEY = "x7Hq2LmZ9vR4tB8nW1cK6pF3sD5gJ0aY-e_uT!oI@rE#wQ$zX%"  # 50 characters, test only


def _env(tmp_path, **overrides):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "secretaria.settings",
        "VAR_DIR": str(tmp_path / "var"),
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "sv.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "FUND_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWZ1bmQta2V5LW5ldmVyLWluLXByb2Q=",
        "FUND_HMAC_KEY": "test-only-fund-hmac-key-never-in-production",
    }
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def _python(tmp_path, code, **env):
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
        [sys.executable, "-c", code], cwd=ROOT, env=_env(tmp_path, **env), capture_output=True, text=True, timeout=60
    )


LOAD = "import django; django.setup(); from django.conf import settings; print(settings.PASSWORD_HASHERS[0])"


def test_production_settings_load_with_good_values_and_hash_with_argon2(tmp_path):
    result = _python(tmp_path, LOAD)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("file:///srv/sv/mail", "/srv/sv/mail"),
        ("file://localhost/srv/sv/mail", "/srv/sv/mail"),
        ("file://var/outbox", str(ROOT / "var" / "outbox")),
    ],
    ids=["absolute", "localhost", "relative-to-the-project"],
)
def test_a_file_email_url_saves_mail_where_it_says(tmp_path, url, expected):
    code = "import django; django.setup(); from django.conf import settings; print(settings.EMAIL_FILE_PATH)"
    result = _python(tmp_path, code, EMAIL_URL=url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_dev_mode_saves_mail_under_the_var_folder(tmp_path):
    code = "import django; django.setup(); from django.conf import settings; print(settings.EMAIL_FILE_PATH)"
    result = _python(tmp_path, code, DEV_MODE="1", SECRET_KEY=None, ALLOWED_HOSTS=None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "var" / "mail")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY is required outside DEV_MODE"),
        ({"SECRET_KEY": "short-and-guessable"}, "SECRET_KEY must be a random string of at least 50 characters"),
        ({"DEBUG": "maybe"}, "DEBUG must be a boolean"),
        ({"DATABASE_URL": "mysql://user@db/sv"}, "DATABASE_URL must be sqlite:///path or postgres://"),
        ({"EMAIL_URL": "ftp://mail.example.org"}, "EMAIL_URL scheme must be one of"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS is required outside DEV_MODE"),
        ({"FUND_ENCRYPTION_KEYS": None}, "FUND_ENCRYPTION_KEYS is required outside DEV_MODE"),
        ({"FUND_ENCRYPTION_KEYS": "not-a-key"}, "FUND_ENCRYPTION_KEYS must be comma-separated Fernet keys"),
        ({"FUND_HMAC_KEY": None}, "FUND_HMAC_KEY is required outside DEV_MODE"),
        ({"FUND_HMAC_KEY": "short"}, "FUND_HMAC_KEY must be a random string of at least 32 characters"),
    ],
    ids=[
        "missing-secret-key",
        "short-secret-key",
        "bad-debug",
        "bad-database-url",
        "bad-email-url",
        "no-hosts",
        "missing-fund-keys",
        "bad-fund-keys",
        "missing-fund-hmac-key",
        "short-fund-hmac-key",
    ],  # fmt: skip
)
def test_production_settings_refuse_bad_values(tmp_path, env, message):
    result = _python(tmp_path, LOAD, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_check_deploy_reports_no_warnings_with_production_settings(tmp_path):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_env(tmp_path, DEBUG="0"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    code = (
        "import django; django.setup(); from django.db import connection; c = connection.cursor();"
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]);"
        "c.execute('PRAGMA busy_timeout'); print(c.fetchone()[0])"
    )
    result = _python(tmp_path, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "20000"]


PAGES = [
    "/es/",
    "/en/",
    "/es/accounts/login/",
    "/es/accounts/signup/",
    "/es/accounts/password/reset/",
    "/es/no-such-page/",
    "/api/v1/me",
    "/api/v1/openapi.json",
    "/api/v1/docs",
    "/admin/login/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path, follow=False)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_signed_in_pages_carry_the_security_headers_too(client_for, gt_official):
    response = client_for(gt_official).get(reverse("members:dashboard"))
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in response["Content-Security-Policy"]
