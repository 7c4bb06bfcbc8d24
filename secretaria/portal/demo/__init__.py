"""Demo content for the portal, from CRM-FACTS.md and the ST report for May–November 2004
(the pages in ``pages``, the news items in ``news``).

Idempotent: each page and news item is found by its address; it is created when missing
and saved only when its text differs, so running ``load_demo`` twice adds no history.
"""

import re

from secretaria.core.access import AccessLevel
from secretaria.documents.models import Document
from secretaria.meetings.models import Meeting
from secretaria.portal import services
from secretaria.portal.demo.dates import at as _at
from secretaria.portal.demo.news import NEWS
from secretaria.portal.demo.pages import PAGES
from secretaria.portal.models import NewsItem, Page, Status

__all__ = ["NEWS", "PAGES", "link", "load"]


_BLOCK_START = re.compile(r"^(#+ |- |\d+\. |> )")


def _unwrap(text: str) -> str:
    """Join the source's wrapped lines, so the editor shows one line per paragraph or item."""
    lines: list[str] = []
    for line in text.strip().splitlines():
        joins = lines and lines[-1] and line.strip() and not _BLOCK_START.match(line)
        if joins:
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def _changed(obj, data: dict) -> dict:
    return {name: value for name, value in data.items() if getattr(obj, name) != value}


def _prepared(spec: dict) -> dict:
    return {name: _unwrap(value) if name.startswith("body_") else value for name, value in spec.items()}


def load(*, stdout, style):
    created = updated = 0
    for spec in PAGES:
        data = {"show_in_nav": False, "access_level": AccessLevel.PUBLIC, "publish_at": _at(2004, 8, 2)}
        data.update(_prepared(spec))
        data["status"] = Status.PUBLISHED
        page = Page.objects.filter(site=data["site"], slug=data["slug"]).first()
        if page is None:
            services.page_create(by=None, reason="Demo data", **data)
            created += 1
        elif changes := _changed(page, data):
            status = changes.pop("status", None)
            if changes:
                services.page_update(page=page, by=None, reason="Demo data", **changes)
            if status:
                services.page_publish(page=page, by=None)
            updated += 1
    for spec in NEWS:
        data = {"access_level": AccessLevel.PUBLIC, **_prepared(spec), "status": Status.PUBLISHED}
        item = NewsItem.objects.filter(slug=data["slug"]).first()
        if item is None:
            services.news_create(by=None, reason="Demo data", **data)
            created += 1
        elif changes := _changed(item, data):
            status = changes.pop("status", None)
            if changes:
                services.news_update(item=item, by=None, reason="Demo data", **changes)
            if status:
                services.news_publish(item=item, by=None)
            updated += 1
    stdout.write(f"Portal: {created} pages and news items created, {updated} updated.")


# News items that speak of a meeting and its documents link them (run after the meetings and
# documents demos): slug → (meeting slug, the roles of its documents to list).
NEWS_LINKS = {
    "seminario-migracion-y-salud": ("seminario-migracion-y-salud-2004", None),
}


def link(*, stdout, style):
    linked = 0
    for slug, (meeting_slug, roles) in NEWS_LINKS.items():
        item = NewsItem.objects.filter(slug=slug).first()
        meeting = Meeting.objects.filter(slug=meeting_slug).first()
        if item is None or meeting is None:
            continue
        links = meeting.document_links.filter(document__status=Document.Status.PUBLISHED)
        if roles:
            links = links.filter(role__in=roles)
        documents = [link.document for link in links.select_related("document").order_by("order")]
        if set(item.related_meetings.all()) != {meeting} or set(item.related_documents.all()) != set(documents):
            services.news_update(
                item=item, by=None, reason="Demo data", related_meetings=[meeting], related_documents=documents
            )
            linked += 1
    stdout.write(f"Portal: {linked} news items linked to their meetings and documents.")
