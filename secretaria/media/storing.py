"""Saving an item's files through Django's storage API (below services and tasks, which both store)."""

from __future__ import annotations

import hashlib
import os
import uuid

from django.conf import settings
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


def partial_path(chunked: ChunkedUpload, create: bool = True) -> str:
    """Where the pieces gather: a local folder (the storage API cannot append); the finished file is
    saved through the storage API like any upload."""
    folder = os.path.join(settings.MEDIA_ROOT, "private", "partial")
    if create:
        os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, f"{chunked.uid.hex}.part")
