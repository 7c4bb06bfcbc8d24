"""Uploads from the browser: one file per request (the bulk page sends them one by one, with a
progress bar and an error each), and chunked, resumable uploads for large videos.

Answers are JSON (``{"detail": …}`` on error) since a script sends them. A chunked upload:
``POST …/uploads`` with the name and size starts one (its address comes back), each ``PUT`` to it
carries ``Content-Range: bytes START-END/SIZE``, a ``GET`` says how many bytes arrived (to resume
after a break), and the last piece turns the file into a gallery item, processed by the worker.
"""

from __future__ import annotations

import json
import os
import tempfile

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from secretaria.files.filetypes import UploadRefused, sanitize_filename
from secretaria.media import formats, services, storing
from secretaria.media.models import ChunkedUpload, Gallery, MediaItem
from secretaria.media.views.manage import manager_required


def _item_json(item: MediaItem) -> dict:
    return {"uid": str(item.uid), "name": item.original_name, "kind": item.kind, "state": item.state}


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status)


@manager_required
@require_POST
def upload(request, uid):
    gallery = get_object_or_404(Gallery, uid=uid)
    upload = request.FILES.get("file")
    if upload is None:
        return _error(_("Choose a file."))
    try:
        item = services.item_upload(
            gallery=gallery, fileobj=upload, name=upload.name, size=upload.size, by=request.user
        )
    except UploadRefused as exc:
        return _error(str(exc))
    return JsonResponse(_item_json(item), status=201)


@manager_required
@require_POST
def chunked_start(request, uid):
    gallery = get_object_or_404(Gallery, uid=uid)
    try:
        data = json.loads(request.body or b"{}")
        name, size = sanitize_filename(str(data["name"])), int(data["size"])
    except (ValueError, KeyError, TypeError):
        return _error(_("Send the file's name and size."))
    ext = os.path.splitext(name)[1].lower()
    if ext not in (".mp4", ".m4v", ".webm"):
        return _error(_("Large files are taken in pieces for MP4 and WebM videos only."))
    if size <= 0 or size > formats.max_video_bytes():
        return _error(
            _("“%(name)s” is too large: the largest video accepted is %(max)s MB.")
            % {"name": name, "max": settings.MEDIA_VIDEO_MAX_MB}
        )
    chunked = ChunkedUpload.objects.create(gallery=gallery, filename=name, size=size, created_by=request.user)
    return JsonResponse(
        {
            "uid": str(chunked.uid),
            "url": reverse("media:chunked_part", kwargs={"uid": chunked.uid}),
            "received": 0,
            "chunk_size": settings.MEDIA_CHUNK_MB * 1024 * 1024,
        },
        status=201,
    )


@manager_required
@require_http_methods(["GET", "PUT"])
def chunked_part(request, uid):
    chunked = get_object_or_404(ChunkedUpload, uid=uid, created_by=request.user)
    if chunked.item_id:
        return JsonResponse({"received": chunked.size, "item": _item_json(chunked.item)})
    if request.method == "GET":
        return JsonResponse({"received": chunked.received, "size": chunked.size})
    header = request.headers.get("Content-Range", "")
    try:
        unit, _sep, spec = header.partition(" ")
        span, _slash, total = spec.partition("/")
        start, end = (int(x) for x in span.split("-"))
        if unit != "bytes" or int(total) != chunked.size:
            raise ValueError
    except ValueError:
        return _error(_("Each piece needs a Content-Range header of the upload's size."))
    body = request.body
    if start != chunked.received:
        # Out of order or repeated: tell the browser where to resume.
        return JsonResponse({"detail": _("Resume from the byte given."), "received": chunked.received}, status=409)
    if end - start + 1 != len(body) or end >= chunked.size:
        return _error(_("The piece does not match its Content-Range."))
    piece = storing.piece_save(chunked, start, body)
    # The claim: only the request that finds ``received`` still at ``start`` moves it on.
    if not ChunkedUpload.objects.filter(pk=chunked.pk, received=start).update(received=end + 1):
        storing.piece_delete(piece)
        chunked.refresh_from_db(fields=["received"])
        return JsonResponse({"detail": _("Resume from the byte given."), "received": chunked.received}, status=409)
    chunked.received = end + 1
    if chunked.received < chunked.size:
        return JsonResponse({"received": chunked.received, "size": chunked.size})
    with tempfile.TemporaryFile() as whole:
        if not storing.pieces_assemble(chunked, whole):
            storing.pieces_drop(chunked)
            chunked.delete()
            return _error(_("A piece of the upload was lost; send the file again."), status=409)
        whole.seek(0)
        try:
            item = services.item_upload(gallery=chunked.gallery, fileobj=whole, name=chunked.filename,
                                        size=chunked.size, by=request.user)  # fmt: skip
        except UploadRefused as exc:
            storing.pieces_drop(chunked)
            chunked.delete()
            return _error(str(exc))
    storing.pieces_drop(chunked)
    chunked.item = item
    chunked.save(update_fields=["item"])
    return JsonResponse({"received": chunked.size, "item": _item_json(item)}, status=201)
