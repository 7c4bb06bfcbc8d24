"""Checking and storing a batch of uploads, the same way in every app that takes files.

``check_uploads`` runs every (file object, name) through ``filetypes`` (name sanitised, content
sniffed, size and dangerous types refused) and hashes it, before anything is written: it raises
``UploadRefused`` for the first refused file, or a ``ValidationError`` on ``field`` when there are
more than ``max_files``. ``store_upload`` then writes one checked file to the private storage under
an unguessable name inside ``folder``; ``CheckedUpload.fields()`` gives the columns that the apps'
file models share (``original_name``, ``file_type``, ``content_type``, ``size``, ``sha256``).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _

from secretaria.files.filetypes import FileType, detect, sanitize_filename
from secretaria.files.storage import private_storage

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class CheckedUpload:
    fileobj: object
    name: str
    filetype: FileType
    sha256: str
    size: int

    def fields(self) -> dict:
        return {
            "original_name": self.name,
            "file_type": self.filetype.code,
            "content_type": self.filetype.mime,
            "size": self.size,
            "sha256": self.sha256,
        }


def hash_and_size(fileobj) -> tuple[str, int]:
    """The SHA-256 and the length of ``fileobj``, read in chunks; the file is left at its start."""
    digest, size = hashlib.sha256(), 0
    fileobj.seek(0)
    while chunk := fileobj.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    fileobj.seek(0)
    return digest.hexdigest(), size


def check_uploads(files: Iterable[tuple], *, max_files: int, field: str, too_many: str) -> list[CheckedUpload]:
    """Check every ``(fileobj, name)``; ``too_many`` is the message (with ``%(max)s``) when there
    are more than ``max_files``."""
    files = list(files)
    if len(files) > max_files:
        raise ValidationError({field: _(too_many) % {"max": max_files}})
    checked = []
    for fileobj, name in files:
        name = sanitize_filename(name)
        sha256, size = hash_and_size(fileobj)
        checked.append(CheckedUpload(fileobj, name, detect(fileobj, name, size), sha256, size))
    return checked


def store_upload(upload: CheckedUpload, folder: str) -> str:
    """Write a checked upload to the private storage; returns the stored name.

    Django has no on-rollback hook: callers run every check before this point, so only a
    database error afterwards can leave an unreferenced file behind."""
    upload.fileobj.seek(0)
    name = f"{folder}/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{upload.filetype.extensions[0]}"
    return private_storage.save(name, File(upload.fileobj))
