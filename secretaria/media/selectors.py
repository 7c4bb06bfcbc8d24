"""Reads of the media app: what a viewer may see, fetched with its files in a constant number of queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from secretaria.core import access
from secretaria.media import rules
from secretaria.media.models import Gallery, MediaFile, MediaItem
from secretaria.media.owners import owner_visible


def _gallery_filter(user) -> Q:
    if access.is_secretariat(user):
        return Q()
    return Q(status=Gallery.Status.PUBLISHED) & access.visible_filter(user)


def _item_filter(user, prefix: str = "") -> Q:
    if access.is_secretariat(user):
        return Q()
    level = access.visible_filter(user, f"{prefix}access_level", f"{prefix}access_group")
    # A photo waits for its text alternative before any reader sees it (items added after publication).
    described = ~Q(**{f"{prefix}kind": MediaItem.Kind.PHOTO}) | (
        ~Q(**{f"{prefix}alt_es": ""}) & ~Q(**{f"{prefix}alt_en": ""})
    )
    return Q(**{f"{prefix}state": MediaItem.State.READY}) & level & described


def visible_items(user, gallery: Gallery) -> QuerySet[MediaItem]:
    return (
        gallery.items.filter(_item_filter(user))
        .select_related("gallery")
        .prefetch_related("files")
        .order_by("position", "pk")
    )


def visible_item_uids(user, gallery: Gallery) -> list:
    return list(gallery.items.filter(_item_filter(user)).order_by("position", "pk").values_list("uid", flat=True))


def galleries_for(user, *, meeting=None, owner=None) -> QuerySet[Gallery]:
    """Galleries the viewer may see, newest first, each with its count of visible items and its cover."""
    qs = Gallery.objects.filter(_gallery_filter(user))
    if meeting is not None:
        qs = qs.filter(meeting=meeting)
    if owner is not None:
        qs = qs.filter(owner_type__app_label=owner._meta.app_label, owner_type__model=owner._meta.model_name)
        qs = qs.filter(owner_id=owner.pk)
    visible = _item_filter(user, "items__")
    return (
        qs.select_related("meeting", "cover")
        .prefetch_related(Prefetch("cover__files", queryset=MediaFile.objects.all()))
        .annotate(visible_count=Count("items", filter=visible, distinct=True))
        .order_by("-created_at", "-pk")
    )


def listed_galleries(user) -> QuerySet[Gallery]:
    """The galleries of the list page: those the viewer may see, less those whose owner (a page, an
    engagement) the viewer may not see."""
    qs = galleries_for(user)
    if access.is_secretariat(user):
        return qs
    owned = Gallery.objects.filter(_gallery_filter(user), owner_type__isnull=False).select_related("owner_type")
    hidden = [g.pk for g in owned if not owner_visible(user, g)]
    return qs.exclude(pk__in=hidden)


def gallery_for(user, uid) -> Gallery | None:
    gallery = Gallery.objects.select_related("meeting", "access_group").filter(uid=uid).first()
    if gallery is None or not rules.view_gallery(user, gallery):
        return None
    return gallery


def cover_for(user, gallery: Gallery, items: list[MediaItem] | None = None) -> MediaItem | None:
    """The gallery's cover if the viewer may see it, else its first visible photo."""
    cover = gallery.cover
    if cover is not None and cover.gallery_id == gallery.pk:
        cover.gallery = gallery
        if rules.view_item(user, cover):
            return cover
    for item in items if items is not None else []:
        if item.is_ready and item.kind != MediaItem.Kind.EXTERNAL:
            return item
    return None


def item_for(user, uid) -> MediaItem | None:
    item = MediaItem.objects.select_related("gallery").prefetch_related("files").filter(uid=uid).first()
    if item is None or not rules.view_item(user, item):
        return None
    return item


def file_for_serving(user, uid) -> MediaFile | None:
    """The file behind an identifier, if this viewer may read it now (asked on every request)."""
    media_file = MediaFile.objects.select_related("item__gallery").filter(uid=uid).first()
    if media_file is None or not rules.view_file(user, media_file):
        return None
    return media_file


def storage_used() -> dict:
    """Bytes stored, by role and by meeting: the Secretariat watches the servers' capacity."""
    by_role = dict(MediaFile.objects.values_list("role").annotate(total=Sum("size")).values_list("role", "total"))
    by_meeting = list(
        MediaFile.objects.values("item__gallery__meeting__slug", "item__gallery__meeting__title_es")
        .annotate(total=Sum("size"), files=Count("pk"))
        .order_by("-total")
    )
    return {
        "total": sum(v or 0 for v in by_role.values()),
        "by_role": [(MediaFile.Role(role).label, total or 0) for role, total in sorted(by_role.items())],
        "by_meeting": by_meeting,
        "items": MediaItem.objects.count(),
        "refused": MediaItem.objects.filter(state=MediaItem.State.REFUSED).count(),
        "pending": MediaItem.objects.filter(state=MediaItem.State.PENDING).count(),
    }
