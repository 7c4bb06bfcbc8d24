"""Text normalisation shared by both backends and by the snippets.

A word is folded (lower case, accents removed: "MIGRACIÓN" -> "migracion") and stemmed by
the Snowball stemmer of the language it is written in: Spanish text by the Spanish stemmer
("regionales" -> "regional"), English text by the English one ("returns" -> "return").
Text whose language is not declared (a forum post, a file of unknown language) is stemmed
by both. A searched word is stemmed by both, since a reader may type a word of either
language whatever the interface's (docs/decisions/0006-search-stemming-per-language.md).
The same functions run on the text indexed and on the words searched, so both sides always
agree; folding comes first so that an accent typed or omitted ("Secretaría"/"secretaria")
never changes the stem. The unstemmed columns get the text as written: SQLite's
``unicode61 remove_diacritics 2`` tokenizer folds it the same way, in C.
"""

from __future__ import annotations

import re
import unicodedata

import Stemmer

WORD_RE = re.compile(r"[^\W_]+")
_COMBINING_RE = re.compile("[\u0300-\u036f]+")

LANGUAGES = ("es", "en")
_STEMMERS = {"es": Stemmer.Stemmer("spanish"), "en": Stemmer.Stemmer("english")}
_CACHE_LIMIT = 500_000


def fold(text: str) -> str:
    """Lower case without diacritics: "Secretaría" -> "secretaria"."""
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text)).lower()


class _StemCache(dict):
    """raw word (any case, any accents) -> stem in one language; a miss computes and remembers it."""

    def __init__(self, lang: str):
        super().__init__()
        self.stemmer = _STEMMERS[lang]

    def __missing__(self, word: str) -> str:
        result = self.stemmer.stemWord(fold(word))
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        self[word] = result
        return result


_STEMS = {lang: _StemCache(lang) for lang in LANGUAGES}


class _FoldCache(dict):
    """raw word -> its folded form (the words folding leaves in it, space-separated)."""

    def __missing__(self, word: str) -> str:
        result = " ".join(WORD_RE.findall(fold(word)))
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        self[word] = result
        return result


_FOLDED = _FoldCache()


def stem(word: str, lang: str) -> str:
    """``word``'s stem in ``lang`` ("es" or "en")."""
    return _STEMS[lang][word]


def query_stems(word: str) -> dict[str, str]:
    """A searched word's stem in each language: {"es": ..., "en": ...}."""
    return {lang: _STEMS[lang][word] for lang in LANGUAGES}


def folded_words(text: str) -> list[str]:
    """The words of ``text``, folded."""
    return WORD_RE.findall(fold(text))


def words_of(text: str) -> list[str]:
    """The words of ``text`` as written, for ``folded_of`` and ``stemmed``: composed (NFC),
    and any accent left apart dropped, so that a word splits where its folded form would.

    Indexing splits each text once and derives every column from the same words; the regex
    pass is the costly part (measured in docs/benchmarks.md).
    """
    try:
        text.encode("latin-1")  # every character below U+0100: composed, no accent apart
    except UnicodeEncodeError:
        text = _COMBINING_RE.sub("", unicodedata.normalize("NFC", text))
    return WORD_RE.findall(text)


def folded_of(words: list[str]) -> str:
    """``words`` folded, space-separated: an unstemmed index column (one dict lookup a word)."""
    return " ".join(map(_FOLDED.__getitem__, words))


def stemmed(words: list[str], lang: str) -> str:
    """The stem in ``lang`` of each of ``words``, space-separated: a stemmed index column."""
    return " ".join(map(_STEMS[lang].__getitem__, words))


# --- Highlighting ---------------------------------------------------------------------
_ACCENTED = {
    "a": "aáàâäãå",
    "e": "eéèêë",
    "i": "iíìîï",
    "o": "oóòôöõ",
    "u": "uúùûü",
    "n": "nñ",
    "c": "cç",
    "y": "yýÿ",
}


def accent_pattern(folded: str) -> str:
    """A regex fragment matching ``folded`` with or without accents (use with re.IGNORECASE)."""
    out = []
    for ch in folded:
        variants = _ACCENTED.get(ch)
        out.append(f"[{variants}]" if variants else re.escape(ch))
    return "".join(out)
