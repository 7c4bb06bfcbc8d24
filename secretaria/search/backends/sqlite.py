"""SQLite: a contentless FTS5 table ``search_fts`` whose rowid is the entry's id.

Columns (migration 0003): the titles and keywords, the summaries and the body as written
(the tokenizer folds case and accents; for phrases and prefixes), the same three as
Spanish stems and as English stems (each text through its own language's stemmer, text of
no declared language through both; for words), and ``meta``: tokens for the filters and
the access level, so that filtering and access control happen inside the MATCH itself and
FTS5 never ranks a hit the user may not see (the MATCH excludes the tokens of what the user may
not read, ``access_exclusion``). A searched word is looked for as its Spanish
stem in the Spanish columns or its English stem in the English ones.
A demoted entry's texts go one column down (its title is indexed as a summary, its summary
as body), so its words weigh less than the same words in an original's title.
The table stores no text (``content=''``): snippets are cut from the entry's own columns.
Deleting from a contentless table needs the values that were indexed; they are computed
again from the stored entry by the same functions (``fts_values``).
"""

from __future__ import annotations

import heapq
import threading
from collections import Counter
from collections.abc import Sequence
from operator import itemgetter

from django.db import connection

from secretaria.core.access import AccessLevel, is_secretariat, user_group_ids, visible_levels
from secretaria.search.backends.base import COUNT_CAP, DATE, SearchBackend, SearchFilters, entry_words, stemmed_parts
from secretaria.search.query import PHRASE, PREFIX, ParsedQuery, Term
from secretaria.search.text import query_stems

TABLE = "search_fts"
STATE = "search_fts_state"  # one row: a generation number bumped by every write
ENTRY = "search_searchindexentry"
COLUMNS = (
    "title", "summary", "body",
    "title_es", "summary_es", "body_es",  # Spanish stems
    "title_en", "summary_en", "body_en",  # English stems
    "meta",
)  # fmt: skip
# bm25 column weights: titles and keywords >> summaries >> body; meta never scores.
WEIGHTS = "10.0, 4.0, 1.0, 10.0, 4.0, 1.0, 10.0, 4.0, 1.0, 0.0"
RANK = f"bm25({TABLE}, {WEIGHTS})"

CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    + ", ".join(COLUMNS)
    + ", content='', tokenize='unicode61 remove_diacritics 2')"
)


def _hex(value) -> str:
    return str(value).encode().hex()


# The ladder of levels, lowest first. An entry at LADDER[i] carries v{i+1} ... v{len(LADDER)}
# (a user reaching the first k levels could ask for the single token v{k}). Searches no
# longer use them (access_exclusion names the hidden levels' a-tokens instead); they stay
# because a contentless table forgets an entry only by its exact tokens, so dropping them
# would need every entry re-indexed.
LADDER = [level for level in AccessLevel.values if level != AccessLevel.GROUP]


def meta_tokens(entry) -> str:
    tokens = [f"k{_hex(entry.kind)}", f"a{entry.access_level}"]
    if entry.access_level in LADDER:
        tokens.extend(f"v{k}" for k in range(LADDER.index(entry.access_level) + 1, len(LADDER) + 1))
    if entry.access_level == AccessLevel.GROUP and entry.access_group_id is not None:
        tokens.append(f"x{entry.access_group_id}")
    if entry.doc_type:
        tokens.append(f"t{_hex(entry.doc_type)}")
    if entry.year is not None:
        tokens.append(f"y{entry.year}")
    if entry.meeting_id is not None:
        tokens.append(f"m{entry.meeting_id}")
    if entry.group_id is not None:
        tokens.append(f"g{entry.group_id}")
    if entry.country:
        tokens.append(f"c{_hex(entry.country)}")
    tokens.extend(f"l{_hex(code)}" for code in entry.languages.split(",") if code)
    if entry.status:
        tokens.append(f"s{_hex(entry.status)}")
    return " ".join(tokens)


def _demote(title: str, summary: str, body: str) -> tuple[str, str, str]:
    return "", title, f"{summary} {body}"


def fts_values(entry) -> tuple:
    """The indexed columns of an entry: the text as written (the tokenizer folds it), its
    Spanish and English stems, meta. Historical entries (migrations) have the same fields."""
    keywords = entry.keywords
    written = (
        f"{entry.title_es} {entry.title_en} {keywords}",
        f"{entry.summary_es} {entry.summary_en}",
        f"{entry.body}\n{entry.body_es}\n{entry.body_en}",
    )
    words = entry_words(entry)
    spanish, english = stemmed_parts(words, "es"), stemmed_parts(words, "en")
    if entry.demoted:
        written, spanish, english = _demote(*written), _demote(*spanish), _demote(*english)
    return (entry.id, *written, *spanish, *english, meta_tokens(entry))


def _quote(words) -> str:
    # Words are [^\W_]+ only; doubling quotes is belt and braces.
    return '"' + " ".join(words).replace('"', '""') + '"'


def term_expr(term: Term) -> str:
    if term.kind == PHRASE:
        return "{title summary body} : " + _quote(term.words)
    if term.kind == PREFIX:
        return "{title summary body} : " + _quote(term.words) + " *"
    stems = query_stems(term.words[0])
    if stems["es"] == stems["en"]:
        return "{title_es summary_es body_es title_en summary_en body_en} : " + _quote([stems["es"]])
    return (
        "({title_es summary_es body_es} : " + _quote([stems["es"]])
        + " OR {title_en summary_en body_en} : " + _quote([stems["en"]]) + ")"
    )  # fmt: skip


def text_expr(parsed: ParsedQuery) -> str:
    groups = ["(" + " OR ".join(term_expr(t) for t in group) + ")" for group in parsed.groups]
    expr = "(" + " AND ".join(groups) + ")"
    if parsed.excluded:
        expr = f"({expr} NOT ({' OR '.join(term_expr(t) for t in parsed.excluded)}))"
    return expr


def filter_tokens(filters: SearchFilters) -> list[str]:
    tokens = []
    f = filters
    if f.kind:
        tokens.append(f"k{_hex(f.kind)}")
    if f.doc_type:
        tokens.append(f"t{_hex(f.doc_type)}")
    if f.year is not None:
        tokens.append(f"y{int(f.year)}")
    if f.meeting_id is not None:
        tokens.append(f"m{int(f.meeting_id)}")
    if f.group_id is not None:
        tokens.append(f"g{int(f.group_id)}")
    if f.country:
        tokens.append(f"c{_hex(f.country)}")
    if f.language:
        tokens.append(f"l{_hex(f.language)}")
    if f.status:
        tokens.append(f"s{_hex(f.status)}")
    return tokens


def access_exclusion(user) -> str | None:
    """The meta tokens of what ``user`` may NOT read, as an FTS5 expression to put after NOT,
    or None for no restriction (the Secretariat).

    The hidden set is written, not the visible one: it is small for the users who see most
    (a member official: the Secretariat's entries and other groups'), and bm25 then neither
    counts a token that is in nine entries out of ten nor reads its positions in every hit
    (issue 18: the visible-set form cost ranking 2-4 times more). Every entry carries its
    level's token; the hidden levels are every level of ``AccessLevel`` the user does not
    reach, so a level added later is hidden until the policy grants it.
    """
    if is_secretariat(user):
        return None
    visible = set(visible_levels(user))
    hidden = [level for level in AccessLevel.values if level not in visible and level != AccessLevel.GROUP]
    parts = [f"meta : ({' OR '.join(f'a{level}' for level in hidden)})"] if hidden else []
    groups = sorted(int(gid) for gid in user_group_ids(user))
    if groups:
        mine = " OR ".join(f"x{gid}" for gid in groups)
        parts.append(f"(meta : a{AccessLevel.GROUP} NOT meta : ({mine}))")
    else:
        parts.append(f"meta : a{AccessLevel.GROUP}")
    return " OR ".join(parts)


def match_expression(parsed: ParsedQuery, filters: SearchFilters, user) -> str:
    expr = text_expr(parsed)
    for token in filter_tokens(filters):
        expr += f" AND meta : {token}"
    hidden = access_exclusion(user)
    if hidden is not None:
        expr = f"({expr}) NOT ({hidden})"
    return expr


# Every statement is fixed text; the only variable parts (the MATCH expression built by
# match_expression from parsed words, LIMIT, OFFSET, indexed values) are bound parameters.
_PLACEHOLDERS = ", ".join(["%s"] * (len(COLUMNS) + 1))
INSERT_SQL = f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) VALUES ({_PLACEHOLDERS})"  # noqa: S608
DELETE_SQL = f"INSERT INTO {TABLE} ({TABLE}, rowid, {', '.join(COLUMNS)}) VALUES ('delete', {_PLACEHOLDERS})"  # noqa: S608
CLEAR_SQL = f"INSERT INTO {TABLE} ({TABLE}) VALUES ('delete-all')"  # noqa: S608
OPTIMIZE_SQL = f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')"  # noqa: S608
# A random number, not a counter: a rolled-back write must not leave a number that a
# different state of the index will carry later.
BUMP_SQL = f"UPDATE {STATE} SET generation = random() WHERE id = 1"  # noqa: S608
GENERATION_SQL = f"SELECT generation FROM {STATE} WHERE id = 1"  # noqa: S608
HIT_IDS_SQL = f"SELECT group_concat(rowid) FROM {TABLE} WHERE {TABLE} MATCH %s"  # noqa: S608
LOAD_FIELDS = ("kind", "doc_type", "year", "meeting_id", "group_id", "country", "languages", "status", "date")
LOAD_FACETS_SQL = f"SELECT id, {', '.join(LOAD_FIELDS)} FROM {ENTRY} INDEXED BY search_entry_facets"  # noqa: S608
# One evaluation of the MATCH gives both the page and the ids of the first COUNT_CAP + 1 hits
# (for the total and the facets): a phrase costs FTS5 as much to find as to rank, so it
# must not be matched twice.
ONE_PASS_SQL = (
    f"WITH hits AS MATERIALIZED (SELECT rowid AS id, {RANK} AS score FROM {TABLE} WHERE {TABLE} MATCH %s) "  # noqa: S608
    "SELECT 0, NULL, (SELECT group_concat(id) FROM (SELECT id FROM hits LIMIT %s)) "
    "UNION ALL SELECT * FROM (SELECT 1, id, score FROM hits ORDER BY score, id LIMIT %s OFFSET %s)"
)
RANK_SQL = (
    f"SELECT rowid, {RANK} AS score FROM {TABLE} WHERE {TABLE} MATCH %s "  # noqa: S608
    "ORDER BY score, rowid LIMIT %s OFFSET %s"
)


# Facets counted together (their combinations are few), each pair one list of codes.
_FACET_GROUPS = (("kind", "status", "doc_type", "languages"), ("year", "country"), ("meeting_id", "group_id"))


class FacetValues:
    """Every entry's facet values, in memory, indexed by entry id, for counting hits.

    Counting the facets of 75,000 hits with a join costs a b-tree lookup per hit, more than
    ranking them; here each group of facets is one list of small codes and counting is a
    C-level ``itemgetter`` + ``Counter`` pass (docs/benchmarks.md). The lists are reloaded
    (from the narrow covering index, ~0.2 s per 100,000 entries) when the generation number
    in ``search_fts_state``, changed in the same transaction as every index write, has moved.
    They hold facet values only; which hits are counted is decided by the MATCH, access
    included.
    """

    def __init__(self):
        self.generation = None
        self.columns: list[list] = []  # per group: entry id -> code (None: no such entry)
        self.values: list[list[tuple]] = []  # per group: code -> the group's values
        self.date_rank: list = []  # entry id -> position in (date, id) order, undated first
        self.by_date_rank: list[int] = []  # position -> entry id
        self.lock = threading.Lock()

    def current(self, cursor) -> FacetValues:
        cursor.execute(GENERATION_SQL)
        generation = cursor.fetchone()[0]
        if generation != self.generation:
            self.load(cursor, generation)
        return self

    def load(self, cursor, generation) -> None:
        with self.lock:
            cursor.execute(LOAD_FACETS_SQL)
            rows = cursor.fetchall()
            size = (max(row[0] for row in rows) + 1) if rows else 0
            positions = [[LOAD_FIELDS.index(name) + 1 for name in group] for group in _FACET_GROUPS]
            columns = [[None] * size for _ in _FACET_GROUPS]
            codes: list[dict] = [{} for _ in _FACET_GROUPS]
            for row in rows:
                for g, where in enumerate(positions):
                    value = tuple(row[i] for i in where)
                    code = codes[g].get(value)
                    if code is None:
                        code = codes[g][value] = len(codes[g])
                    columns[g][row[0]] = code
            date_at = LOAD_FIELDS.index("date") + 1
            order = sorted(rows, key=lambda row: (row[date_at] is not None, row[date_at] or "", row[0]))
            date_rank = [None] * size
            for position, row in enumerate(order):
                date_rank[row[0]] = position
            self.date_rank = date_rank
            self.by_date_rank = [row[0] for row in order]
            self.columns = columns
            self.values = [list(c) for c in codes]
            self.generation = generation

    def newest(self, ids: list[int], offset: int, limit: int) -> list[int]:
        """The ids of ``ids`` at [offset:offset + limit] in newest-first order."""
        if not ids or not limit:
            return []
        ranks = heapq.nlargest(offset + limit, map(self.date_rank.__getitem__, ids))
        if ranks and ranks[-1] is None:
            raise LookupError("an entry the facet lists do not know")
        return [self.by_date_rank[r] for r in ranks[offset:]]

    def count(self, ids: list[int]) -> dict[str, Counter]:
        counts = {name: Counter() for group in _FACET_GROUPS for name in group}
        if not ids:
            return counts
        pick = itemgetter(*ids)
        for g, group in enumerate(_FACET_GROUPS):
            codes = pick(self.columns[g]) if len(ids) > 1 else (self.columns[g][ids[0]],)
            values = self.values[g]
            for code, n in Counter(codes).items():
                if code is None:
                    raise LookupError("an entry the facet lists do not know")
                for name, value in zip(group, values[code], strict=True):
                    if name == "languages":
                        for lang in value.split(","):
                            if lang:
                                counts[name][lang] += n
                    elif value not in (None, ""):
                        counts[name][value] += n
        return counts


_FACETS = FacetValues()


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

    def add(self, entries: Sequence) -> None:
        if entries:
            with connection.cursor() as cursor:
                cursor.executemany(INSERT_SQL, [fts_values(e) for e in entries])
                cursor.execute(BUMP_SQL)

    def remove(self, entries: Sequence) -> None:
        if entries:
            with connection.cursor() as cursor:
                cursor.executemany(DELETE_SQL, [fts_values(e) for e in entries])
                cursor.execute(BUMP_SQL)

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(CLEAR_SQL)
            cursor.execute(BUMP_SQL)

    def optimize(self) -> None:
        # Merge FTS5's segments into one b-tree: a query then reads one doclist per term.
        with connection.cursor() as cursor:
            cursor.execute(OPTIMIZE_SQL)
            cursor.execute("ANALYZE")

    def prepare(self, parsed: ParsedQuery, filters: SearchFilters, user) -> str:
        return match_expression(parsed, filters, user)

    def run(
        self, prepared: str, *, sort: str, offset: int, limit: int, facets: bool = True
    ) -> tuple[int, dict[str, Counter], list]:
        # The facets come from the ids the count reads anyway (and cost 1 ms): always counted.
        with connection.cursor() as cursor:
            facets = _FACETS.current(cursor)
            ranked = []
            if sort == DATE:
                # Newest first needs every hit's id; the count and facets take the first ones.
                cursor.execute(HIT_IDS_SQL, [prepared])
                joined = cursor.fetchone()[0]
            else:
                cursor.execute(ONE_PASS_SQL, [prepared, COUNT_CAP + 1, limit, offset])
                rows = cursor.fetchall()
                joined = rows[0][2]
                # bm25() is lower for better matches; the interface's score is higher-is-better.
                ranked = [(row[1], -row[2]) for row in rows[1:]]
            ids = list(map(int, joined.split(","))) if joined else []
            try:
                counts = facets.count(ids[:COUNT_CAP])
                if sort == DATE:
                    ranked = [(i, 0.0) for i in facets.newest(ids, offset, limit)]
            except LookupError:  # an entry written since the generation was read (IndexError too)
                facets.load(cursor, None)
                column = facets.columns[0] if facets.columns else []
                ids = [i for i in ids if i < len(column) and column[i] is not None]
                counts = facets.count(ids[:COUNT_CAP])
                if sort == DATE:
                    ranked = [(i, 0.0) for i in facets.newest(ids, offset, limit)]
            return min(len(ids), COUNT_CAP + 1), counts, ranked

    def facet_counts(self, prepared: str) -> tuple[int, dict[str, Counter]]:
        total, counts, _page = self.run(prepared, sort=DATE, offset=0, limit=0)
        return total, counts

    def page(self, prepared: str, *, sort: str, offset: int, limit: int, total: int) -> list[tuple[int, float]]:
        return self.run(prepared, sort=sort, offset=offset, limit=limit)[2]
