"""Small, loud readers for settings taken from the environment.

Every helper raises ImproperlyConfigured with the variable's name and the value it
could not read, so a typo in a deployment stops the process at start-up instead of
running with a surprising default.
"""

import base64
import hashlib
import os
from email.utils import getaddresses
from urllib.parse import parse_qsl, unquote, urlsplit

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false, yes/no, on/off), got {raw!r}")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {value}")
    return value


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


# --- Settings read from more than one variable or with a shape to check ---------------------


def admins_from(raw: str | None) -> list[tuple[str, str]]:
    """ADMINS="Ana Pérez <ana@example.org>, ops@example.org" → [(name, address), …]."""
    pairs = []
    for name, address in getaddresses([raw or ""]):
        if not address:
            continue
        if "@" not in address:
            raise ImproperlyConfigured(f"ADMINS must be e-mail addresses separated by commas, got {address!r}")
        pairs.append((name or address, address))
    return pairs


def fund_encryption_keys(*, dev_mode: bool, secret_key: str) -> list[str]:
    """The reserve fund's Fernet keys, newest first: it encrypts with the first and reads with any
    (MultiFernet), so a new key goes in front and `manage.py rotate_fund_keys` re-encrypts."""
    keys = env_list("FUND_ENCRYPTION_KEYS")
    if keys:
        for key in keys:
            try:
                Fernet(key)
            except ValueError:
                raise ImproperlyConfigured(
                    "FUND_ENCRYPTION_KEYS must be comma-separated Fernet keys (32 url-safe base64-encoded bytes each)"
                ) from None
        return keys
    if not dev_mode:
        raise ImproperlyConfigured("FUND_ENCRYPTION_KEYS is required outside DEV_MODE (see .env.example)")
    # DEV_MODE only: a key derived from the generated SECRET_KEY, never used in production.
    return [
        base64.urlsafe_b64encode(hashlib.sha256(b"dev-mode-only fund key|" + secret_key.encode()).digest()).decode()
    ]


def fund_hmac_key(*, dev_mode: bool, secret_key: str) -> str:
    key = env_str("FUND_HMAC_KEY")
    if key:
        if len(key) < 32:
            raise ImproperlyConfigured("FUND_HMAC_KEY must be a random string of at least 32 characters")
        return key
    if not dev_mode:
        raise ImproperlyConfigured("FUND_HMAC_KEY is required outside DEV_MODE (see .env.example)")
    return "dev-mode-only-fund-hmac|" + hashlib.sha256(secret_key.encode()).hexdigest()


def s3_storages(url: str) -> dict[str, dict]:
    """STORAGES entries "default" and "private" for an s3:// STORAGE_URL."""
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.hostname:
        raise ImproperlyConfigured("STORAGE_URL must look like s3://BUCKET/PREFIX?endpoint_url=https://…")
    query = dict(parse_qsl(parts.query))
    unknown = set(query) - {"endpoint_url", "region", "addressing_style", "public_url"}
    if unknown:
        raise ImproperlyConfigured(f"STORAGE_URL has unknown options: {', '.join(sorted(unknown))}")
    prefix = parts.path.strip("/")
    common = {
        "bucket_name": parts.hostname,
        "endpoint_url": query.get("endpoint_url") or None,
        "region_name": query.get("region") or None,
        "addressing_style": query.get("addressing_style") or None,
        "file_overwrite": False,
        "signature_version": "s3v4",
        "default_acl": None,
    }
    if parts.username:
        common["access_key"] = unquote(parts.username)
        common["secret_key"] = unquote(parts.password or "")
    media = {**common, "location": f"{prefix}/media".strip("/")}
    public_url = query.get("public_url", "")
    if public_url:  # public media served by the store itself or a CDN in front of it
        public = urlsplit(public_url)
        media.update(custom_domain=public.netloc + public.path.rstrip("/"), url_protocol=f"{public.scheme}:")
        media["querystring_auth"] = False
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": media},
        "private": {
            "BACKEND": "secretaria.files.storage.PrivateS3Storage",
            "OPTIONS": {**common, "location": f"{prefix}/private".strip("/"), "querystring_auth": True},
        },
    }
