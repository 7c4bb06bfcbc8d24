"""The media API: galleries you may see, under /api/v1/media/galleries and nested under their
meeting at /api/v1/meetings/{slug}/media. Files are given as addresses of the one authorising view
(the same rights are asked again when they are fetched)."""

from __future__ import annotations

import datetime
import uuid

from django.http import Http404
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from secretaria.core import access
from secretaria.core.openapi import Offset, Slug
from secretaria.media import rules, selectors
from secretaria.media.models import Gallery, MediaItem
from secretaria.meetings.models import Meeting

router = Router(tags=["media"])
meeting_router = Router(tags=["media"])


class MediaErrorOut(Schema):
    detail: str


class MediaFileOut(Schema):
    role: str
    language: str
    content_type: str
    size: int
    width: int | None
    height: int | None
    url: str


class MediaItemOut(Schema):
    uid: uuid.UUID
    kind: str
    video_kind: str
    position: int
    caption_es: str
    caption_en: str
    credit_es: str
    credit_en: str
    alt_es: str
    alt_en: str
    access_level: str
    width: int | None
    height: int | None
    duration: float | None
    external_url: str
    url: str
    files: list[MediaFileOut]


class GalleryOut(Schema):
    uid: uuid.UUID
    title_es: str
    title_en: str
    description_es: str
    description_en: str
    meeting: str | None = Field(description="The meeting's short name")
    access_level: str
    status: str
    published_at: datetime.datetime | None
    item_count: int
    url: str


class GalleryDetailOut(GalleryOut):
    items: list[MediaItemOut]


class MediaGalleryPage(Schema):
    count: int
    results: list[GalleryOut]


class MediaPageIn(Schema):
    limit: int = Field(50, ge=1, le=200)
    offset: Offset = 0


def _gallery(request, gallery: Gallery, count: int) -> dict:
    return {
        "uid": gallery.uid,
        "title_es": gallery.title_es,
        "title_en": gallery.title_en,
        "description_es": gallery.description_es,
        "description_en": gallery.description_en,
        "meeting": gallery.meeting.slug
        if gallery.meeting_id and access.can(request.auth, "meetings.view", gallery.meeting)
        else None,
        "access_level": gallery.access_level,
        "status": gallery.status,
        "published_at": gallery.published_at,
        "item_count": count,
        "url": request.build_absolute_uri(reverse("media:gallery", kwargs={"uid": gallery.uid})),
    }


def _item(request, item: MediaItem) -> dict:
    files = [f for f in item.files.all() if rules.view_file(request.auth, f)]
    return {
        **{name: getattr(item, name) for name in (
            "uid", "kind", "video_kind", "position", "caption_es", "caption_en", "credit_es", "credit_en",
            "alt_es", "alt_en", "access_level", "width", "height", "duration", "external_url")},
        "url": request.build_absolute_uri(reverse("media:item", kwargs={"uid": item.uid})),
        "files": [
            {"role": f.role, "language": f.language, "content_type": f.content_type, "size": f.size,
             "width": f.width, "height": f.height,
             "url": request.build_absolute_uri(reverse("media:file", kwargs={"uid": f.uid}))}
            for f in files
        ],
    }  # fmt: skip


def _page(request, qs, page: MediaPageIn) -> dict:
    rows = list(qs[page.offset : page.offset + page.limit])
    return {"count": qs.count(), "results": [_gallery(request, g, g.visible_count) for g in rows]}


@router.get("/galleries", response=MediaGalleryPage, summary="Photo and video galleries you may see")
def list_galleries(request, page: Query[MediaPageIn]):
    return _page(request, selectors.galleries_for(request.auth), page)


@router.get("/galleries/{uuid:uid}", response={200: GalleryDetailOut, 404: MediaErrorOut}, summary="One gallery")
def get_gallery(request, uid: uuid.UUID):
    gallery = selectors.gallery_for(request.auth, uid)
    if gallery is None:
        raise Http404
    items = [_item(request, item) for item in selectors.visible_items(request.auth, gallery)]
    return {**_gallery(request, gallery, len(items)), "items": items}


@meeting_router.get(
    "/{slug}/media",
    response={200: MediaGalleryPage, 404: MediaErrorOut},
    summary="The galleries of a meeting you may see",
)
def meeting_media(request, slug: Slug, page: Query[MediaPageIn]):
    meeting = Meeting.objects.filter(slug=slug).first()
    if meeting is None:
        raise Http404
    galleries = selectors.galleries_for(request.auth, meeting=meeting)
    if not access.can(request.auth, "meetings.view", meeting) and not galleries.exists():
        raise Http404
    return _page(request, galleries, page)
