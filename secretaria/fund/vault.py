"""The fund's confidential files: checked by secretaria/files, encrypted with the fund's keys,
stored under private/fund/ of the private storage (disk or object store) with generated names."""

from __future__ import annotations

import os
import uuid

from django.core.files.base import ContentFile

from secretaria.files.storage import is_local, private_storage
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
    if not is_local(private_storage):
        with private_storage.open(name, "wb") as fh:  # one PUT: the object is replaced whole or not at all
            fh.write(rotated)
        return
    path = private_storage.path(name)
    spare = f"{path}.rotating"
    with open(spare, "wb") as fh:
        fh.write(rotated)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(spare, path)  # a crash mid-write leaves the old file, still readable with the old key


def delete(name: str) -> None:
    if private_storage.exists(name):
        private_storage.delete(name)
