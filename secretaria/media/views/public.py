"""What readers see: the galleries, a gallery with its lightbox, an item's page, and every media byte."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from secretaria.core import access
from secretaria.media import rules, selectors, serving
from secretaria.media.models import MediaFile, MediaItem
from secretaria.media.services import embed_url

DOWNLOAD_ROLES = ("web", "large")


@require_safe
def serve(request, uid):
    """Every original, derivative, poster, subtitle and video byte: the viewer's rights asked each time."""
    media_file = selectors.file_for_serving(request.user, uid)
    if media_file is None:
        # The same answer for a missing file and a refused one: an identifier tells nothing.
        raise Http404
    attachment = request.GET.get("download") == "1" and (
        access.is_secretariat(request.user)
        or (media_file.role in DOWNLOAD_ROLES and media_file.item.gallery.downloads_allowed)
    )
    return serving.media_response(request, media_file, attachment=attachment)


def gallery_list(request):
    galleries = selectors.listed_galleries(request.user)
    page = Paginator(galleries, 24).get_page(request.GET.get("page"))
    for gallery in page.object_list:
        # A public gallery of a members-only meeting does not name the meeting to the public.
        gallery.meeting_visible = gallery.meeting_id is not None and access.can(
            request.user, "meetings.view", gallery.meeting
        )
    return render(
        request, "media/gallery_list.html", {"page": page, "manage": access.can(request.user, "media.manage")}
    )


def _downloads(user, item: MediaItem) -> list[MediaFile]:
    if item.kind != MediaItem.Kind.PHOTO or not rules.download_item(user, item):
        return []
    return [f for role in DOWNLOAD_ROLES if (f := item.file(role)) is not None]


def gallery(request, uid):
    gallery = selectors.gallery_for(request.user, uid)
    if gallery is None:
        raise Http404
    items = list(selectors.visible_items(request.user, gallery))
    for item in items:
        item.downloads = _downloads(request.user, item)
        item.embed = embed_url(item.external_url) if item.kind == MediaItem.Kind.EXTERNAL else None
    photos = [i for i in items if i.kind == MediaItem.Kind.PHOTO and i.is_ready]
    return render(
        request,
        "media/gallery.html",
        {
            "gallery": gallery,
            "items": items,
            "photos": photos,
            "videos": [i for i in items if i.kind != MediaItem.Kind.PHOTO],
            "manage": access.can(request.user, "media.manage"),
            "meeting_visible": gallery.meeting_id is not None
            and access.can(request.user, "meetings.view", gallery.meeting),
        },
    )


def item(request, uid):
    """One photo or video on its own page: the lightbox's target without JavaScript, and the player's page."""
    item = selectors.item_for(request.user, uid)
    if item is None:
        raise Http404
    item.downloads = _downloads(request.user, item)
    item.embed = embed_url(item.external_url) if item.kind == MediaItem.Kind.EXTERNAL else None
    siblings = selectors.visible_item_uids(request.user, item.gallery)
    index = siblings.index(item.uid) if item.uid in siblings else 0
    return render(
        request,
        "media/item.html",
        {
            "item": item,
            "gallery": item.gallery,
            "previous": siblings[index - 1] if index > 0 else None,
            "next": siblings[index + 1] if index + 1 < len(siblings) else None,
            "position": index + 1,
            "total": len(siblings),
            "manage": access.can(request.user, "media.manage"),
        },
    )
