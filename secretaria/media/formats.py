"""What photos and videos we take, told from their first bytes (the name only has to agree).

The documents' ``files.filetypes.detect`` does not know HEIC or WebM and refuses nothing
media-specific, so the media types are here; the name sanitising and the refusal exception
are the shared ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from secretaria.files.filetypes import UploadRefused, extension_of, sanitize_filename

HEAD_BYTES = 64


@dataclass(frozen=True)
class MediaType:
    code: str
    kind: str  # "photo" or "video"
    mime: str
    extensions: tuple[str, ...]
    label: str


TYPES = {
    t.code: t
    for t in [
        MediaType("jpeg", "photo", "image/jpeg", (".jpg", ".jpeg", ".jpe"), "JPEG"),
        MediaType("png", "photo", "image/png", (".png",), "PNG"),
        MediaType("webp", "photo", "image/webp", (".webp",), "WebP"),
        MediaType("heic", "photo", "image/heic", (".heic", ".heif"), "HEIC"),
        MediaType("mp4", "video", "video/mp4", (".mp4", ".m4v"), "MP4"),
        MediaType("webm", "video", "video/webm", (".webm",), "WebM"),
    ]
}
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}


def register_heif() -> None:
    """Let Pillow open HEIC photos (pillow-heif's opener)."""
    import pillow_heif  # noqa: PLC0415 - the libheif bindings load only once the app is ready

    pillow_heif.register_heif_opener()


def sniff(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        return "heic" if head[8:12] in _HEIF_BRANDS else "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # EBML: Matroska or WebM
        return "webm" if b"webm" in head[:64] else None
    return None


def max_video_bytes() -> int:
    return settings.MEDIA_VIDEO_MAX_MB * 1024 * 1024


def detect(fileobj, name: str, size: int) -> MediaType:
    """The accepted type of an upload, or UploadRefused saying why, in the uploader's words."""
    name = sanitize_filename(name)
    if size == 0:
        raise UploadRefused(_("“%(name)s” is empty.") % {"name": name})
    fileobj.seek(0)
    head = fileobj.read(HEAD_BYTES)
    fileobj.seek(0)
    code = sniff(head)
    if code is None:
        raise UploadRefused(
            _("“%(name)s” is not a photo or a video we accept. Accepted: %(types)s.")
            % {"name": name, "types": ", ".join(t.label for t in TYPES.values())}
        )
    media_type = TYPES[code]
    if extension_of(name) not in media_type.extensions:
        raise UploadRefused(
            _("“%(name)s” is named like another type but its content is %(label)s; rename it.")
            % {"name": name, "label": media_type.label}
        )
    limit = max_video_bytes() if media_type.kind == "video" else settings.MEDIA_PHOTO_MAX_MB * 1024 * 1024
    if size > limit:
        raise UploadRefused(
            _("“%(name)s” is %(size)s MB; the largest %(label)s accepted is %(max)s MB.")
            % {
                "name": name,
                "size": number_format(size / 1024 / 1024, 1),
                "label": media_type.label,
                "max": limit // (1024 * 1024),
            }
        )
    return media_type
