"""Text normalisation shared by both backends and by the snippets.

A word is folded (lower case, accents removed: "MIGRACIÓN" -> "migracion") and stemmed
with the English then the Spanish Snowball stemmer ("migrantes" -> "migrant", "returns" ->
"return"). One stem per word serves both languages: a document's body is in no declared
language, and one token per word keeps the index half the size of two stemmed copies
(docs/benchmarks.md). The same functions run on the text indexed and on the words
searched, so both sides always agree; folding comes first so that an accent typed or
omitted ("Secretaría"/"secretaria") never changes the stem.
"""

from __future__ import annotations

import re
import unicodedata

import Stemmer

WORD_RE = re.compile(r"[^\W_]+")

_ES = Stemmer.Stemmer("spanish")
_EN = Stemmer.Stemmer("english")
# raw word (any case, any accents) -> (folded, stem). Bounded: cleared when it grows too big.
_CACHE: dict[str, tuple[str, str]] = {}
_CACHE_LIMIT = 500_000


def fold(text: str) -> str:
    """Lower case without diacritics: "Secretaría" -> "secretaria"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _analyse(word: str) -> tuple[str, str]:
    hit = _CACHE.get(word)
    if hit is None:
        folded = fold(word)
        hit = (folded, _ES.stemWord(_EN.stemWord(folded)))
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[word] = hit
    return hit


def stem(word: str) -> str:
    return _analyse(word)[1]


def folded_words(text: str) -> list[str]:
    """The words of ``text``, folded. A folded word may split in two ("ﬁ" ligatures, say)."""
    analyse = _analyse
    return [analyse(w)[0] for w in WORD_RE.findall(text)]


def analyse_text(text: str) -> tuple[str, str]:
    """(folded words, stems) of ``text``, each space-separated: the two index columns."""
    cache_get = _CACHE.get
    pairs = [cache_get(w) or _analyse(w) for w in WORD_RE.findall(text)]
    return " ".join(p[0] for p in pairs), " ".join(p[1] for p in pairs)


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
