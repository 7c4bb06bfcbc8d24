"""Reads for the portal. Visibility always comes from ``secretaria.core.access``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from secretaria.core import access
from secretaria.core.access import AccessLevel
from secretaria.documents.models import Document
from secretaria.documents.selectors import documents_visible_to
from secretaria.meetings.selectors import meetings_visible_to
from secretaria.portal.models import Image, NewsItem, Page, Status


def live_pages(user, site: str = Page.Site.PUBLIC) -> QuerySet[Page]:
    """Published pages of ``site`` whose date has come and that ``user`` may read."""
    return Page.objects.live().filter(access.visible_filter(user), site=site)


def nav_pages(site: str = Page.Site.PUBLIC) -> QuerySet[Page]:
    return Page.objects.live().filter(site=site, show_in_nav=True, access_level=AccessLevel.PUBLIC)


def page_by_slug(site: str, slug: str) -> Page | None:
    """Any page with that address, whatever its status: views decide what to show."""
    return Page.objects.filter(site=site, slug=slug).select_related("access_group", "updated_by").first()


def public_page(slug: str) -> Page | None:
    """A live public page (used for content the portal embeds, like the home intro)."""
    return Page.objects.live().filter(site=Page.Site.PUBLIC, slug=slug, access_level=AccessLevel.PUBLIC).first()


def live_news(user) -> QuerySet[NewsItem]:
    return NewsItem.objects.live().filter(access.visible_filter(user)).select_related("image")


def public_news() -> QuerySet[NewsItem]:
    """What the feed and the sitemap list: anonymous visitors' view of the news."""
    return live_news(None)


def news_by_slug(slug: str) -> NewsItem | None:
    return NewsItem.objects.filter(slug=slug).select_related("image", "access_group").first()


def pages_for_management() -> QuerySet[Page]:
    return Page.objects.select_related("updated_by", "access_group").order_by("site", "menu_order", "title_es")


def news_for_management() -> QuerySet[NewsItem]:
    return NewsItem.objects.select_related("author", "updated_by").order_by("-publish_at", "-created_at")


def drafts() -> dict[str, QuerySet]:
    """Pages and news not shown yet: drafts, and published ones waiting for their date."""
    waiting = Q(status=Status.DRAFT) | Q(publish_at__gt=timezone.now())
    return {
        "pages": Page.objects.filter(waiting).order_by("-updated_at"),
        "news": NewsItem.objects.filter(waiting).order_by("-updated_at"),
    }


def images() -> QuerySet[Image]:
    return Image.objects.select_related("uploaded_by")


@dataclass
class Change:
    field: str
    label: str
    old: object
    new: object

    @property
    def old_lines(self) -> list[str]:
        return self._changed_lines()[0]

    @property
    def new_lines(self) -> list[str]:
        return self._changed_lines()[1]

    def _changed_lines(self) -> tuple[list[str], list[str]]:
        """For long texts, only the lines that differ (whole values for anything else)."""
        if not isinstance(self.old, str) or not isinstance(self.new, str):
            return (
                [] if self.old in (None, "") else [str(self.old)],
                [] if self.new in (None, "") else [str(self.new)],
            )
        old, new = self.old.splitlines(), self.new.splitlines()
        removed, added = [], []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
            if tag != "equal":
                removed += [line for line in old[i1:i2] if line.strip()]
                added += [line for line in new[j1:j2] if line.strip()]
        return removed, added


@dataclass
class Version:
    record: object  # a historical row
    changes: list[Change]


# Who made a change is the version's author already; repeating it as a field change is noise.
_NOT_DIFFED = ["updated_by", "created_by", "author", "uploaded_by"]


def history_of(obj, *, limit: int = 100) -> list[Version]:
    """Versions of ``obj``, newest first, each with the fields it changed from the one before."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    labels = {f.name: f.verbose_name for f in obj._meta.get_fields() if hasattr(f, "verbose_name")}
    versions = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=_NOT_DIFFED, foreign_keys_are_objs=True)
            changes = [
                Change(field=c.field, label=str(labels.get(c.field, c.field)), old=c.old, new=c.new)
                for c in delta.changes
            ]
        versions.append(Version(record=record, changes=changes))
    return versions


def news_related(item: NewsItem, user) -> dict[str, list]:
    """The meetings and published documents a news item links, those ``user`` may see only."""
    return {
        "meetings": list(meetings_visible_to(user).filter(news_items=item).order_by("start_date")),
        "documents": list(
            documents_visible_to(user)
            .filter(news_items=item, status=Document.Status.PUBLISHED)
            .order_by("date", "symbol")
        ),
    }
