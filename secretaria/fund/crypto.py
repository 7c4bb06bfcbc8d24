"""Encryption at rest for the fund's personal data, and the keyed hashes that find duplicates.

Fields: django-fernet-encrypted-fields' mixin with our keys. The library derives its keys from
SECRET_KEY and SALT_KEY; the fund has its own (FUND_ENCRYPTION_KEYS, newest first, a
MultiFernet), so a leaked SECRET_KEY does not open the cases and the keys rotate on their own
(`manage.py rotate_fund_keys`). Files are encrypted with the same MultiFernet.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models
from encrypted_fields.fields import EncryptedFieldMixin

_cache: dict[tuple[str, ...], MultiFernet] = {}


def fernet() -> MultiFernet:
    """The MultiFernet of the configured keys (followed when the settings change, as in tests)."""
    keys = tuple(settings.FUND_ENCRYPTION_KEYS)
    if keys not in _cache:
        _cache.clear()
        _cache[keys] = MultiFernet([Fernet(k) for k in keys])
    return _cache[keys]


def encrypt_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return fernet().decrypt(token)


def rotate_token(token: str) -> str:
    """The same plaintext, encrypted with the newest key."""
    return fernet().rotate(token.encode()).decode()


class _FundKeys(EncryptedFieldMixin):
    # Properties instead of the library's cached ones: the keys are ours, read at each use.
    @property
    def keys(self):
        return list(settings.FUND_ENCRYPTION_KEYS)

    @property
    def f(self):
        return fernet()

    def get_prep_value(self, value):
        # The library stores an empty value as NULL; "" keeps NOT NULL columns and the
        # constraints that compare with "" working.
        encrypted = super().get_prep_value(value)
        return "" if encrypted is None else encrypted

    def value_to_string(self, obj):
        # dumpdata and other serialisations get the ciphertext, never the clear value
        # (loaddata decrypts it again in to_python).
        return self.get_prep_value(self.value_from_object(obj))

    def to_python(self, value):
        if value is None or not isinstance(value, str) or hasattr(self, "_already_decrypted"):
            return value
        if value.startswith("gAAAAA"):
            try:
                value = self.f.decrypt(value.encode()).decode()
            except InvalidToken:
                # A value no configured key opens: shown as unreadable, never as the ciphertext.
                return ""
        return super(EncryptedFieldMixin, self).to_python(value)


class EncryptedCharField(_FundKeys, models.CharField):
    pass


class EncryptedTextField(_FundKeys, models.TextField):
    pass


def _normalise(value: str) -> str:
    text = unicodedata.normalize("NFKD", value or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def keyed_hash(*parts: str) -> str:
    """HMAC-SHA256 of the normalised parts (case, accents and spaces ignored), or "" if all empty."""
    normalised = [_normalise(p) for p in parts]
    if not any(normalised):
        return ""
    message = "\x1f".join(normalised).encode()
    return hmac.new(settings.FUND_HMAC_KEY.encode(), message, hashlib.sha256).hexdigest()
