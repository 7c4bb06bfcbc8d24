"""Splitting the pasted text of a declaration into numbered decisions and lettered paragraphs.

A line starting with a number ("1.", "2)", "3 .") opens a decision; a line starting with a
letter ("a)", "b.", "(c)") opens a sub-paragraph of the current decision; any other line
continues the item above. Text before the first number (the preamble) is kept apart.
The Spanish and English versions are paired by (number, letter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.)-]\s+(.*)$")
_LETTER = re.compile(r"^\s*\(?([a-z])\s*[).]\s+(.*)$", re.IGNORECASE)


@dataclass
class ParsedItem:
    number: int
    paragraph: str = ""
    lines: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, str]:
        return (self.number, self.paragraph)

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines if line.strip())


@dataclass
class ParsedText:
    preamble: str
    items: list[ParsedItem]
    duplicates: list[tuple[int, str]]


def parse_declaration(text: str) -> ParsedText:
    items: list[ParsedItem] = []
    preamble: list[str] = []
    seen: set[tuple[int, str]] = set()
    duplicates: list[tuple[int, str]] = []
    current_number: int | None = None
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        number = _NUMBER.match(line)
        letter = _LETTER.match(line) if current_number is not None else None
        if number:
            current_number = int(number.group(1))
            item = ParsedItem(number=current_number, lines=[number.group(2)])
        elif letter:
            item = ParsedItem(number=current_number, paragraph=letter.group(1).lower(), lines=[letter.group(2)])
        elif items:
            items[-1].lines.append(line)
            continue
        else:
            preamble.append(line)
            continue
        if item.key in seen:
            duplicates.append(item.key)
        seen.add(item.key)
        items.append(item)
    return ParsedText(preamble=" ".join(preamble), items=items, duplicates=duplicates)


@dataclass
class PairedItem:
    number: int
    paragraph: str
    text_es: str
    text_en: str

    @property
    def complete(self) -> bool:
        return bool(self.text_es and self.text_en)


@dataclass
class PairingResult:
    items: list[PairedItem]
    missing_en: list[tuple[int, str]]  # in the Spanish text, not in the English
    missing_es: list[tuple[int, str]]
    duplicates_es: list[tuple[int, str]]
    duplicates_en: list[tuple[int, str]]

    @property
    def has_mismatches(self) -> bool:
        return bool(self.missing_en or self.missing_es or self.duplicates_es or self.duplicates_en)


def pair_texts(text_es: str, text_en: str) -> PairingResult:
    es = parse_declaration(text_es)
    en = parse_declaration(text_en)
    es_by_key = {item.key: item.text for item in es.items}
    en_by_key = {item.key: item.text for item in en.items}
    keys = sorted(set(es_by_key) | set(en_by_key), key=lambda key: (key[0], len(key[1]), key[1]))
    return PairingResult(
        items=[
            PairedItem(number, par, es_by_key.get((number, par), ""), en_by_key.get((number, par), ""))
            for number, par in keys
        ],
        missing_en=[key for key in keys if key in es_by_key and key not in en_by_key],
        missing_es=[key for key in keys if key in en_by_key and key not in es_by_key],
        duplicates_es=es.duplicates,
        duplicates_en=en.duplicates,
    )
