"""Cache and sessions on Redis (CACHE_URL / REDIS_URL): what one process records, another sees.

Each "process" here is a fresh cache client with its own connection pool, built from the same
settings, as a second gunicorn process or another machine would build it. Runs on a Redis of
the test session's own (core/tests/engines.py); skipped without Redis.
"""

import os
import subprocess
import sys

import pytest
import redis
from django.conf import settings as django_settings
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from secretaria.accounts.tests.helpers import post_login

pytestmark = pytest.mark.rq


@pytest.fixture
def redis_cache(settings, redis_url):
    url = redis_url.rsplit("/", 1)[0] + "/2"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    raw = redis.Redis.from_url(url)
    raw.flushdb()
    yield raw
    raw.flushdb()
    raw.close()


def another_process():
    """Drop this process's cache clients: the next use connects anew, as another process would."""
    del caches["default"]


@pytest.mark.django_db
def test_a_lockout_recorded_by_one_process_holds_in_another(redis_cache, gt_official):
    for _ in range(django_settings.LOGIN_MAX_FAILURES):
        assert post_login(Client(), "gt_official", "wrong-password-000").status_code == 200
    assert redis_cache.dbsize() > 0  # the failures are in Redis, not in this process

    another_process()
    response = post_login(Client(), "gt_official")
    assert response.status_code == 200
    assert "Esta cuenta está bloqueada" in response.content.decode()


@pytest.mark.django_db
def test_a_session_opened_on_one_process_is_read_from_redis_by_another(redis_cache, gt_official):
    client = Client()
    assert post_login(client, "gt_official").status_code == 302
    session_key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert any(session_key in key.decode() for key in redis_cache.keys("*"))

    another_process()
    assert client.get(reverse("members:dashboard")).status_code == 200
    # Written through to the database too: a Redis restart signs nobody out.
    redis_cache.flushdb()
    another_process()
    assert SessionStore(session_key).get("_auth_user_id") == str(gt_official.pk)
    assert client.get(reverse("members:dashboard")).status_code == 200


def test_redis_is_chosen_by_cache_url_or_redis_url():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'], s.SESSION_ENGINE)"
    )
    base = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "secretaria.settings",
        "SECRET_KEY": "k3y-Of-the-test-" * 5,
        "ALLOWED_HOSTS": "sv.example.org",
    }
    base.pop("REDIS_URL", None)
    base.pop("CACHE_URL", None)

    def run(**env):
        done = subprocess.run(
            [sys.executable, "-c", code], env={**base, **env}, capture_output=True, text=True, timeout=60
        )
        return done.stdout.split() or [done.stderr.strip().splitlines()[-1]]

    assert run()[0] == "django.core.cache.backends.filebased.FileBasedCache"
    assert run()[2] == "django.contrib.sessions.backends.db"
    assert run(REDIS_URL="redis://127.0.0.1:6379/0") == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/0",
        "django.contrib.sessions.backends.cached_db",
    ]
    assert run(REDIS_URL="redis://127.0.0.1:6379/0", CACHE_URL="redis://cache.internal:6380/4")[1] == (
        "redis://cache.internal:6380/4"
    )
    assert "CACHE_URL must be a redis://" in run(CACHE_URL="memcached://127.0.0.1:11211")[0]
