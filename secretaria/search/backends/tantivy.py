"""tantivy: a top-k search engine beside the database (``SEARCH_ENGINE=tantivy``; decision 0009).

The entries stay in ``SearchIndexEntry`` (the texts, the access fields, the snippets' source);
tantivy holds an inverted index of them in ``SEARCH_INDEX_DIR`` and answers the queries:
block-compressed postings and BM25 in Rust, counts and facets from columnar fast fields,
the top 20 with block-max pruning. The database stays the truth, and the engine follows it
through an outbox:

* ``add`` and ``remove`` write one ``SearchEngineChange`` row per entry, in the caller's
  transaction, and ask for ``sync`` once that transaction commits;
* ``sync`` takes tantivy's writer lock (one writer across every process sharing the
  directory), reads the pending changes, replaces each entry's document by its current row
  (an entry gone from the table is forgotten), commits the engine, and only then deletes the
  changes it applied. A crash in between applies them again, to the same result. A process
  that finds the lock taken retries briefly and otherwise leaves its changes to the lock's
  holder or to the periodic ``sync_search_engine`` task.

Text analysis is the project's own (``search/text.py``), computed in Python exactly as for
SQLite: the text as written, folded (for phrases and prefixes), and each text's Spanish and
English stems (for words), fed to tantivy split on spaces. So the three engines find the same
entries for the same words. Field boosts mirror SQLite's bm25 weights (titles 10, summaries
4, bodies 1; a demoted entry's texts one field lower). Access is part of the query, as on the
other engines: the levels the user may not read and the groups they are not in are MustNot
clauses, so no hidden entry is ranked, counted or returned.

Counts and facets are exact at any number of hits (``exact_counts``): an aggregation over
the fast fields, run in a second thread beside the page's search (tantivy releases the GIL).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tantivy
from django.conf import settings
from django.db import transaction

from secretaria.core.access import AccessLevel, is_secretariat, user_group_ids, visible_levels
from secretaria.search.backends.base import DATE, FACET_FIELDS, SearchBackend, SearchFilters, entry_words, stemmed_parts
from secretaria.search.models import SearchEngineChange, SearchIndexEntry
from secretaria.search.query import PHRASE, PREFIX, ParsedQuery, Term
from secretaria.search.text import folded_of, query_stems

logger = logging.getLogger(__name__)

Occur = tantivy.Occur
Query = tantivy.Query

PARTS = ("title", "summary", "body")
BOOSTS = {"title": 10.0, "summary": 4.0, "body": 1.0}
TEXT_FACETS = ("kind", "doc_type", "country", "status", "languages")
NUMBER_FACETS = ("year", "meeting_id", "group_id")
# Newest first: the date's ordinal, then the entry's id (undated entries: the id alone, last).
DATE_KEY_SCALE = 10**10
PREFIX_TERMS = 500  # a prefix stands for its 500 most frequent words in each field
FACET_SIZE = 100_000  # more distinct values than a facet can have: the counts are exact
CHANGES_PER_READ = 1_000
DOCS_PER_COMMIT = 10_000
WRITER_HEAP = 128_000_000
LOCK_WAIT_SECONDS = 5.0


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    for part in PARTS:
        builder.add_text_field(f"w_{part}", tokenizer_name="whitespace", index_option="position")
    for lang in ("es", "en"):
        for part in PARTS:
            builder.add_text_field(f"{lang}_{part}", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("access", tokenizer_name="whitespace", index_option="basic")
    for name in TEXT_FACETS:
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    for name in NUMBER_FACETS:
        builder.add_integer_field(name, indexed=True, fast=True)
    builder.add_integer_field("date_key", fast=True)
    return builder.build()


SCHEMA = build_schema()


def _demote(title: str, summary: str, body: str) -> tuple[str, str, str]:
    return "", title, f"{summary} {body}"


def document_of(entry) -> tantivy.Document:
    """The engine's document for one ``SearchIndexEntry`` row."""
    words = entry_words(entry)
    written = (
        folded_of(words["title_es"] + words["title_en"] + words["keywords"]),
        folded_of(words["summary_es"] + words["summary_en"]),
        folded_of(words["body"] + words["body_es"] + words["body_en"]),
    )
    spanish, english = stemmed_parts(words, "es"), stemmed_parts(words, "en")
    if entry.demoted:
        written, spanish, english = _demote(*written), _demote(*spanish), _demote(*english)
    fields = {"id": entry.id, "kind": entry.kind}
    for prefix, texts in (("w", written), ("es", spanish), ("en", english)):
        for part, text in zip(PARTS, texts, strict=True):
            if text:
                fields[f"{prefix}_{part}"] = text
    access = [f"a{entry.access_level}"]
    if entry.access_level == AccessLevel.GROUP and entry.access_group_id is not None:
        access.append(f"x{entry.access_group_id}")
    fields["access"] = " ".join(access)
    for name in ("doc_type", "country", "status"):
        if getattr(entry, name):
            fields[name] = getattr(entry, name)
    languages = [code for code in entry.languages.split(",") if code]
    if languages:
        fields["languages"] = languages
    for name in NUMBER_FACETS:
        if getattr(entry, name) is not None:
            fields[name] = int(getattr(entry, name))
    fields["date_key"] = (entry.date.toordinal() * DATE_KEY_SCALE if entry.date else 0) + entry.id
    return tantivy.Document(**fields)


# --- Queries ---------------------------------------------------------------------------
def _any(queries: list) -> Query:
    return Query.boolean_query([(Occur.Should, q) for q in queries]) if queries else Query.empty_query()


def term_query(term: Term, searcher: tantivy.Searcher) -> Query:
    if term.kind == PHRASE and len(term.words) > 1:
        return _any([
            Query.boost_query(Query.phrase_query(SCHEMA, f"w_{part}", list(term.words)), BOOSTS[part])
            for part in PARTS
        ])  # fmt: skip
    if term.kind == PREFIX:
        queries = []
        for part in PARTS:
            words = searcher.terms_with_prefix(f"w_{part}", term.words[0], limit=PREFIX_TERMS)
            queries.extend(
                Query.boost_query(Query.term_query(SCHEMA, f"w_{part}", word), BOOSTS[part]) for word, _n in words
            )
        return _any(queries)
    if term.kind == PHRASE:  # one word in quotes: that word as written
        return _any([
            Query.boost_query(Query.term_query(SCHEMA, f"w_{part}", term.words[0]), BOOSTS[part]) for part in PARTS
        ])  # fmt: skip
    stems = query_stems(term.words[0])
    return _any([
        Query.boost_query(Query.term_query(SCHEMA, f"{lang}_{part}", stems[lang]), BOOSTS[part])
        for lang in ("es", "en")
        for part in PARTS
    ])  # fmt: skip


def filter_clauses(filters: SearchFilters) -> list:
    clauses = []
    for name, value in filters.active().items():
        field = "languages" if name == "language" else name
        value = int(value) if field in NUMBER_FACETS else str(value)
        clauses.append((Occur.Must, Query.term_query(SCHEMA, field, value)))
    return clauses


def access_clauses(user) -> list:
    """MustNot clauses for what ``user`` may not read (none for the Secretariat): every level
    the user does not reach, and group entries of groups the user is not in."""
    if is_secretariat(user):
        return []
    visible = set(visible_levels(user))
    clauses = [
        (Occur.MustNot, Query.term_query(SCHEMA, "access", f"a{level}"))
        for level in AccessLevel.values
        if level not in visible and level != AccessLevel.GROUP
    ]
    group_entries = Query.term_query(SCHEMA, "access", f"a{AccessLevel.GROUP}")
    mine = [Query.term_query(SCHEMA, "access", f"x{int(gid)}") for gid in sorted(user_group_ids(user))]
    if mine:
        others = Query.boolean_query([(Occur.Must, group_entries), (Occur.MustNot, _any(mine))])
        clauses.append((Occur.MustNot, others))
    else:
        clauses.append((Occur.MustNot, group_entries))
    return clauses


def text_clauses(parsed: ParsedQuery, searcher: tantivy.Searcher) -> list:
    clauses = [(Occur.Must, _any([term_query(t, searcher) for t in group])) for group in parsed.groups]
    clauses.extend((Occur.MustNot, term_query(t, searcher)) for t in parsed.excluded)
    return clauses


def build_query(parsed: ParsedQuery, filters: SearchFilters, user, searcher: tantivy.Searcher) -> Query:
    clauses = text_clauses(parsed, searcher)
    clauses.extend(filter_clauses(filters))
    clauses.extend(access_clauses(user))
    return Query.boolean_query(clauses)


FACET_AGGREGATIONS = {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in FACET_FIELDS}


def read_aggregations(result: dict) -> tuple[int, dict[str, Counter]]:
    counts = {name: Counter() for name in FACET_FIELDS}
    for name in FACET_FIELDS:
        for bucket in result.get(name, {}).get("buckets", []):
            key = bucket["key"]
            if name in NUMBER_FACETS:
                key = int(key)
            counts[name][key] += int(bucket["doc_count"])
    return sum(counts["kind"].values()), counts  # every entry has one kind


# --- The index on disk -----------------------------------------------------------------
class Engine:
    """One index directory, opened once per process."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(SCHEMA, path=str(self.path), reuse=True)
        self.sync_lock = threading.Lock()
        self.seen = self._stamp()
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="search")

    def _stamp(self):
        try:
            stat = os.stat(self.path / "meta.json")
        except FileNotFoundError:
            return None
        return (stat.st_mtime_ns, stat.st_size)

    def searcher(self) -> tantivy.Searcher:
        """A searcher that sees the last commit, whichever process made it."""
        stamp = self._stamp()
        if stamp != self.seen:
            self.index.reload()
            self.seen = stamp
        return self.index.searcher()

    def _writer(self, wait: float):
        deadline = time.monotonic() + wait
        while True:
            try:
                return self.index.writer(WRITER_HEAP, 1)
            except ValueError:  # another process holds the lock
                if time.monotonic() >= deadline:
                    return None
                time.sleep(0.05)

    def sync(self, wait: float = LOCK_WAIT_SECONDS) -> int:
        """Apply every pending change; the number applied (0 if another writer has the lock).

        Each entry is read again from its row: building the documents in ``add`` and holding
        them until the commit was measured slower (686 against 1,009 documents/s on
        PostgreSQL, 10,000 documents)."""
        with self.sync_lock:
            writer = self._writer(wait)
            if writer is None:
                logger.info("search engine busy; its pending changes are left to the lock's holder")
                return 0
            try:
                applied = self._apply(writer)
            except BaseException:
                writer.rollback()
                del writer  # releases the lock
                raise
            # Segments are merged only while a writer waits for it (a writer dropped at once
            # leaves one more segment per commit: 250 segments made a commit cost a second).
            # Merging the small segments of one commit costs milliseconds.
            writer.wait_merging_threads()  # consumes the writer: releases the lock
            if applied:
                self.index.reload()
                self.seen = self._stamp()
            return applied

    def _apply(self, writer) -> int:
        applied, uncommitted, done = 0, 0, []
        after = 0
        while True:
            changes = list(
                SearchEngineChange.objects.filter(id__gt=after)
                .order_by("id")
                .values_list("id", "entry_id")[:CHANGES_PER_READ]
            )
            if not changes:
                break
            after = changes[-1][0]
            clears = [i for i, (_cid, entry_id) in enumerate(changes) if entry_id == 0]
            if clears:
                writer.delete_all_documents()
                done.extend(cid for cid, _e in changes[: clears[-1] + 1])
                changes = changes[clears[-1] + 1 :]
            entry_ids = sorted({entry_id for _cid, entry_id in changes})
            for entry_id in entry_ids:
                writer.delete_documents_by_term("id", entry_id)
            for entry in SearchIndexEntry.objects.filter(id__in=entry_ids).iterator(chunk_size=500):
                writer.add_document(document_of(entry))
            done.extend(cid for cid, _e in changes)
            applied += len(changes) + len(clears)
            uncommitted += len(entry_ids)
            if uncommitted >= DOCS_PER_COMMIT:
                self._commit(writer, done)
                uncommitted = 0
        if done:
            self._commit(writer, done)
        return applied

    def _commit(self, writer, done: list[int]) -> None:
        writer.commit()
        for start in range(0, len(done), 900):
            SearchEngineChange.objects.filter(id__in=done[start : start + 900]).delete()
        done.clear()

    def clear_all(self) -> None:
        """Forget every document and pending change (the entries' table was emptied outside
        the services: ``manage.py flush``)."""
        with self.sync_lock:
            writer = self._writer(LOCK_WAIT_SECONDS)
            if writer is None:
                raise RuntimeError(f"the search index in {self.path} is locked by another process")
            try:
                writer.delete_all_documents()
                writer.commit()
                SearchEngineChange.objects.all().delete()
            finally:
                del writer
            self.index.reload()
            self.seen = self._stamp()

    def optimize(self) -> None:
        self.sync()
        writer = self._writer(LOCK_WAIT_SECONDS)
        if writer is not None:
            writer.garbage_collect_files()
            writer.wait_merging_threads()
            self.index.reload()
            self.seen = self._stamp()


_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def engine() -> Engine:
    path = str(settings.SEARCH_INDEX_DIR)
    with _ENGINES_LOCK:
        if path not in _ENGINES:
            _ENGINES[path] = Engine(Path(path))
        return _ENGINES[path]


def forget_engines() -> None:
    """Close every open index (tests that point SEARCH_INDEX_DIR elsewhere)."""
    with _ENGINES_LOCK:
        for opened in _ENGINES.values():
            opened.pool.shutdown(wait=True)
        _ENGINES.clear()


class TantivyBackend(SearchBackend):
    vendor = "tantivy"
    exact_counts = True
    facets_apart = True

    def _changed(self, entry_ids: list[int]) -> None:
        if not entry_ids:
            return
        SearchEngineChange.objects.bulk_create([SearchEngineChange(entry_id=i) for i in entry_ids])
        if settings.SEARCH_ENGINE_SYNC != "immediate":
            transaction.on_commit(lambda: engine().sync(), robust=True)

    def add(self, entries: Sequence) -> None:
        self._changed([entry.id for entry in entries])

    def remove(self, entries: Sequence) -> None:
        self._changed([entry.id for entry in entries])

    def clear(self) -> None:
        self._changed([0])

    def optimize(self) -> None:
        engine().optimize()

    def prepare(self, parsed: ParsedQuery, filters: SearchFilters, user):
        if settings.SEARCH_ENGINE_SYNC == "immediate":
            # Tests: the changes of the open transaction, applied before reading (every test
            # has a fresh index, so its rollback leaves nothing behind).
            engine().sync()
        searcher = engine().searcher()
        return searcher, build_query(parsed, filters, user, searcher)

    def facet_counts(self, prepared) -> tuple[int, dict[str, Counter]]:
        searcher, query = prepared
        return read_aggregations(searcher.aggregate(query, FACET_AGGREGATIONS))

    def _counted_page(self, prepared, *, sort: str, offset: int, limit: int) -> tuple[int, dict, list]:
        searcher, query = prepared
        order = {"order_by_field": "date_key"} if sort == DATE else {}
        result = searcher.search(query, max(limit, 1), count=True, offset=offset, **order)
        hits = result.hits if limit else []
        ids = searcher.fast_field_values("id", [address for _key, address in hits])
        scores = [0.0 if sort == DATE else float(key) for key, _address in hits]
        counts = {name: Counter() for name in FACET_FIELDS}
        return result.count, counts, [(int(i), score) for i, score in zip(ids, scores, strict=True)]

    def page(self, prepared, *, sort: str, offset: int, limit: int, total: int = 0) -> list[tuple[int, float]]:
        searcher, query = prepared
        if not limit:
            return []
        if sort == DATE:
            result = searcher.search(query, limit, count=False, order_by_field="date_key", offset=offset)
            addresses = [address for _key, address in result.hits]
            return [(int(i), 0.0) for i in searcher.fast_field_values("id", addresses)]
        result = searcher.search(query, limit, count=False, offset=offset)
        ids = searcher.fast_field_values("id", [address for _score, address in result.hits])
        return [(int(i), float(score)) for i, (score, _address) in zip(ids, result.hits, strict=True)]

    def run(
        self, prepared, *, sort: str, offset: int, limit: int, facets: bool = True
    ) -> tuple[int, dict[str, Counter], list]:
        if not facets:
            # The count comes with the page's search, at the cost of the page alone (every
            # hit is visited for the access clauses anyway); the facets' aggregation is skipped.
            return self._counted_page(prepared, sort=sort, offset=offset, limit=limit)
        # The page (block-max pruning, no count) and the aggregation (every hit) side by side.
        pool = engine().pool
        ranked = pool.submit(self.page, prepared, sort=sort, offset=offset, limit=limit)
        total, counts = self.facet_counts(prepared)
        return total, counts, ranked.result()
