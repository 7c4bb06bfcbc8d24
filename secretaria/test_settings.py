"""Settings for the test suite: production settings with fast hashing and in-memory mail."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-" + "k3y-" * 12)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("EMAIL_URL", "memory://")
os.environ.setdefault("TASKS_BACKEND", "immediate")
# The reserve fund's keys: fixed, test-only values (a Fernet key is 32 url-safe base64 bytes).
os.environ.setdefault("FUND_ENCRYPTION_KEYS", "dGVzdC1vbmx5LWZ1bmQta2V5LW5ldmVyLWluLXByb2Q=")
os.environ.setdefault("FUND_HMAC_KEY", "test-only-fund-hmac-key-never-in-production")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")

from secretaria.settings import *  # noqa: E402, F403

# Argon2 is deliberately slow; tests create many accounts.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# django-rq's admin views (the failed-job list of TASKS_BACKEND=rq) are tested on the test Redis.
if "django_rq" not in INSTALLED_APPS:
    INSTALLED_APPS.append("django_rq")
