"""Who may see and do what with photos and videos (asks secretaria.core.access).

A reader sees an item when they may see its gallery (published, and its level) and the item's own
level; the Secretariat sees everything, drafts and refused files included. Photo originals keep the
camera's metadata (place, device): only the Secretariat reads them. A video's original is its
playback file, seen like the item.
"""

from secretaria.core import access
from secretaria.media.owners import owner_visible


def view_gallery(user, gallery) -> bool:
    if access.is_secretariat(user):
        return True
    return (
        gallery.is_published
        and access.can_view(user, gallery.access_level, gallery.access_group_id)
        and owner_visible(user, gallery)
    )


def view_item(user, item) -> bool:
    if access.is_secretariat(user):
        return True
    described = item.kind != "photo" or (item.alt_es.strip() and item.alt_en.strip())
    return (
        item.is_ready
        and bool(described)
        and view_gallery(user, item.gallery)
        and access.can_view(user, item.access_level, item.access_group_id)
    )


def view_file(user, media_file) -> bool:
    if access.is_secretariat(user):
        return True
    item = media_file.item
    if media_file.role == "original" and item.kind != "video":
        return False
    return view_item(user, item)


def download_item(user, item) -> bool:
    return access.is_secretariat(user) or (view_item(user, item) and item.gallery.downloads_allowed)


def register() -> None:
    access.register_rule("media.manage", lambda user, obj: access.is_secretariat(user))
    access.register_rule("media.gallery.view", view_gallery)
    access.register_rule("media.item.view", view_item)
    access.register_rule("media.file.view", view_file)
    access.register_rule("media.item.download", download_item)
