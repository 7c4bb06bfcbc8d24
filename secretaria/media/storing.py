"""Saving an item's files through Django's storage API (below services and tasks, which both store)."""

from __future__ import annotations

import hashlib
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from secretaria.files.storage import private_storage
from secretaria.media.models import ChunkedUpload, MediaFile, MediaItem


def storage_name(extension: str) -> str:
    """A stored name that reveals nothing and cannot be guessed."""
    return f"media/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{extension}"


def store(*, item: MediaItem, role: str, content, extension: str, content_type: str, language: str = "",
          width: int | None = None, height: int | None = None) -> MediaFile:  # fmt: skip
    """Save bytes (a ``File`` or ``bytes``) through the storage API as the item's file of ``role``."""
    if isinstance(content, bytes):
        content = ContentFile(content)
    digest = hashlib.sha256()
    content.seek(0)
    for chunk in content.chunks():
        digest.update(chunk)
    content.seek(0)
    old = MediaFile.objects.filter(item=item, role=role, language=language).first()
    name = private_storage.save(storage_name(extension), content)
    media_file = MediaFile.objects.create(
        item=item, role=role, language=language, file=name, content_type=content_type,
        size=private_storage.size(name), width=width, height=height, sha256=digest.hexdigest(),
    ) if old is None else None  # fmt: skip
    if old is not None:
        previous = old.file.name
        # A new identifier too: a cached address of the old poster or subtitles must not reach the new file.
        old.uid = uuid.uuid4()
        old.file, old.content_type, old.width, old.height = name, content_type, width, height
        old.size, old.sha256, old.created_at = private_storage.size(name), digest.hexdigest(), timezone.now()
        old.save()
        media_file = old
        transaction.on_commit(lambda: private_storage.delete(previous))
    return media_file


def _pieces(chunked: ChunkedUpload) -> str:
    return f"partial/{chunked.uid.hex}"


def piece_save(chunked: ChunkedUpload, start: int, body: bytes) -> str:
    """Keep one piece of a chunked upload in the private storage (disk or object store), so that
    pieces sent to different web machines meet again. The name is unique: a piece sent twice at
    once leaves two copies, and only the one whose claim wins is used."""
    return private_storage.save(f"{_pieces(chunked)}/{start:015d}-{uuid.uuid4().hex}.part", ContentFile(body))


def piece_delete(name: str) -> None:
    private_storage.delete(name)


def pieces_assemble(chunked: ChunkedUpload, into) -> bool:
    """Write the pieces in order into the open file ``into``; False when one is missing."""
    _dirs, names = private_storage.listdir(_pieces(chunked))
    by_start: dict[int, str] = {}
    for name in sorted(names):
        by_start.setdefault(int(name.split("-", 1)[0]), name)
    offset = 0
    while offset < chunked.size:
        name = by_start.get(offset)
        if name is None:
            return False
        with private_storage.open(f"{_pieces(chunked)}/{name}", "rb") as fh:
            for block in iter(lambda: fh.read(1024 * 1024), b""):
                into.write(block)
                offset += len(block)
    into.flush()
    return offset == chunked.size


def pieces_drop(chunked: ChunkedUpload) -> None:
    try:
        _dirs, names = private_storage.listdir(_pieces(chunked))
    except FileNotFoundError:
        return
    for name in names:
        private_storage.delete(f"{_pieces(chunked)}/{name}")
