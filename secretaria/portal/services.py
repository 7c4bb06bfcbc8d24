"""Writes for the portal: pages, news items and images.

Every change records who made it and why in the object's history (django-simple-history),
so the Secretariat can see who changed a page, when and what.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from secretaria.core.access import AccessLevel
from secretaria.portal.models import Image, NewsItem, Page, Status
from secretaria.portal.search import index_content

if TYPE_CHECKING:
    from secretaria.accounts.models import User

PAGE_FIELDS = {
    "site", "slug", "title_es", "title_en", "summary_es", "summary_en", "body_es", "body_en",
    "access_level", "access_group", "publish_at", "menu_order", "show_in_nav",
}  # fmt: skip
NEWS_FIELDS = {
    "slug", "title_es", "title_en", "summary_es", "summary_en", "body_es", "body_en",
    "access_level", "access_group", "publish_at", "image",
}  # fmt: skip
NEWS_RELATED = ("related_meetings", "related_documents")  # many-to-many: set after the save

# Pillow's format names for what we accept, and the file suffix each is stored under.
ALLOWED_IMAGE_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}


def _save(obj, *, by: User | None, reason: str) -> None:
    # simple_history reads these two attributes when it writes the historical row.
    obj._history_user = by
    obj._change_reason = reason[:100] if reason else ""
    obj.full_clean()
    obj.save()
    index_content(obj)  # in the search once live, out of it when drafted again


def _apply(obj, fields: dict[str, Any], allowed: set[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(obj, name, value)


# --- Pages ----------------------------------------------------------------------------


def page_create(
    *,
    by: User | None,
    site: str = Page.Site.PUBLIC,
    slug: str,
    title_es: str,
    access_level: str | None = None,
    reason: str = "",
    **fields: Any,
) -> Page:
    """A new page, as a draft unless ``status`` says otherwise."""
    if access_level is None:
        access_level = AccessLevel.PUBLIC if site == Page.Site.PUBLIC else AccessLevel.MEMBERS
    status = fields.pop("status", Status.DRAFT)
    page = Page(site=site, slug=slug, title_es=title_es, access_level=access_level, created_by=by, updated_by=by)
    _apply(page, fields, PAGE_FIELDS)
    page.status = status
    if status == Status.PUBLISHED and page.publish_at is None:
        page.publish_at = timezone.now()
    with transaction.atomic():
        _save(page, by=by, reason=reason or _("Created"))
    return page


def page_update(*, page: Page, by: User | None, reason: str = "", **fields: Any) -> Page:
    """Change a page; ``reason`` is kept in its history with the author."""
    _apply(page, fields, PAGE_FIELDS)
    page.updated_by = by
    with transaction.atomic():
        _save(page, by=by, reason=reason or _("Edited"))
    return page


def _publish(obj, *, by: User | None, at: datetime.datetime | None = None):
    """Publish now, or at ``at`` / the date already set (it stays hidden until then)."""
    obj.status = Status.PUBLISHED
    # A date already chosen in the form is kept: publishing then schedules it.
    obj.publish_at = at or obj.publish_at or timezone.now()
    obj.updated_by = by
    _save(obj, by=by, reason=_("Published"))
    return obj


def _unpublish(obj, *, by: User | None):
    obj.status = Status.DRAFT
    obj.updated_by = by
    _save(obj, by=by, reason=_("Unpublished"))
    return obj


def page_publish(*, page: Page, by: User | None, at: datetime.datetime | None = None) -> Page:
    """Publish now, or at ``at`` / the date already set (the page stays hidden until then)."""
    return _publish(page, by=by, at=at)


def page_unpublish(*, page: Page, by: User | None) -> Page:
    return _unpublish(page, by=by)


# --- News -----------------------------------------------------------------------------


def _set_related(item: NewsItem, related: dict[str, Any]) -> None:
    for name, values in related.items():
        getattr(item, name).set(values)


def _pop_related(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: fields.pop(name) for name in NEWS_RELATED if name in fields}


def news_create(*, by: User | None, slug: str, title_es: str, reason: str = "", **fields: Any) -> NewsItem:
    related = _pop_related(fields)
    status = fields.pop("status", Status.DRAFT)
    item = NewsItem(slug=slug, title_es=title_es, author=by, updated_by=by)
    _apply(item, fields, NEWS_FIELDS)
    item.status = status
    if status == Status.PUBLISHED and item.publish_at is None:
        item.publish_at = timezone.now()
    with transaction.atomic():
        _save(item, by=by, reason=reason or _("Created"))
        _set_related(item, related)
    return item


def news_update(*, item: NewsItem, by: User | None, reason: str = "", **fields: Any) -> NewsItem:
    related = _pop_related(fields)
    _apply(item, fields, NEWS_FIELDS)
    item.updated_by = by
    with transaction.atomic():
        _save(item, by=by, reason=reason or _("Edited"))
        _set_related(item, related)
    return item


def news_publish(*, item: NewsItem, by: User | None, at: datetime.datetime | None = None) -> NewsItem:
    return _publish(item, by=by, at=at)


def news_unpublish(*, item: NewsItem, by: User | None) -> NewsItem:
    return _unpublish(item, by=by)


# --- Images ---------------------------------------------------------------------------


def image_validate(file: UploadedFile) -> str:
    """Check that ``file`` is a real picture in an accepted format; return its suffix."""
    max_bytes = settings.MAX_UPLOAD_MB * 1024 * 1024
    if file.size is not None and file.size > max_bytes:
        raise ValidationError(
            _("The file is larger than %(max)s MB.") % {"max": settings.MAX_UPLOAD_MB}, code="too_large"
        )
    try:
        file.seek(0)
        with PILImage.open(file) as picture:
            fmt = picture.format
            picture.verify()  # reads the whole file: catches truncated and forged images
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        raise ValidationError(_("The file is not a picture Secretaría Virtual can read."), code="not_image") from None
    finally:
        file.seek(0)
    if fmt not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(_("Accepted formats: JPEG, PNG, WebP and GIF."), code="format")
    return ALLOWED_IMAGE_FORMATS[fmt]


def image_upload(*, file: UploadedFile, alt_es: str, alt_en: str = "", by: User | None) -> Image:
    """Store an uploaded picture under a generated name, after checking it is one."""
    suffix = image_validate(file)
    original_name = file.name or ""
    # The stored suffix follows the real format, not the name the uploader gave.
    file.name = f"upload{suffix}"
    image = Image(file=file, alt_es=alt_es, alt_en=alt_en, uploaded_by=by, original_name=original_name[:255])
    image._history_user = by
    image.full_clean()
    image.save()
    return image
