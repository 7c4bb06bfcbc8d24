"""Snippets: a short passage of a hit around the words searched, those words in <mark>.

Cut from the entry's stored text (never from another entry), HTML-escaped first, then
marked. The passage is found by a regex that accepts each searched word with or without
accents, in any case; a candidate word counts only if it has the searched word's stem in
the text's language (in either language for a text of no declared language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from secretaria.search.query import PHRASE, PREFIX, ParsedQuery
from secretaria.search.text import LANGUAGES, accent_pattern, query_stems, stem

BEFORE = 80  # characters of context before the first match
LENGTH = 260  # characters in a snippet
SCAN_LIMIT = 60_000  # how far into a long body the first match is looked for


@dataclass
class _Pattern:
    regex: re.Pattern
    stems: dict[str, str] | None  # a word match must have the stem of its language


def _has_stem(word: str, stems: dict[str, str], lang: str | None) -> bool:
    langs = (lang,) if lang in stems else LANGUAGES
    return any(stem(word, code) == stems[code] for code in langs)


class Highlighter:
    def __init__(self, parsed: ParsedQuery):
        self.patterns: list[_Pattern] = []
        for term in parsed.terms():
            if term.kind == PHRASE:
                body = r"\W+".join(accent_pattern(w) for w in term.words)
                self.patterns.append(_Pattern(re.compile(rf"\b{body}\b", re.IGNORECASE), None))
            elif term.kind == PREFIX:
                self.patterns.append(
                    _Pattern(re.compile(rf"\b{accent_pattern(term.words[0])}\w*", re.IGNORECASE), None)
                )
            else:
                stems = query_stems(term.words[0])
                # Stemmers sometimes rewrite the last letter ("policy" -> "polici").
                lead = min(stems.values(), key=len)
                lead = lead[:-1] if len(lead) > 3 else lead
                self.patterns.append(_Pattern(re.compile(rf"\b{accent_pattern(lead)}\w*", re.IGNORECASE), stems))

    def _matches(self, text: str, lang: str | None, start: int = 0, end: int | None = None, first_only: bool = False):
        end = len(text) if end is None else end
        spans = []
        for pattern in self.patterns:
            for m in pattern.regex.finditer(text, start, end):
                if pattern.stems is not None and not _has_stem(m.group(0), pattern.stems, lang):
                    continue
                spans.append((m.start(), m.end()))
                if first_only:
                    break
        spans.sort()
        return spans

    def snippet(self, texts: list[tuple[str, str | None]]) -> SafeString:
        """The passage of the first of ``texts`` ((text, its language or None)) that contains a
        match; else the first text's start."""
        for text, lang in texts:
            if not text:
                continue
            first = self._matches(text, lang, 0, min(len(text), SCAN_LIMIT), first_only=True)
            if first:
                return self._cut(text, lang, first[0][0])
        fallback = next(((t, lang) for t, lang in texts if t), None)
        return self._cut(*fallback, 0) if fallback else mark_safe("")  # noqa: S308 - empty

    def _cut(self, text: str, lang: str | None, at: int) -> SafeString:
        start = max(0, at - BEFORE)
        if start:
            space = text.find(" ", start, at)
            start = space + 1 if space != -1 else start
        end = min(len(text), start + LENGTH)
        if end < len(text):
            space = text.rfind(" ", at, end)
            end = space if space > at else end
        out = ["…" if start else ""]
        pos = start
        last_end = start
        for s, e in self._matches(text, lang, start, end):
            if s < last_end:
                continue  # overlaps a match already marked
            out.append(escape(text[pos:s]))
            out.append(f"<mark>{escape(text[s:e])}</mark>")
            pos = last_end = e
        out.append(escape(text[pos:end]))
        if end < len(text):
            out.append("…")
        return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above
