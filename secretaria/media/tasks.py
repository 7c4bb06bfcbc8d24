"""Background work of the media app (Django's Tasks API, run by ``manage.py db_worker``).

``process_item`` makes a photo's derivatives or probes a video and takes its poster; a refused
file is marked with its reason and the task returns normally, so the worker goes on with the next.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import task

from secretaria.files.storage import local_path
from secretaria.media import processing
from secretaria.media.models import MediaFile, MediaItem
from secretaria.media.storing import store

logger = logging.getLogger(__name__)


def _refuse(item: MediaItem, reason: str) -> str:
    MediaItem.objects.filter(pk=item.pk).update(state=MediaItem.State.REFUSED, refusal=reason[:500])
    logger.info("media item %s refused: %s", item.uid, reason)
    return "refused"


def _process_photo(item: MediaItem, original: MediaFile) -> str:
    with original.file.open("rb") as fh:
        try:
            (width, height), derivatives = processing.photo_derivatives(fh, item.original_name)
        except processing.Refused as exc:
            return _refuse(item, str(exc))
    with transaction.atomic():
        for d in derivatives:
            store(item=item, role=d.role, content=d.content, extension=".jpg", content_type="image/jpeg",
                  width=d.width, height=d.height)  # fmt: skip
        MediaItem.objects.filter(pk=item.pk).update(state=MediaItem.State.READY, refusal="", width=width, height=height)
    return "ready"


def _process_video(item: MediaItem, original: MediaFile) -> str:
    # FFmpeg needs a path: the file itself on disk, a temporary copy from object storage (one copy for both steps).
    with local_path(original.file) as path:
        try:
            probe = processing.probe_video(path, item.original_name)
        except processing.Refused as exc:
            return _refuse(item, str(exc))
        MediaItem.objects.filter(pk=item.pk).update(
            duration=probe.duration, width=probe.width, height=probe.height,
            video_codec=probe.video_codec, audio_codec=probe.audio_codec,
        )  # fmt: skip
        item.refresh_from_db()
        _make_poster(item, path)
    MediaItem.objects.filter(pk=item.pk).update(state=MediaItem.State.READY, refusal="")
    return "ready"


def _make_poster(item: MediaItem, path: str) -> None:
    at = min(max(item.poster_time, 0.0), max((item.duration or 0) - 0.05, 0.0))
    poster = processing.poster_frame(path, at)
    if poster is not None:
        content, width, height = poster
        store(item=item, role=MediaFile.Role.POSTER, content=content, extension=".jpg", content_type="image/jpeg",
              width=width, height=height)  # fmt: skip


@task()
def process_item(*, item_id: int) -> str:
    item = MediaItem.objects.filter(pk=item_id).first()
    if item is None or item.state != MediaItem.State.PENDING:
        return "skipped"  # deleted, or already processed (the demo runs it at once; a retry may come twice)
    original = item.files.filter(role=MediaFile.Role.ORIGINAL).first()
    if original is None:
        return _refuse(item, "no file")
    try:
        if item.kind == MediaItem.Kind.PHOTO:
            return _process_photo(item, original)
        return _process_video(item, original)
    except Exception as exc:  # a file must never stop the worker; the Secretariat sees why
        logger.exception("media item %s failed", item.uid)
        return _refuse(item, f"{type(exc).__name__}: {exc}")


@task()
def take_poster(*, item_id: int) -> str:
    item = MediaItem.objects.filter(pk=item_id, kind=MediaItem.Kind.VIDEO).first()
    original = item.files.filter(role=MediaFile.Role.ORIGINAL).first() if item else None
    if original is None:
        return "skipped"
    with local_path(original.file) as path:
        _make_poster(item, path)
    return "done"


def queue_processing(item: MediaItem) -> None:
    """Queue the item once its row and file are committed (the worker must see both)."""
    item_id = item.pk
    transaction.on_commit(lambda: process_item.enqueue(item_id=item_id))


def queue_poster(item: MediaItem) -> None:
    item_id = item.pk
    transaction.on_commit(lambda: take_poster.enqueue(item_id=item_id))
