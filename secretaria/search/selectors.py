"""Reading the index: ``search()`` is what the search page, the API and the benchmark call."""

from __future__ import annotations

import datetime
import math
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from secretaria.core.i18n import current_language, pick
from secretaria.directory.models import Country, Group
from secretaria.search.backends import SearchFilters, get_backend
from secretaria.search.backends.base import COUNT_CAP, DATE, FACET_FIELDS, RELEVANCE
from secretaria.search.models import SearchIndexEntry
from secretaria.search.query import parse_query
from secretaria.search.registry import sources
from secretaria.search.snippets import Highlighter

SORTS = (RELEVANCE, DATE)
MAX_PER_PAGE = 100
MAX_RESULTS = COUNT_CAP  # deepest hit reachable by paging, and the most hits counted
# Facets shown, in this order, with the filter parameter each one sets. The search page
# shows the types of each kind (document types, meeting kinds) inside the kind's panel.
FACETS = [
    ("kind", "kind", _("Type")),
    ("doc_type", "type", _("Subtype")),
    ("year", "year", _("Year")),
    ("meeting_id", "meeting", _("Meeting")),
    ("group_id", "group", _("Group")),
    ("country", "country", _("Country")),
    ("languages", "language", _("Language")),
    ("status", "status", _("Status")),
]


@dataclass
class Hit:
    kind: str
    object_id: int
    title: str
    url: str
    snippet: SafeString
    date: datetime.date | None
    score: float
    kind_label: str = ""


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""  # set by the search page
    children: list[FacetValue] = field(default_factory=list)  # the kind's types (``doc_type``)
    parent: str = ""  # a type: the kind it is shown under


@dataclass
class Facet:
    field: str
    param: str
    label: str
    values: list[FacetValue]
    nested: bool = False  # shown inside another facet's panel (the search page skips its own)
    extra: list[FacetValue] = field(default_factory=list)  # another facet's values shown in this panel


@dataclass
class SearchResults:
    q: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    # True: more than ``total`` (= COUNT_CAP) hits; counting stopped there, and the facet
    # numbers cover the hits counted (decision 0008).
    total_capped: bool = False
    page: int = 1
    per_page: int = 20
    sort: str = RELEVANCE
    facets: list[Facet] = field(default_factory=list)
    message: str = ""
    # Links the search page fills in (same search, another page or sort).
    page_urls: dict = field(default_factory=dict)
    sort_urls: dict = field(default_factory=dict)

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(min(self.total, MAX_RESULTS) / self.per_page))

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.per_page + 1

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def _labels(counts: dict[str, Counter], lang: str) -> dict[str, dict]:
    """Readable names for facet values, fetched in one query per facet that needs it."""

    labels: dict[str, dict] = {name: {} for name in FACET_FIELDS}
    registered = sources()
    for kind in counts["kind"]:
        source = registered.get(kind)
        labels["kind"][kind] = str(source.label) if source and source.label else kind
    # The kind of the source that names a type: the type is shown under that kind.
    owners: dict = {}
    for name in ("doc_type", "status", "meeting_id"):
        pending = set(counts[name])
        # The sources of the hits first: a type both a document and a note know is the hit's.
        ordered = sorted(registered.values(), key=lambda source: source.kind not in counts["kind"])
        for source in ordered:
            if not pending:
                break
            for value, label in source.facet_labels(name, list(pending), lang).items():
                if value in pending and label:
                    labels[name][value] = str(label)
                    pending.discard(value)
                    if name == "doc_type":
                        owners[value] = source.kind
        for value in pending:
            labels[name][value] = str(value)
    labels["doc_type_owner"] = owners
    if counts["country"]:
        for country in Country.objects.filter(iso2__in=list(counts["country"])):
            labels["country"][country.iso2] = pick(country, "name", lang)
    if counts["group_id"]:
        for group in Group.objects.filter(id__in=list(counts["group_id"])):
            labels["group_id"][group.id] = pick(group, "name", lang)
    for code in counts["languages"]:
        try:
            info = get_language_info(code)
            labels["languages"][code] = info["name_translated"]
        except KeyError:
            labels["languages"][code] = code
    return labels


def _facets(counts: dict[str, Counter], lang: str) -> list[Facet]:
    labels = _labels(counts, lang)
    facets = []
    for name, param, label in FACETS:
        if not counts[name]:
            continue
        ordered = sorted(counts[name].items(), key=lambda kv: -kv[0]) if name == "year" else counts[name].most_common()
        values = [FacetValue(str(v), str(labels[name].get(v, v)), n) for v, n in ordered]
        facets.append(Facet(name, param, str(label), values))
    # One "Type" panel: each type under the kind whose source names it (document types under
    # Documents, meeting kinds under Meetings); a type no source names, under the only kind
    # of the hits, or else after the kinds.
    by_field = {facet.field: facet for facet in facets}
    kinds, types = by_field.get("kind"), by_field.get("doc_type")
    if kinds and types:
        owner = labels["doc_type_owner"]
        parents = {value.value: value for value in kinds.values}
        only = kinds.values[0] if len(kinds.values) == 1 else None
        for value in types.values:
            parent = parents.get(owner.get(value.value, "")) or only
            if parent is not None:
                parent.children.append(value)
                value.parent = parent.value
            else:
                kinds.extra.append(value)
        types.nested = True
    return facets


def _set_total(results: SearchResults, backend, total: int) -> None:
    """The backend's total as shown: capped at COUNT_CAP unless the engine counts exactly."""
    results.total = total if backend.exact_counts else min(total, COUNT_CAP)
    results.total_capped = not backend.exact_counts and total > COUNT_CAP


def search(
    *,
    user,
    q: str | None,
    filters: SearchFilters | None = None,
    sort: str = RELEVANCE,
    page: int = 1,
    per_page: int = 20,
    facets: bool = True,
) -> SearchResults:
    """One page of what ``user`` may read matching ``q``, with the total and facet counts.

    Access is part of the database query (``backends``), so ``total`` and the facet
    numbers count only visible entries and snippets come only from them. Past COUNT_CAP
    hits the database engines stop counting (``total_capped``); the page is still ranked
    among all of them. The tantivy engine counts every hit (``exact_counts``).
    """
    filters = filters or SearchFilters()
    sort = sort if sort in SORTS else RELEVANCE
    per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    page = max(1, int(page))
    results = SearchResults(q=q or "", page=page, per_page=per_page, sort=sort)
    parsed = parse_query(q)
    if parsed.is_empty:
        results.message = str(parsed.message)
        return results
    lang = current_language()
    backend = get_backend()
    prepared = backend.prepare(parsed, filters, user)
    offset = (page - 1) * per_page
    limit = per_page if offset < MAX_RESULTS else 0
    total, counts, ranked = backend.run(prepared, sort=sort, offset=offset, limit=limit, facets=facets)
    _set_total(results, backend, total)
    if facets:
        results.facets = _facets(counts, lang)
    if not total:
        results.message = str(_("No results. Check the spelling, use fewer words or remove a filter."))
        return results
    entries = SearchIndexEntry.objects.in_bulk([entry_id for entry_id, _score in ranked])
    highlighter = Highlighter(parsed)
    other = next((code for code, _name in settings.LANGUAGES if code != lang), lang)
    registered = sources()
    by_kind: dict[str, list[int]] = {}
    for entry in entries.values():
        by_kind.setdefault(entry.kind, []).append(entry.object_id)
    urls = {
        kind: registered[kind].urls_for(object_ids, lang) for kind, object_ids in by_kind.items() if kind in registered
    }
    for entry_id, score in ranked:
        entry = entries.get(entry_id)
        if entry is None:
            continue
        source = registered.get(entry.kind)
        url = urls.get(entry.kind, {}).get(entry.object_id, "")
        # The reader's language first; the other language only when the words are only there.
        texts = [
            (getattr(entry, f"summary_{lang}"), lang),
            (getattr(entry, f"body_{lang}"), lang),
            (entry.body, None),
            (getattr(entry, f"summary_{other}"), other),
            (getattr(entry, f"body_{other}"), other),
        ]
        results.hits.append(
            Hit(
                kind=entry.kind,
                object_id=entry.object_id,
                title=pick(entry, "title", lang) or entry.keywords,
                url=url,
                snippet=highlighter.snippet(texts),
                date=entry.date,
                score=float(score or 0.0),
                kind_label=str(source.label) if source and source.label else entry.kind,
            )
        )
    return results


def facets_come_apart() -> bool:
    """Whether the results page loads its facets after its first answer (``search_facets``)."""
    return get_backend().facets_apart


def search_facets(*, user, q: str | None, filters: SearchFilters | None = None) -> SearchResults:
    """The total and facet counts of a search, without its hits: the results page loads its
    filters with this after the first page (``search(facets=False)``) has been shown.

    The same access applies as in ``search``: the numbers count only what ``user`` may read.
    """
    results = SearchResults(q=q or "")
    parsed = parse_query(q)
    if parsed.is_empty:
        results.message = str(parsed.message)
        return results
    backend = get_backend()
    total, counts = backend.facet_counts(backend.prepare(parsed, filters or SearchFilters(), user))
    _set_total(results, backend, total)
    if total:
        results.facets = _facets(counts, current_language())
    return results
