"""The one door for every media byte: the response for a ``MediaFile`` a viewer may read.

Read through Django's storage API (``storage.open``), so object storage can hold the files later.
With ``FILES_X_ACCEL_REDIRECT`` set (as for every restricted file) (nginx: docs/admin/media.md) the view still decides who may
read, and hands the bytes to nginx with ``X-Accel-Redirect``; nginx answers Range requests itself.
"""

from __future__ import annotations

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import http_date

from secretaria.core.access import ANONYMOUS, AccessLevel
from secretaria.files.serving import accel_location_of, content_disposition, parse_range, stream_range
from secretaria.media.models import MediaFile
from secretaria.media.owners import owner_visible

_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/heic": ".heic",
               "video/mp4": ".mp4", "video/webm": ".webm"}  # fmt: skip


def is_public(media_file: MediaFile) -> bool:
    """Everyone may read it (public gallery, public item, not an original photo): caches may keep it."""
    item = media_file.item
    gallery = item.gallery
    return (
        gallery.is_published
        and gallery.access_level == AccessLevel.PUBLIC
        and item.access_level == AccessLevel.PUBLIC
        and item.is_ready
        and not (media_file.role == MediaFile.Role.ORIGINAL and item.kind == "photo")
        and (item.kind != "photo" or bool(item.alt_es.strip() and item.alt_en.strip()))
        and owner_visible(ANONYMOUS, gallery)  # a members' page's gallery is not for shared caches
    )


def download_name(media_file: MediaFile) -> str:
    item = media_file.item
    stem = (item.original_name.rsplit(".", 1)[0] if item.original_name else str(item.uid)) or "media"
    if media_file.role == MediaFile.Role.ORIGINAL:
        return item.original_name or stem
    if media_file.role == MediaFile.Role.SUBTITLE:
        return f"{stem}.{media_file.language}.vtt"
    return f"{stem}-{media_file.role}{_EXTENSIONS.get(media_file.content_type, '')}"


def media_response(request, media_file: MediaFile, *, attachment: bool = False) -> HttpResponse:
    etag = f'"{media_file.sha256 or media_file.uid.hex}"'
    headers = {
        "Accept-Ranges": "bytes",
        "ETag": etag,
        "Last-Modified": http_date(media_file.created_at.timestamp()),
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": content_disposition(download_name(media_file), attachment=attachment),
        # Restricted bytes stay out of every cache; public ones may be kept an hour.
        "Cache-Control": "public, max-age=3600" if is_public(media_file) else "private, no-store",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
    size = media_file.size

    def finish(response):
        for key, value in headers.items():
            response[key] = value
        return response

    if location := accel_location_of(media_file.file):
        response = HttpResponse(content_type=media_file.content_type)
        response["X-Accel-Redirect"] = location
        return finish(response)
    if request.headers.get("If-None-Match") == etag and "HTTP_RANGE" not in request.META:
        return finish(HttpResponse(status=304))
    start, end, status = 0, size - 1, 200
    range_header = request.META.get("HTTP_RANGE")
    if_range = request.headers.get("If-Range")
    if range_header and (not if_range or if_range == etag):
        parsed = parse_range(range_header, size)
        if parsed is False:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return finish(response)
        if parsed:
            (start, end), status = parsed, 206
    length = max(end - start + 1, 0)
    if request.method == "HEAD":
        response = HttpResponse(status=status, content_type=media_file.content_type)
    else:
        response = StreamingHttpResponse(
            stream_range(media_file.file.storage.open(media_file.file.name, "rb"), start, length),
            status=status,
            content_type=media_file.content_type,
        )
    response["Content-Length"] = str(length)
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return finish(response)
