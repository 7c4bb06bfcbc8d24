"""Photos and videos in the site search, each entry at the level of the strictest of its parts.

Two kinds: ``gallery`` (titles, description, and the captions and credits of the items readers of
the gallery may all see) and ``video`` (one per uploaded or linked video: caption, credit and
transcript, at the stricter of the gallery's and the video's level). Nothing unpublished or refused
is indexed, so a hit never names what its reader may not see.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel
from secretaria.media.models import Gallery, MediaItem
from secretaria.media.owners import owner_level
from secretaria.search.registry import SearchEntry, SearchSource, register_source
from secretaria.search.services import index_object, unindex_object

GALLERY, VIDEO = "gallery", "video"
_RANK = {"public": 0, "registered": 1, "observers": 2, "members": 3, "secretariat": 5}


def stricter(a: tuple[str, int | None], b: tuple[str, int | None]) -> tuple[str, int | None]:
    """The (level, group) that lets through only who both let through (a safe bound for GROUP)."""
    if a[0] == AccessLevel.GROUP and b[0] == AccessLevel.GROUP:
        return a if a[1] == b[1] else (AccessLevel.SECRETARIAT, None)
    if AccessLevel.GROUP in (a[0], b[0]):
        group, other = (a, b) if a[0] == AccessLevel.GROUP else (b, a)
        # A group's members may not all reach the other level: keep the group only beside "public".
        return group if other[0] == AccessLevel.PUBLIC else (AccessLevel.SECRETARIAT, None)
    return a if _RANK[a[0]] >= _RANK[b[0]] else b


def reindex_gallery(gallery: Gallery) -> None:
    index_object(GALLERY, gallery)
    for item in gallery.items.filter(kind__in=[MediaItem.Kind.VIDEO, MediaItem.Kind.EXTERNAL]):
        index_object(VIDEO, item)


def reindex_item(item: MediaItem) -> None:
    if item.kind == MediaItem.Kind.PHOTO:
        index_object(GALLERY, item.gallery)
    else:
        index_object(VIDEO, item)


def unindex_item(item: MediaItem) -> None:
    if item.kind != MediaItem.Kind.PHOTO:
        unindex_object(VIDEO, item.pk)


def _meeting_id(gallery: Gallery, level: tuple[str, int | None]) -> int | None:
    """The meeting facet only when every reader of the entry may see the meeting (its title is the label)."""
    meeting = gallery.meeting
    if meeting is None:
        return None
    return meeting.pk if stricter(level, (meeting.access_level, meeting.access_group_id)) == level else None


def _gallery_level(gallery: Gallery) -> tuple[str, int | None]:
    """The gallery's level, no wider than its owner's (an engagement's) when the owner gives one."""
    level = (gallery.access_level, gallery.access_group_id)
    bound = owner_level(gallery)
    return stricter(level, bound) if bound is not None else level


def _date(gallery: Gallery):
    if gallery.meeting_id:
        return gallery.meeting.start_date
    return gallery.published_at.date() if gallery.published_at else None


class GallerySearchSource(SearchSource):
    kind = GALLERY
    label = _("Photo galleries")

    def entry_for(self, obj: Gallery) -> SearchEntry | None:
        if not obj.is_published:
            return None
        level = _gallery_level(obj)
        items = [
            i for i in obj.items.filter(state=MediaItem.State.READY)
            if stricter(level, (i.access_level, i.access_group_id)) == level
        ]  # fmt: skip
        return SearchEntry(
            kind=self.kind, object_id=obj.pk, title_es=obj.title_es, title_en=obj.title_en, date=_date(obj),
            access_level=level[0], access_group_id=level[1],
            summary_es=obj.description_es, summary_en=obj.description_en,
            body_es="\n".join(f"{i.caption_es} {i.credit_es}".strip() for i in items),
            body_en="\n".join(f"{i.caption_en} {i.credit_en}".strip() for i in items),
            meeting_id=_meeting_id(obj, level), year=_date(obj).year if _date(obj) else None, status="published",
        )  # fmt: skip

    def iter_objects(self):
        return Gallery.objects.filter(status=Gallery.Status.PUBLISHED).select_related("meeting").order_by("pk")

    def url_for(self, object_id: int, lang: str) -> str:
        return self.urls_for([object_id], lang).get(object_id, "")

    def urls_for(self, object_ids, lang: str) -> dict[int, str]:
        with translation.override(lang):
            return {
                pk: reverse("media:gallery", kwargs={"uid": uid})
                for pk, uid in Gallery.objects.filter(pk__in=list(object_ids)).values_list("pk", "uid")
            }


class VideoSearchSource(SearchSource):
    kind = VIDEO
    label = _("Videos")

    def facet_label(self, facet: str, value, lang: str) -> str | None:
        if facet != "doc_type" or value not in MediaItem.VideoKind.values:
            return None
        with translation.override(lang):
            return str(MediaItem.VideoKind(value).label)

    def entry_for(self, obj: MediaItem) -> SearchEntry | None:
        gallery = obj.gallery
        if obj.kind == MediaItem.Kind.PHOTO or not gallery.is_published or not obj.is_ready:
            return None
        level, group = stricter(_gallery_level(gallery), (obj.access_level, obj.access_group_id))
        return SearchEntry(
            kind=self.kind, object_id=obj.pk,
            title_es=obj.caption_es or gallery.title_es, title_en=obj.caption_en or gallery.title_en,
            date=_date(gallery), access_level=level, access_group_id=group,
            summary_es=obj.credit_es, summary_en=obj.credit_en,
            body_es=obj.transcript_es, body_en=obj.transcript_en,
            doc_type=obj.video_kind or None, meeting_id=_meeting_id(gallery, (level, group)), status="published",
        )  # fmt: skip

    def iter_objects(self):
        return (
            MediaItem.objects.exclude(kind=MediaItem.Kind.PHOTO)
            .filter(gallery__status=Gallery.Status.PUBLISHED, state=MediaItem.State.READY)
            .select_related("gallery__meeting")
            .order_by("pk")
        )

    def url_for(self, object_id: int, lang: str) -> str:
        return self.urls_for([object_id], lang).get(object_id, "")

    def urls_for(self, object_ids, lang: str) -> dict[int, str]:
        with translation.override(lang):
            return {
                pk: reverse("media:item", kwargs={"uid": uid})
                for pk, uid in MediaItem.objects.filter(pk__in=list(object_ids)).values_list("pk", "uid")
            }


def register() -> None:
    register_source(GallerySearchSource())
    register_source(VideoSearchSource())
