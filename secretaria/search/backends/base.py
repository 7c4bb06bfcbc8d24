"""What every search backend does. The selectors and services speak only to this."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields

from secretaria.search.query import ParsedQuery
from secretaria.search.text import stemmed, words_of

# The entry's facet columns.
FACET_FIELDS = ("kind", "doc_type", "year", "meeting_id", "group_id", "country", "languages", "status")

RELEVANCE = "relevance"
DATE = "date"

# Hits are counted, and facets counted over them, up to this many (decision 0008): a search
# with more answers "more than 10,000 results" and its facet numbers cover the first
# 10,000 hits the engine finds, so that a word in most of the archive is not counted and
# grouped in full on every query. Paging reaches the same depth (selectors.MAX_RESULTS).
COUNT_CAP = 10_000


# An entry's texts, each split into its words once (``entry_words``).
TEXT_FIELDS = ("title_es", "title_en", "keywords", "summary_es", "summary_en", "body", "body_es", "body_en")


def entry_words(entry) -> dict[str, list[str]]:
    """Each text of a ``SearchIndexEntry`` (or a historical row) as its list of words."""
    return {name: words_of(getattr(entry, name)) for name in TEXT_FIELDS}


def stemmed_parts(words: dict[str, list[str]], lang: str) -> tuple[str, str, str]:
    """The (title, summary, body) columns stemmed in ``lang``: the texts in that language and
    those of no declared language (keywords, the body of a file or a post)."""
    return (
        stemmed(words[f"title_{lang}"] + words["keywords"], lang),
        stemmed(words[f"summary_{lang}"], lang),
        stemmed(words["body"] + words[f"body_{lang}"], lang),
    )


@dataclass(frozen=True)
class SearchFilters:
    kind: str | None = None
    doc_type: str | None = None
    year: int | None = None
    meeting_id: int | None = None
    group_id: int | None = None
    country: str | None = None
    language: str | None = None
    status: str | None = None

    def active(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "")}


class SearchBackend:
    vendor = ""
    # True: ``run`` counts every hit and its facets, however many (no COUNT_CAP).
    exact_counts = False
    # True: counting without the facets is much cheaper, so the results page loads them
    # apart, after its first answer (decision 0009). The database engines count and group
    # in one statement: their page shows the facets at once.
    facets_apart = False

    # --- writing (inside the caller's transaction) ---
    def add(self, entries: Sequence) -> None:
        """Index these freshly saved ``SearchIndexEntry`` rows."""
        raise NotImplementedError

    def remove(self, entries: Sequence) -> None:
        """Forget these rows, passed with the values they were indexed with."""
        raise NotImplementedError

    def clear(self) -> None:
        """Forget every entry (before a full reindex)."""
        raise NotImplementedError

    def optimize(self) -> None:
        """Compact the index after a bulk load (``reindex`` calls it)."""

    # --- reading ---
    def prepare(self, parsed: ParsedQuery, filters: SearchFilters, user):
        """Compile a parsed query, the filters and the user's access into a backend query."""
        raise NotImplementedError

    def facet_counts(self, prepared) -> tuple[int, dict[str, Counter]]:
        """(number of visible hits, {facet field: Counter of value -> hits}) over every hit.

        ``languages`` is counted per language code, not per stored list."""
        raise NotImplementedError

    def page(self, prepared, *, sort: str, offset: int, limit: int, total: int) -> list[tuple[int, float]]:
        """(entry id, score) of one page of visible hits, best first (or newest first)."""
        raise NotImplementedError

    def run(
        self, prepared, *, sort: str, offset: int, limit: int, facets: bool = True
    ) -> tuple[int, dict[str, Counter], list]:
        """(total, facet counts, one page): what a search shows. A backend may do it in one pass.

        ``facets=False``: the caller shows no facets (they are loaded after the first page); a
        backend that counts its hits more cheaply without them returns empty counts.

        A backend may stop counting past ``COUNT_CAP``: a total of ``COUNT_CAP + 1`` then means
        "more than COUNT_CAP", and the facet counts cover the first COUNT_CAP hits found. The
        page is ranked among every visible hit (PostgreSQL, past the cap: among those counted)."""
        total, counts = self.facet_counts(prepared)
        ranked = (
            self.page(prepared, sort=sort, offset=offset, limit=limit, total=total) if limit and offset < total else []
        )
        return total, counts, ranked
