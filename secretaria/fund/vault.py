"""The fund's confidential files: checked by secretaria/files, encrypted with the fund's keys,
stored under MEDIA_ROOT/private/fund/ with generated names."""

from __future__ import annotations

import uuid

from django.core.files.base import ContentFile

from secretaria.files.storage import private_storage
from secretaria.fund import crypto


def store(data: bytes) -> str:
    name = f"fund/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}.bin"
    return private_storage.save(name, ContentFile(crypto.encrypt_bytes(data)))


def read(name: str) -> bytes:
    with private_storage.open(name, "rb") as fh:
        return crypto.decrypt_bytes(fh.read())


def rewrite(name: str) -> None:
    """Re-encrypt a stored file with the newest key (rotate_fund_keys)."""
    with private_storage.open(name, "rb") as fh:
        token = fh.read()
    rotated = crypto.fernet().rotate(token)
    path = private_storage.path(name)
    with open(path, "wb") as fh:
        fh.write(rotated)


def delete(name: str) -> None:
    if private_storage.exists(name):
        private_storage.delete(name)
