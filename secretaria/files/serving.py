"""Sending a stored file: Content-Type, Content-Disposition with the original name, and Range.

Django's FileResponse does not answer Range requests; large files (videos, long reports)
need them for resumed downloads and seeking. Single byte ranges are served (RFC 9110
§14); a request for several ranges gets the whole file, which the RFC allows.

The view has already asked the access policy; how the bytes leave depends on the storage
(docs/admin/scale-out.md):

- local files are streamed by this process, or handed to nginx with ``X-Accel-Redirect``
  when ``FILES_X_ACCEL_REDIRECT`` names nginx's internal location of the private directory
  (nginx then answers Range itself and the app process is free at once);
- files on object storage are streamed from the bucket through this process
  (``STORAGE_SERVE=proxy``, Range passed on) or the browser is sent to a signed URL that
  expires after ``STORAGE_SIGNED_URL_SECONDS`` (``STORAGE_SERVE=redirect``).
"""

from __future__ import annotations

import os
import re
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.utils.http import http_date

from secretaria.files.storage import PrivateS3Storage, is_local

CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
# Types a browser may show in place; everything else is downloaded.
_INLINE_PREFIXES = ("application/pdf", "image/", "video/", "text/plain")


def content_disposition(filename: str, *, attachment: bool) -> str:
    """RFC 6266 with an ASCII fallback and the exact name in RFC 5987 ``filename*``."""
    kind = "attachment" if attachment else "inline"
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    ascii_name = re.sub(r'[^\x20-\x7e]|["\\]', "_", ascii_name).strip() or "download"
    header = f'{kind}; filename="{ascii_name}"'
    if ascii_name != filename:
        header += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return header


def parse_range(header: str, size: int) -> tuple[int, int] | None | bool:
    """(start, end) inclusive for one satisfiable range; None to ignore the header; False if unsatisfiable."""
    match = _RANGE.match(header.strip())
    if not match:
        return None  # not a single byte range we understand: the whole file is sent
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(first)
    if start >= size:
        return False
    end = int(last) if last else size - 1
    if end < start:
        return None
    return start, min(end, size - 1)


def stream_range(fileobj, start: int, length: int):
    """Yield ``length`` bytes of an open file (local or from a storage) from ``start``, in chunks,
    and close it at the end."""
    with fileobj:
        fileobj.seek(start)
        remaining = length
        while remaining > 0:
            chunk = fileobj.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk


def _stream(path: str, start: int, length: int):
    yield from stream_range(open(path, "rb"), start, length)  # noqa: SIM115 - closed by stream_range


def _stream_body(body):
    try:
        yield from body.iter_chunks(CHUNK)
    finally:
        body.close()


def _seek_stream(file, start: int, length: int):
    with file.storage.open(file.name, "rb") as fh:
        fh.seek(start)
        remaining = length
        while remaining > 0:
            chunk = fh.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk


def accel_location_of(fieldfile) -> str | None:
    """nginx's internal URI for a stored file when nginx can send it (on this disk, under the
    private directory, FILES_X_ACCEL_REDIRECT set); None otherwise: the view sends the bytes."""
    if not settings.FILES_X_ACCEL_REDIRECT or not is_local(fieldfile.storage):
        return None
    return _accel_location(fieldfile.storage.path(fieldfile.name))


def _accel_location(path: str) -> str | None:
    """nginx's internal URI for a file of the private directory, or None if it is elsewhere."""
    prefix = settings.FILES_X_ACCEL_REDIRECT
    if not prefix:
        return None
    root = os.path.realpath(os.path.join(settings.MEDIA_ROOT, "private"))
    real = os.path.realpath(path)
    if os.path.commonpath([root, real]) != root:
        return None
    relative = os.path.relpath(real, root).replace(os.sep, "/")
    return prefix.rstrip("/") + "/" + quote(relative)


def file_response(
    request,
    *,
    size: int,
    content_type: str,
    filename: str,
    etag: str,
    path: str | None = None,
    file=None,
    last_modified=None,
    force_download: bool = False,
) -> HttpResponse:
    """``file`` (a FieldFile, on any storage) or ``path`` (a local file) with its metadata."""
    if file is not None and is_local(file.storage):
        path, file = file.storage.path(file.name), None
    etag = f'"{etag}"'
    common = {
        "Accept-Ranges": "bytes",
        "ETag": etag,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=0, must-revalidate",
        "Content-Disposition": content_disposition(
            filename, attachment=force_download or not content_type.startswith(_INLINE_PREFIXES)
        ),
    }
    if last_modified is not None:
        common["Last-Modified"] = http_date(last_modified.timestamp())
    if request.headers.get("If-None-Match") == etag and "HTTP_RANGE" not in request.META:
        response = HttpResponse(status=304)
        for key, value in common.items():
            response[key] = value
        return response

    if path is not None and (location := _accel_location(path)):
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = location
        for key, value in common.items():
            response[key] = value
        return response
    if file is not None and settings.STORAGE_SERVE == "redirect" and isinstance(file.storage, PrivateS3Storage):
        url = file.storage.signed_url(
            file.name,
            expire=settings.STORAGE_SIGNED_URL_SECONDS,
            parameters={
                "ResponseContentType": content_type,
                "ResponseContentDisposition": common["Content-Disposition"],
            },
        )
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response

    start, end = 0, size - 1
    status = 200
    range_header = request.META.get("HTTP_RANGE")
    if_range = request.headers.get("If-Range")
    if range_header and (not if_range or if_range == etag):
        parsed = parse_range(range_header, size)
        if parsed is False:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            for key, value in common.items():
                response[key] = value
            return response
        if parsed:
            start, end = parsed
            status = 206
    length = max(end - start + 1, 0)
    if file is None:
        body = _stream(path, start, length)
    elif isinstance(file.storage, PrivateS3Storage):
        body = _stream_body(
            file.storage.open_range(file.name, start, end) if status == 206 else file.storage.open_range(file.name)
        )
    else:
        body = _seek_stream(file, start, length)
    response = StreamingHttpResponse(body, status=status, content_type=content_type)
    response["Content-Length"] = str(length)
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    for key, value in common.items():
        response[key] = value
    return response


def stored_file_response(request, stored, *, force_download: bool | None = None) -> HttpResponse:
    """``file_response`` for a stored upload: any record with ``file``, ``size``, ``content_type``,
    ``original_name``, ``sha256`` and ``uploaded_at`` (a document's language version, a revision, a
    forum attachment, an evidence file). Without ``force_download``, ``?download=1`` asks for it."""

    if force_download is None:
        force_download = request.GET.get("download") == "1"
    return file_response(
        request,
        file=stored.file,
        size=stored.size,
        content_type=stored.content_type,
        filename=stored.original_name,
        etag=stored.sha256,
        last_modified=stored.uploaded_at,
        force_download=force_download,
    )
