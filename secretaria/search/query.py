"""The search box's query language, parsed here and never handed raw to the database.

What a person may type::

    migración                 a word: any case, any accents, any inflection (stemmed)
    "política migratoria"     a phrase: these words in this order (accents and case ignored)
    migra*                    a prefix (at least two letters)
    CRM/ST/2004/12            words joined by punctuation are a phrase
    salud OR health           either term
    -borrador                 without this term

Everything else (stray quotes, parentheses, NEAR, a lone * or -, any punctuation) is
just a separator. The result is a ``ParsedQuery`` of folded words that each backend
turns into its own syntax with every word quoted or bound as a parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from secretaria.search.text import folded_words

MAX_QUERY_LENGTH = 500
MAX_TERMS = 12
MIN_PREFIX = 2

WORD = "word"
PHRASE = "phrase"
PREFIX = "prefix"

_CHUNK_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Term:
    kind: str  # WORD, PHRASE or PREFIX
    words: tuple[str, ...]  # folded

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class ParsedQuery:
    groups: list[list[Term]] = field(default_factory=list)  # all groups must match; any term of a group
    excluded: list[Term] = field(default_factory=list)
    message: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.groups

    def terms(self) -> list[Term]:
        return [term for group in self.groups for term in group]


def _term_from_chunk(chunk: str, quoted: bool) -> Term | None:
    words = tuple(w for w in folded_words(chunk) if w)
    if not words:
        return None
    if quoted or len(words) > 1:
        return Term(PHRASE, words)
    if chunk.endswith("*") and len(words[0]) >= MIN_PREFIX:
        return Term(PREFIX, words)
    return Term(WORD, words)


def parse_query(raw: str | None) -> ParsedQuery:
    text = (raw or "").strip()
    if not text:
        return ParsedQuery(message=_("Type one or more words to search."))
    text = text[:MAX_QUERY_LENGTH]
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in _CHUNK_RE.finditer(text):
        minus, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None and bare == "OR":
            join_next = bool(groups)
            continue
        negated = bool(minus)
        if quoted is not None:
            term = _term_from_chunk(quoted, quoted=True)
        else:
            if bare.startswith("-") and len(bare) > 1:
                negated, bare = True, bare[1:]
            term = _term_from_chunk(bare, quoted=False)
        if term is None:
            continue
        if negated:
            excluded.append(term)
            join_next = False
        elif join_next and groups:
            groups[-1].append(term)
            join_next = False
        else:
            groups.append([term])
        if len(groups) + len(excluded) >= MAX_TERMS:
            break
    if not groups:
        return ParsedQuery(
            excluded=excluded,
            message=_("Your search has no words we can look for. Type one or more words, without only exclusions."),
        )
    return ParsedQuery(groups=groups, excluded=excluded)
