"""What the portal gives the Secretariat's bulletins: news published and pages changed in a period."""

from __future__ import annotations

from django.utils import translation

from secretaria.comms.bulletins import (
    BulletinEntry,
    BulletinSection,
    period_bounds,
    register_bulletin_section,
    urls_in_both_languages,
)
from secretaria.comms.kinds import LANGS, absolute
from secretaria.portal.models import NewsItem, Page


def news_published(start, end) -> list[BulletinEntry]:
    low, high = period_bounds(start, end)
    entries = []
    for item in NewsItem.objects.live().filter(publish_at__gte=low, publish_at__lt=high).order_by("publish_at"):
        es, en = urls_in_both_languages("portal:news_detail", slug=item.slug)
        entries.append(
            BulletinEntry(
                item.title_es,
                item.title_en or item.title_es,
                es,
                en,
                item.publish_at.date(),
                item.access_level,
                item.access_group_id,
            )
        )
    return entries


def pages_changed(start, end) -> list[BulletinEntry]:
    """Pages whose history has a change in the period, as they are now (published ones only)."""
    low, high = period_bounds(start, end)
    changed = Page.history.filter(history_date__gte=low, history_date__lt=high).values_list("id", flat=True)
    entries = []
    for page in Page.objects.live().filter(pk__in=set(changed)).order_by("site", "menu_order"):
        urls = []
        for lang in LANGS:
            with translation.override(lang):
                urls.append(absolute(page.get_absolute_url()))
        entries.append(
            BulletinEntry(
                page.title_es,
                page.title_en or page.title_es,
                urls[0],
                urls[1],
                page.updated_at.date(),
                page.access_level,
                page.access_group_id,
            )
        )
    return entries


def register() -> None:
    register_bulletin_section(BulletinSection("news", "Noticias", "News", news_published, 20))
    register_bulletin_section(BulletinSection("pages", "Páginas actualizadas", "Pages updated", pages_changed, 90))
