"""Keeping the search index in step with the content.

Content apps call ``index_object`` after every write that changes what the index holds
and ``unindex_object`` on delete, inside their own transaction, so the index never shows
a state the database did not commit. ``reindex`` rebuilds everything from the sources; run it too after upgrading PyStemmer or
changing ``search/text.py``, since SQLite's index forgets an entry by recomputing the
tokens it was indexed with.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from tqdm import tqdm

from secretaria.core.access import AccessLevel
from secretaria.search.backends import get_backend
from secretaria.search.backends.tantivy import engine
from secretaria.search.models import SearchEngineChange, SearchIndexEntry
from secretaria.search.registry import SearchEntry, get_source, sources

BATCH_SIZE = 500


def _object_id(obj) -> int:
    pk = getattr(obj, "pk", None)
    return int(pk if pk is not None else obj.id)


def _languages(codes) -> str:
    codes = sorted({str(code).strip().lower() for code in codes or [] if str(code).strip()})
    return "," + ",".join(codes) + "," if codes else ""


def _fill(entry: SearchIndexEntry, data: SearchEntry) -> SearchIndexEntry:
    if data.access_level not in AccessLevel.values:
        raise ValueError(f"unknown access level {data.access_level!r} for {data.kind}:{data.object_id}")
    entry.title_es = (data.title_es or "")[:500]
    entry.title_en = (data.title_en or "")[:500]
    entry.summary_es = data.summary_es or ""
    entry.summary_en = data.summary_en or ""
    entry.keywords = data.keywords or ""
    entry.body = data.body or ""
    entry.body_es = data.body_es or ""
    entry.body_en = data.body_en or ""
    entry.demoted = bool(data.demoted)
    entry.date = data.date
    entry.access_level = data.access_level
    entry.access_group_id = data.access_group_id if data.access_level == AccessLevel.GROUP else None
    entry.doc_type = data.doc_type or ""
    entry.year = data.year if data.year is not None else (data.date.year if data.date else None)
    entry.meeting_id = data.meeting_id
    entry.group_id = data.group_id
    entry.country = (data.country or "").upper()
    entry.languages = _languages(data.languages)
    entry.status = data.status or ""
    return entry


def index_object(kind: str, obj) -> SearchIndexEntry | None:
    """Add, refresh or remove ``obj`` in the index, as its source's ``entry_for`` says."""
    data = get_source(kind).entry_for(obj)
    if data is None:
        unindex_object(kind, _object_id(obj))
        return None
    if data.kind != kind:
        raise ValueError(f"the {kind!r} source returned an entry of kind {data.kind!r}")
    backend = get_backend()
    with transaction.atomic():
        entry = SearchIndexEntry.objects.select_for_update().filter(kind=kind, object_id=data.object_id).first()
        if entry is None:
            entry = SearchIndexEntry(kind=kind, object_id=data.object_id)
        else:
            backend.remove([entry])  # with the values it was indexed with
        _fill(entry, data).save()
        backend.add([entry])
    return entry


def unindex_object(kind: str, object_id: int) -> None:
    backend = get_backend()
    with transaction.atomic():
        entries = list(SearchIndexEntry.objects.filter(kind=kind, object_id=object_id))
        if entries:
            backend.remove(entries)
            SearchIndexEntry.objects.filter(id__in=[e.id for e in entries]).delete()


def _remove_kind(kind: str) -> None:
    backend = get_backend()
    while True:
        batch = list(SearchIndexEntry.objects.filter(kind=kind).order_by("id")[:BATCH_SIZE])
        if not batch:
            return
        backend.remove(batch)
        SearchIndexEntry.objects.filter(id__in=[e.id for e in batch]).delete()


def index_entries(kind: str, entries: Iterable[SearchEntry]) -> int:
    """Insert entries known to be absent from the index (a rebuild): batched, fast."""
    backend = get_backend()
    count = 0
    batch: list[SearchIndexEntry] = []

    def flush():
        created = SearchIndexEntry.objects.insert_new(batch)
        backend.add(created)
        batch.clear()

    for data in entries:
        batch.append(_fill(SearchIndexEntry(kind=kind, object_id=data.object_id), data))
        count += 1
        if len(batch) >= BATCH_SIZE:
            flush()
    if batch:
        flush()
    return count


def reindex(kind: str | None = None, progress: bool = True) -> dict[str, int]:
    """Rebuild the index of one kind, or of everything; returns entries indexed per kind."""
    registered = sources()
    if kind is not None and kind not in registered:
        raise KeyError(f"no search source of kind {kind!r}; known: {', '.join(sorted(registered)) or 'none'}")
    kinds = [kind] if kind else sorted(registered)
    counts: dict[str, int] = {}
    with transaction.atomic():
        if kind is None:
            get_backend().clear()
            SearchIndexEntry.objects.all().delete()
        else:
            _remove_kind(kind)
        for k in kinds:
            source = registered[k]
            objects = tqdm(source.iter_objects(), desc=str(source.label or k), unit=" objects", disable=not progress)
            entries = (data for data in (source.entry_for(obj) for obj in objects) if data is not None)
            counts[k] = index_entries(k, entries)
        get_backend().optimize()
    return counts


def sync_engine() -> int | None:
    """Let the tantivy engine catch up with every committed change (the periodic safety net
    behind the sync that follows each commit); the number of changes applied, or None when
    the site searches with the database's engine. Raises RuntimeError when another process
    holds the index's lock for longer than a sync takes."""
    if settings.SEARCH_ENGINE != "tantivy":
        return None
    applied = engine().sync()
    if not applied and SearchEngineChange.objects.exists():
        raise RuntimeError(f"the search index in {settings.SEARCH_INDEX_DIR} is locked by another process")
    return applied
