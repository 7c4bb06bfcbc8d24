"""Event kinds a list rule can react to: a registry, so a new kind is one registration.

An app that emits outbox events of a new kind registers, in its AppConfig.ready()::

    from secretaria.comms.kinds import EventKind, register_event_kind
    register_event_kind(EventKind("meeting.announced", _("Meeting announced"), render_meeting))

``render(event)`` turns the outbox event into an ``Item`` (subject, text and HTML in both
languages, the item's access level and group, its address, and the facets rules filter on),
or None when there is nothing to announce any more (the item was deleted or withdrawn).
The engine never needs to know what a meeting or a decision is.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from secretaria.core.i18n import format_date, pick
from secretaria.documents.models import Document

LANGS = ("es", "en")


@dataclass
class Item:
    subject: dict[str, str]  # per language
    text: dict[str, str]
    html: dict[str, str]
    title: dict[str, str]  # one line, for digests and the archive
    access_level: str
    access_group_id: int | None
    url: str  # absolute, per the site's SITE_URL
    date: datetime.date | None = None
    # What rules filter on; absent facets never match a rule that filters on them.
    doc_type: str = ""
    group_ids: set[int] = field(default_factory=set)
    topic_ids: set[int] = field(default_factory=set)
    meeting_id: int | None = None  # the item's own meeting; meeting_ids adds the meetings it is linked to
    meeting_ids: set[int] = field(default_factory=set)
    # Lists that already have the item another way (the list a bulletin was sent to).
    exclude_list_ids: set[int] = field(default_factory=set)

    def __post_init__(self):
        if self.meeting_id:
            self.meeting_ids = {*self.meeting_ids, self.meeting_id}


@dataclass(frozen=True)
class EventKind:
    kind: str
    label: object
    render: Callable  # (event) -> Item | None


_KINDS: dict[str, EventKind] = {}


def register_event_kind(event_kind: EventKind) -> None:
    _KINDS[event_kind.kind] = event_kind


def get_event_kind(kind: str) -> EventKind | None:
    return _KINDS.get(kind)


def event_kinds() -> dict[str, EventKind]:
    return dict(_KINDS)


# --- What a rule can be narrowed to, beyond its kind -----------------------------------------
@dataclass(frozen=True)
class Ref:
    """A thing a rule names (a meeting): its title and address, for the Secretariat's pages."""

    pk: int
    title: str
    url: str


@dataclass(frozen=True)
class RuleScope:
    """How comms offers and shows a rule's meeting filter without knowing what a meeting is:
    the meetings app registers one (its AppConfig.ready())."""

    choices: Callable[[], list[tuple[int, str]]]  # (pk, label), newest first
    refs: Callable[[set[int]], dict[int, Ref]]


_MEETING_SCOPE: RuleScope | None = None


def register_meeting_scope(scope: RuleScope) -> None:
    global _MEETING_SCOPE
    _MEETING_SCOPE = scope


def meeting_scope() -> RuleScope:
    return _MEETING_SCOPE or RuleScope(choices=list, refs=lambda pks: {})


def absolute(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path


def simple_item_html(*, heading: str, lines: list[str], url: str, link_text: str) -> str:
    paragraphs = "".join(f"<p>{escape(line)}</p>\n" for line in lines if line)
    return f'<h1>{escape(heading)}</h1>\n{paragraphs}<p><a href="{escape(url)}">{escape(link_text)}</a></p>'


# --- document.published --------------------------------------------------------------------
def render_document_published(event) -> Item | None:

    document = (
        Document.objects.filter(pk=event.payload.get("document_id"), status=Document.Status.PUBLISHED)
        .prefetch_related("topics", "files", "meeting_links")
        .first()
    )
    if document is None:
        return None  # withdrawn or deleted since: nothing to announce
    subject, text, html, title = {}, {}, {}, {}
    for lang in LANGS:
        with translation.override(lang):
            url = absolute(reverse("documents:detail", kwargs={"symbol": document.symbol}))
            doc_title = pick(document, "title", lang)
            summary = pick(document, "summary", lang)
            kind = document.get_doc_type_display()
            title[lang] = f"{document.symbol} — {doc_title}"
            subject[lang] = gettext("New document: %(symbol)s — %(title)s") % {
                "symbol": document.symbol,
                "title": doc_title,
            }
            languages = ", ".join(f.get_language_display() for f in document.files.all())
            lines = [
                gettext("The Technical Secretariat has published a document."),
                f"{kind} · {document.symbol} · {format_date(document.date, lang)}",
                summary,
                gettext("Language versions: %(languages)s") % {"languages": languages},
            ]
            text[lang] = "\n\n".join(
                [doc_title, *[line for line in lines if line], gettext("Read it: %(url)s") % {"url": url}]
            )
            html[lang] = simple_item_html(
                heading=doc_title, lines=lines, url=url, link_text=gettext("Read the document")
            )
    return Item(
        subject=subject,
        text=text,
        html=html,
        title=title,
        access_level=document.access_level,
        access_group_id=document.access_group_id,
        url=absolute(document.get_absolute_url()),
        date=document.date,
        doc_type=document.doc_type,
        group_ids={document.group_id} if document.group_id else set(),
        topic_ids={t.pk for t in document.topics.all()},
        meeting_ids={link.meeting_id for link in document.meeting_links.all()},
    )


register_event_kind(EventKind("document.published", _("Document published"), render_document_published))
