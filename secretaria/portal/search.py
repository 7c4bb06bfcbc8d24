"""Pages and news items in the site search, at their own access level, once live.

A draft, or an item published for a date still to come, is not in the index; an item
scheduled for later is indexed by a task that runs at its publication date
(``portal.tasks.index_when_live``).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from secretaria.portal.models import NewsItem, Page, Status
from secretaria.portal.tasks import index_when_live
from secretaria.search.registry import SearchEntry, SearchSource, register_source
from secretaria.search.services import index_object

NEWS, PAGE = "news", "page"


def _entry(kind: str, obj, keywords: str = "") -> SearchEntry | None:
    if not obj.is_live:
        return None
    return SearchEntry(
        kind=kind,
        object_id=obj.pk,
        title_es=obj.title_es,
        title_en=obj.title_en,
        date=timezone.localdate(obj.publish_at),
        access_level=obj.access_level,
        access_group_id=obj.access_group_id,
        summary_es=obj.summary_es,
        summary_en=obj.summary_en,
        keywords=keywords,
        body_es=obj.body_es,
        body_en=obj.body_en,
        languages=[code for code in ("es", "en") if getattr(obj, f"title_{code}")],
    )


class NewsSearchSource(SearchSource):
    kind = NEWS
    label = _("News")

    def entry_for(self, obj: NewsItem) -> SearchEntry | None:
        return _entry(self.kind, obj)

    def iter_objects(self):
        return NewsItem.objects.filter(status=Status.PUBLISHED).order_by("pk")

    def url_for(self, object_id: int, lang: str) -> str:
        return self.urls_for([object_id], lang).get(object_id, "")

    def urls_for(self, object_ids, lang: str) -> dict[int, str]:
        found = NewsItem.objects.filter(pk__in=list(object_ids)).only("slug")
        with translation.override(lang):
            return {item.pk: item.get_absolute_url() for item in found}


class PageSearchSource(SearchSource):
    kind = PAGE
    label = _("Pages")

    def entry_for(self, obj: Page) -> SearchEntry | None:
        return _entry(self.kind, obj, keywords=obj.slug)

    def iter_objects(self):
        return Page.objects.filter(status=Status.PUBLISHED).order_by("pk")

    def url_for(self, object_id: int, lang: str) -> str:
        return self.urls_for([object_id], lang).get(object_id, "")

    def urls_for(self, object_ids, lang: str) -> dict[int, str]:
        found = Page.objects.filter(pk__in=list(object_ids)).only("site", "slug")
        with translation.override(lang):
            return {page.pk: page.get_absolute_url() for page in found}


def register() -> None:

    register_source(NewsSearchSource())
    register_source(PageSearchSource())


def kind_of(obj) -> str:
    return NEWS if isinstance(obj, NewsItem) else PAGE


def index_content(obj) -> None:
    """Index a page or news item as it stands now; one scheduled for later, when it goes live."""

    index_object(kind_of(obj), obj)
    if obj.is_scheduled:
        kind, pk, at = kind_of(obj), obj.pk, obj.publish_at
        transaction.on_commit(lambda: index_when_live.using(run_after=at).enqueue(kind=kind, pk=pk))
