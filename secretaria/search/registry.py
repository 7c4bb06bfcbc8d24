"""The contract between the site search and the apps whose content it finds.

An app that wants its objects found registers a ``SearchSource`` in its AppConfig.ready()::

    from secretaria.search.registry import register_source
    register_source(DocumentSearchSource())

and calls ``secretaria.search.services.index_object(source_kind, obj)`` after every write
that changes what the index holds (create, update, publish, withdraw, access change) and
``unindex_object(source_kind, object_id)`` on delete. ``entry_for`` returns None for an object
that must not be in the index (a draft, say), and index_object then removes it.

The index stores, per entry, what the search page shows and everything it filters on, so
a query never has to read the source's own tables; access filtering uses the entry's
``access_level`` and ``access_group_id`` through ``secretaria.core.access.visible_filter``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class SearchEntry:
    kind: str  # the source's kind, e.g. "document"
    object_id: int
    title_es: str
    title_en: str
    date: datetime.date | None
    access_level: str  # an AccessLevel value
    access_group_id: int | None = None
    summary_es: str = ""
    summary_en: str = ""
    keywords: str = ""  # reference symbols, topics: matched like titles
    body: str = ""  # full text of no declared language (stemmed in both languages)
    body_es: str = ""  # full text known to be Spanish
    body_en: str = ""  # full text known to be English
    # Facets the search page filters on; None where they do not apply.
    doc_type: str | None = None  # e.g. a document type code
    year: int | None = None
    meeting_id: int | None = None
    group_id: int | None = None
    country: str | None = None  # ISO alpha-2
    languages: list[str] = field(default_factory=list)  # language codes of the available versions
    status: str | None = None  # e.g. "published", "withdrawn"
    # A copy of something indexed on its own (a list's archive of an announcement of a
    # document): ranked below the original for the same words.
    demoted: bool = False


class SearchSource:
    """Base class for a source of search entries. Subclasses set ``kind`` and ``label``."""

    kind: str = ""
    label = ""

    def entry_for(self, obj) -> SearchEntry | None:
        raise NotImplementedError

    def iter_objects(self) -> Iterable:
        """Every object of this kind that might be indexed (``manage.py reindex`` walks these)."""
        raise NotImplementedError

    def url_for(self, object_id: int, lang: str) -> str:
        """The object's page in ``lang`` (reverse() under translation.override(lang))."""
        raise NotImplementedError

    def urls_for(self, object_ids: Iterable[int], lang: str) -> dict[int, str]:
        """The pages of a page of hits. Override when ``url_for`` reads the database, so a
        results page costs one query per source rather than one per hit."""
        return {object_id: self.url_for(object_id, lang) for object_id in object_ids}

    def facet_label(self, facet: str, value, lang: str) -> str | None:
        """A readable name for one of this source's facet values (``doc_type``, ``status``,
        ``meeting_id``) in ``lang``, or None to let another source or the raw value answer."""
        return None

    def facet_labels(self, facet: str, values, lang: str) -> dict:
        """Readable names for several values of a facet: {value: label} for those this source
        names. Override when naming reads the database, so a page costs one query per facet."""
        labels = {}
        for value in values:
            label = self.facet_label(facet, value, lang)
            if label:
                labels[value] = label
        return labels


_SOURCES: dict[str, SearchSource] = {}


def register_source(source: SearchSource) -> None:
    if not source.kind:
        raise ValueError("a search source needs a kind")
    _SOURCES[source.kind] = source


def get_source(kind: str) -> SearchSource:
    return _SOURCES[kind]


def unregister_source(kind: str) -> None:
    _SOURCES.pop(kind, None)


def sources() -> dict[str, SearchSource]:
    return dict(_SOURCES)
