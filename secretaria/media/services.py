"""Writes of the media app: galleries, uploads, captions, order, cover, subtitles, publication.

Every function checks ``media.manage`` for a person (``by=None`` is the system: the import
command, the demo). Uploads are stored as they arrive and processed by the worker
(``tasks.queue_processing``): nothing decodes a photo or a video in the request.
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.core.access import AccessLevel
from secretaria.core.audit import audit_record
from secretaria.files.filetypes import UploadRefused, extension_of, sanitize_filename
from secretaria.files.storage import private_storage
from secretaria.media import formats, search, subtitles, tasks
from secretaria.media.models import Gallery, MediaFile, MediaItem
from secretaria.media.storing import store
from secretaria.outbox.services import outbox_emit

GALLERY_PUBLISHED = "gallery.published"
GALLERY_FIELDS = {"title_es", "title_en", "description_es", "description_en", "downloads_allowed"}
ITEM_FIELDS = {
    "caption_es", "caption_en", "credit_es", "credit_en", "alt_es", "alt_en", "video_kind",
    "transcript_es", "transcript_en", "poster_time", "position",
}  # fmt: skip


def _require_manager(by) -> None:
    if by is not None and not access.can(by, "media.manage"):
        raise PermissionDenied(_("Only the Technical Secretariat manages photos and videos."))


def _check_access(level: str, group) -> None:
    if level not in AccessLevel.values:
        raise ValidationError({"access_level": _("Unknown access level.")})
    if level == AccessLevel.GROUP and group is None:
        raise ValidationError({"access_group": _("Choose the group that may see it.")})


# --- Galleries --------------------------------------------------------------------------------
def gallery_create(*, by, title_es: str, title_en: str = "", meeting=None, owner=None, description_es: str = "",
                   description_en: str = "", access_level: str | None = None, access_group=None,
                   downloads_allowed: bool = True) -> Gallery:  # fmt: skip
    _require_manager(by)
    if access_level is None:
        access_level = meeting.access_level if meeting is not None else access.DEFAULT_NEW_LEVEL
        access_group = meeting.access_group if meeting is not None else access_group
    _check_access(access_level, access_group)
    gallery = Gallery(
        meeting=meeting, title_es=title_es, title_en=title_en, description_es=description_es,
        description_en=description_en, access_level=access_level, access_group=access_group,
        downloads_allowed=downloads_allowed, created_by=by,
    )  # fmt: skip
    if owner is not None:
        gallery.owner = owner
    gallery.full_clean()
    gallery.save()
    return gallery


def gallery_update(*, gallery: Gallery, by, **fields) -> Gallery:
    _require_manager(by)
    unknown = set(fields) - GALLERY_FIELDS
    if unknown:
        raise ValueError(f"unknown gallery fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(gallery, name, value)
    gallery.full_clean()
    gallery.save(update_fields=list(fields))
    search.reindex_gallery(gallery)
    return gallery


def gallery_set_access(*, gallery: Gallery, by, access_level: str, access_group=None) -> Gallery:
    _require_manager(by)
    _check_access(access_level, access_group)
    before = (gallery.access_level, gallery.access_group_id)
    gallery.access_level, gallery.access_group = access_level, access_group if access_level == "group" else None
    gallery.save(update_fields=["access_level", "access_group"])
    audit_record(kind="media.gallery.access", actor=by, target=f"gallery {gallery.uid}",
                 before=before[0], after=access_level)  # fmt: skip
    search.reindex_gallery(gallery)
    return gallery


def missing_alt(gallery: Gallery) -> list[MediaItem]:
    """Photos without a text alternative in both languages: publication waits for them."""
    return [
        item
        for item in gallery.items.filter(kind=MediaItem.Kind.PHOTO).exclude(state=MediaItem.State.REFUSED)
        if not (item.alt_es.strip() and item.alt_en.strip())
    ]


def gallery_publish(*, gallery: Gallery, by) -> Gallery:
    _require_manager(by)
    lacking = missing_alt(gallery)
    if lacking:
        names = ", ".join(item.original_name or str(item.uid) for item in lacking[:10])
        raise ValidationError(
            _("Write the text alternative, in Spanish and English, of every photo before publishing: %(names)s.")
            % {"names": names},
            code="missing_alt",
        )
    if gallery.is_published:
        return gallery
    with transaction.atomic():
        gallery.status, gallery.published_at = Gallery.Status.PUBLISHED, timezone.now()
        gallery.save(update_fields=["status", "published_at"])
        outbox_emit(
            kind=GALLERY_PUBLISHED,
            payload={
                "gallery_uid": str(gallery.uid),
                "gallery_id": gallery.pk,
                "meeting_id": gallery.meeting_id,
                "title_es": gallery.title_es,
                "title_en": gallery.title_en,
                "access_level": gallery.access_level,
                "access_group_id": gallery.access_group_id,
                "published_at": gallery.published_at.isoformat(),
                "published_by": getattr(by, "pk", None),
            },
        )
        search.reindex_gallery(gallery)
    return gallery


def gallery_unpublish(*, gallery: Gallery, by) -> Gallery:
    _require_manager(by)
    gallery.status = Gallery.Status.DRAFT
    gallery.save(update_fields=["status"])
    search.reindex_gallery(gallery)
    return gallery


def gallery_set_cover(*, gallery: Gallery, item: MediaItem | None, by) -> Gallery:
    _require_manager(by)
    if item is not None and item.gallery_id != gallery.pk:
        raise ValidationError(_("The cover must be one of the gallery's photos."))
    gallery.cover = item
    gallery.save(update_fields=["cover"])
    return gallery


def items_reorder(*, gallery: Gallery, uids: list, by) -> None:
    """Put the items in the order of ``uids`` (the ones not named keep their order after them)."""
    _require_manager(by)
    items = {str(item.uid): item for item in gallery.items.all()}
    ordered = [items.pop(str(uid)) for uid in uids if str(uid) in items]
    ordered += sorted(items.values(), key=lambda i: (i.position, i.pk))
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


# --- Items ------------------------------------------------------------------------------------
def _next_position(gallery: Gallery) -> int:
    return (gallery.items.aggregate(m=Max("position"))["m"] or 0) + 1


def _sha256(fileobj) -> str:
    digest = hashlib.sha256()
    fileobj.seek(0)
    for chunk in iter(lambda: fileobj.read(1024 * 1024), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def item_upload(*, gallery: Gallery, fileobj, name: str, by, size: int | None = None,
                access_level: str | None = None, access_group=None, **fields) -> MediaItem:  # fmt: skip
    """Take one photo or video: check its type and size, refuse a duplicate, store it, queue processing.

    Raises UploadRefused with the reason for the uploader."""
    _require_manager(by)
    name = sanitize_filename(name)
    if size is None:
        fileobj.seek(0, 2)
        size = fileobj.tell()
    media_type = formats.detect(fileobj, name, size)
    sha256 = _sha256(fileobj)
    duplicate = MediaItem.objects.filter(sha256=sha256).select_related("gallery").first()
    if duplicate is not None:
        raise UploadRefused(
            _("“%(name)s” is already in the gallery “%(gallery)s” (as “%(other)s”).")
            % {"name": name, "gallery": duplicate.gallery.title, "other": duplicate.original_name}
        )
    level = access_level or (gallery.access_level if gallery.access_level != "group" else "public")
    if access_level is None:
        access_group = gallery.access_group if level == "group" else None
    _check_access(level, access_group)
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise ValueError(f"unknown item fields: {sorted(unknown)}")
    with transaction.atomic():
        item = MediaItem.objects.create(
            gallery=gallery,
            kind=media_type.kind,
            position=_next_position(gallery),
            access_level=level,
            access_group=access_group,
            original_name=name,
            sha256=sha256,
            uploaded_by=by,
            video_kind=fields.pop("video_kind", "")
            or (MediaItem.VideoKind.OTHER if media_type.kind == "video" else ""),
            **fields,
        )
        store(item=item, role=MediaFile.Role.ORIGINAL, content=File(fileobj, name=name),
              extension=extension_of(name) or media_type.extensions[0], content_type=media_type.mime)  # fmt: skip
        tasks.queue_processing(item)
    return item


def item_update(*, item: MediaItem, by, **fields) -> MediaItem:
    _require_manager(by)
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise ValueError(f"unknown item fields: {sorted(unknown)}")
    item.refresh_from_db(fields=["state"])
    poster_moved = "poster_time" in fields and fields["poster_time"] != item.poster_time
    for name, value in fields.items():
        setattr(item, name, value.strip() if isinstance(value, str) else value)
    item.full_clean()
    # Only the fields given: the worker may have changed the item's state since it was read.
    item.save(update_fields=list(fields))
    if poster_moved and item.kind == MediaItem.Kind.VIDEO and item.is_ready:
        tasks.queue_poster(item)
    search.reindex_item(item)
    return item


def item_set_access(*, item: MediaItem, by, access_level: str, access_group=None) -> MediaItem:
    _require_manager(by)
    _check_access(access_level, access_group)
    before = item.access_level
    item.access_level, item.access_group = access_level, access_group if access_level == "group" else None
    item.save(update_fields=["access_level", "access_group"])
    audit_record(kind="media.item.access", actor=by, target=f"media item {item.uid}", before=before, after=access_level)
    search.reindex_item(item)
    return item


def item_delete(*, item: MediaItem, by) -> None:
    _require_manager(by)
    names = list(item.files.values_list("file", flat=True))
    gallery = item.gallery
    with transaction.atomic():
        search.unindex_item(item)
        item.delete()
        transaction.on_commit(lambda: [private_storage.delete(n) for n in names])
    search.reindex_gallery(gallery)


def external_add(*, gallery: Gallery, url: str, by, **fields) -> MediaItem:
    """A video kept on a platform (YouTube, Vimeo…): shown as a link until the visitor asks to play it."""
    _require_manager(by)
    embed = embed_url(url)
    if embed is None:
        raise ValidationError({"external_url": _("Give the address of a YouTube or Vimeo video.")})
    item = MediaItem(gallery=gallery, kind=MediaItem.Kind.EXTERNAL, external_url=url, state=MediaItem.State.READY,
                     position=_next_position(gallery), uploaded_by=by,
                     access_level=gallery.access_level if gallery.access_level != "group" else "public",
                     access_group=None, **fields)  # fmt: skip
    item.video_kind = item.video_kind or MediaItem.VideoKind.OTHER
    item.full_clean()
    item.save()
    search.reindex_item(item)
    return item


def embed_url(url: str) -> str | None:
    """The privacy-enhanced player address of a YouTube or Vimeo link, or None."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    if parsed.scheme != "https":
        return None
    video_id = ""
    if host == "youtube.com" and parsed.path == "/watch":
        video_id = (parse_qs(parsed.query).get("v") or [""])[0]
    elif host == "youtu.be":
        video_id = parsed.path.lstrip("/")
    elif host == "vimeo.com" and parsed.path.strip("/").isdigit():
        return f"https://player.vimeo.com/video/{parsed.path.strip('/')}?dnt=1"
    if video_id and all(c.isalnum() or c in "-_" for c in video_id) and len(video_id) <= 20:
        return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    return None


# --- Subtitles --------------------------------------------------------------------------------
def subtitle_add(*, item: MediaItem, language: str, content: bytes, name: str, by) -> MediaFile:
    """WebVTT subtitles for one language; an SRT file is converted. Raises UploadRefused if neither."""
    _require_manager(by)
    if item.kind != MediaItem.Kind.VIDEO:
        raise UploadRefused(_("Subtitles belong to an uploaded video."))
    if language not in ("es", "en", "fr", "pt"):
        raise UploadRefused(_("Choose the subtitles' language."))
    vtt = subtitles.to_webvtt(content, sanitize_filename(name))
    media_file = store(item=item, role=MediaFile.Role.SUBTITLE, language=language, content=vtt.encode("utf-8"),
                       extension=".vtt", content_type="text/vtt; charset=utf-8")  # fmt: skip
    if not item.transcript_es and language == "es" or not item.transcript_en and language == "en":
        setattr(item, f"transcript_{language}", subtitles.plain_text(vtt))
        item.save(update_fields=[f"transcript_{language}"])
    search.reindex_item(item)
    return media_file
