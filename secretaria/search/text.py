"""Text normalisation shared by both backends and by the snippets.

A word is folded (lower case, accents removed: "MIGRACIÓN" -> "migracion") and stemmed
with the English then the Spanish Snowball stemmer ("migrantes" -> "migrant", "returns" ->
"return"). One stem per word serves both languages: a document's body is in no declared
language, and one token per word keeps the index half the size of two stemmed copies
(docs/benchmarks.md). The same functions run on the text indexed and on the words
searched, so both sides always agree; folding comes first so that an accent typed or
omitted ("Secretaría"/"secretaria") never changes the stem. The unstemmed columns get
the text as written: SQLite's ``unicode61 remove_diacritics 2`` tokenizer folds it the
same way, in C.
"""

from __future__ import annotations

import re
import unicodedata

import Stemmer

WORD_RE = re.compile(r"[^\W_]+")
_COMBINING_RE = re.compile("[\u0300-\u036f]+")

_ES = Stemmer.Stemmer("spanish")
_EN = Stemmer.Stemmer("english")
_CACHE_LIMIT = 500_000


def fold(text: str) -> str:
    """Lower case without diacritics: "Secretaría" -> "secretaria"."""
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text)).lower()


class _StemCache(dict):
    """raw word (any case, any accents) -> stem; a miss computes and remembers it."""

    def __missing__(self, word: str) -> str:
        result = _ES.stemWord(_EN.stemWord(fold(word)))
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        self[word] = result
        return result


_STEMS = _StemCache()


def stem(word: str) -> str:
    return _STEMS[word]


def folded_words(text: str) -> list[str]:
    """The words of ``text``, folded."""
    return WORD_RE.findall(fold(text))


def stems_of(text: str) -> str:
    """The stem of every word of ``text``, space-separated: the stemmed index columns.

    The hot loop of indexing: one regex pass and one dict lookup per word, both in C.
    """
    return " ".join(map(_STEMS.__getitem__, WORD_RE.findall(text)))


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
