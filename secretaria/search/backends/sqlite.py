"""SQLite: a contentless FTS5 table ``search_fts`` whose rowid is the entry's id.

Columns (migration 0002): the folded words of the titles and keywords, of the summaries
and of the body (for phrases and prefixes), the same three as stems (for words), and
``meta``: tokens for the filters and the access level, so that filtering and access
control happen inside the MATCH itself and FTS5 never ranks a hit the user may not see.
The table stores no text (``content=''``): snippets are cut from the entry's own columns.
Deleting from a contentless table needs the values that were indexed; they are computed
again from the stored entry by the same functions (``fts_values``).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from secretaria.core.access import AccessLevel, is_secretariat, user_group_ids, visible_levels
from secretaria.search.backends.base import DATE, SearchBackend, SearchFilters
from secretaria.search.query import PHRASE, PREFIX, ParsedQuery, Term
from secretaria.search.text import analyse_text, stem

TABLE = "search_fts"
ENTRY = "search_searchindexentry"
COLUMNS = ("title", "summary", "body", "title_stem", "summary_stem", "body_stem", "meta")
# bm25 column weights: titles and keywords >> summaries >> body; meta never scores.
WEIGHTS = "10.0, 4.0, 1.0, 10.0, 4.0, 1.0, 0.0"
RANK = f"bm25({TABLE}, {WEIGHTS})"
# Above this many hits a date sort walks the date index instead of sorting every hit.
DATE_WALK_THRESHOLD = 3000

CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    + ", ".join(COLUMNS)
    + ", content='', tokenize='unicode61 remove_diacritics 2')"
)


def _hex(value) -> str:
    return str(value).encode().hex()


def meta_tokens(entry) -> str:
    tokens = [f"k{_hex(entry.kind)}", f"a{entry.access_level}"]
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


def fts_values(entry) -> tuple:
    title, title_stem = analyse_text(f"{entry.title_es} {entry.title_en} {entry.keywords}")
    summary, summary_stem = analyse_text(f"{entry.summary_es} {entry.summary_en}")
    body, body_stem = analyse_text(entry.body)
    return (entry.id, title, summary, body, title_stem, summary_stem, body_stem, meta_tokens(entry))


def _quote(words) -> str:
    # Words are [^\W_]+ only; doubling quotes is belt and braces.
    return '"' + " ".join(words).replace('"', '""') + '"'


def term_expr(term: Term) -> str:
    if term.kind == PHRASE:
        return "{title summary body} : " + _quote(term.words)
    if term.kind == PREFIX:
        return "{title summary body} : " + _quote(term.words) + " *"
    return "{title_stem summary_stem body_stem} : " + _quote([stem(term.words[0])])


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


def access_tokens(user) -> list[str] | None:
    """The meta tokens of what ``user`` may read, or None for no restriction (the Secretariat)."""
    if is_secretariat(user):
        return None
    tokens = [f"a{level}" for level in visible_levels(user)]
    tokens.extend(f"x{int(gid)}" for gid in sorted(user_group_ids(user)))
    return tokens


def match_expression(parsed: ParsedQuery, filters: SearchFilters, user) -> str:
    expr = text_expr(parsed)
    for token in filter_tokens(filters):
        expr += f" AND meta : {token}"
    allowed = access_tokens(user)
    if allowed is not None:
        expr += " AND meta : (" + " OR ".join(allowed) + ")"
    return expr


# Every statement is fixed text; the only variable parts (the MATCH expression built by
# match_expression from parsed words, LIMIT, OFFSET, indexed values) are bound parameters.
_PLACEHOLDERS = ", ".join(["%s"] * (len(COLUMNS) + 1))
INSERT_SQL = f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) VALUES ({_PLACEHOLDERS})"  # noqa: S608
DELETE_SQL = f"INSERT INTO {TABLE} ({TABLE}, rowid, {', '.join(COLUMNS)}) VALUES ('delete', {_PLACEHOLDERS})"  # noqa: S608
CLEAR_SQL = f"INSERT INTO {TABLE} ({TABLE}) VALUES ('delete-all')"  # noqa: S608
FACETS_SQL = (
    "SELECT e.kind, e.doc_type, e.year, e.meeting_id, e.group_id, e.country, e.languages, e.status, count(*) "  # noqa: S608
    f"FROM {TABLE} JOIN {ENTRY} AS e INDEXED BY search_entry_facets ON e.id = {TABLE}.rowid "
    f"WHERE {TABLE} MATCH %s GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
)
# Many hits: walk the date index from the newest entry and keep the hits, rather than
# sorting tens of thousands of rows for one page.
DATE_WALK_SQL = (
    f"SELECT id, 0.0 FROM {ENTRY} INDEXED BY search_entry_date "  # noqa: S608
    f"WHERE id IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s) "
    "ORDER BY date DESC, id DESC LIMIT %s OFFSET %s"
)
DATE_SORT_SQL = (
    f"SELECT e.id, 0.0 FROM {TABLE} JOIN {ENTRY} AS e INDEXED BY search_entry_facets "  # noqa: S608
    f"ON e.id = {TABLE}.rowid WHERE {TABLE} MATCH %s ORDER BY e.date DESC, e.id DESC LIMIT %s OFFSET %s"
)
RANK_SQL = (
    f"SELECT rowid, {RANK} AS score FROM {TABLE} WHERE {TABLE} MATCH %s "  # noqa: S608
    "ORDER BY score, rowid LIMIT %s OFFSET %s"
)


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

    def add(self, entries: Sequence) -> None:
        if entries:
            with connection.cursor() as cursor:
                cursor.executemany(INSERT_SQL, [fts_values(e) for e in entries])

    def remove(self, entries: Sequence) -> None:
        if entries:
            with connection.cursor() as cursor:
                cursor.executemany(DELETE_SQL, [fts_values(e) for e in entries])

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(CLEAR_SQL)

    def prepare(self, parsed: ParsedQuery, filters: SearchFilters, user) -> str:
        return match_expression(parsed, filters, user)

    def facet_rows(self, prepared: str) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(FACETS_SQL, [prepared])
            return cursor.fetchall()

    def page(self, prepared: str, *, sort: str, offset: int, limit: int, total: int) -> list[tuple[int, float]]:
        with connection.cursor() as cursor:
            if sort == DATE:
                cursor.execute(
                    DATE_WALK_SQL if total > DATE_WALK_THRESHOLD else DATE_SORT_SQL, [prepared, limit, offset]
                )
                return [(row[0], 0.0) for row in cursor.fetchall()]
            cursor.execute(RANK_SQL, [prepared, limit, offset])
            # bm25() is lower for better matches; the interface's score is higher-is-better.
            return [(row[0], -row[1]) for row in cursor.fetchall()]
