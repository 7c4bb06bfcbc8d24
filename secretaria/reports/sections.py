"""The report's sections come from providers registered here, one per section key.

A provider is a function ``provider(period: Period) -> Section | None`` (None: nothing to say for
the period). It reads the records and returns the section's paragraphs in both languages, with
optional tables and charts (the financial annex) and the problems found when cross-checking
figures (any problem blocks issuing). A provider is registered once, at start-up::

    from secretaria.reports.sections import register_section
    register_section("outreach", 30, outreach_section)

``reports.providers.register()`` registers "introduction" (10), "support" (20, section A),
"outreach" (30, section B, from the outreach app), "platform" (40, section C), "fund" (80, the
reserve fund, from the fund app) and "finance" (90, spending from the meetings' contracted services). Paragraph keys must be
stable between two generations of the same period: the Secretariat's edits are kept by key.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date


@dataclass
class Paragraph:
    key: str
    es: str
    en: str
    style: str = "bullet"  # "heading" (a group's title), "text" or "bullet"


@dataclass
class Table:
    key: str
    title_es: str
    title_en: str
    columns_es: list[str]
    columns_en: list[str]
    rows: list[list]  # cells: str, int or a decimal as str; the last row may be a total


@dataclass
class Chart:
    key: str
    title_es: str
    title_en: str
    labels_es: list[str]
    labels_en: list[str]
    values: list[float]
    unit: str = ""
    alt_es: str = ""  # the text alternative, said in the page, the PDF and the DOCX
    alt_en: str = ""


@dataclass
class Section:
    key: str
    title_es: str
    title_en: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # cross-check mismatches: block issuing
    data: dict = field(default_factory=dict)  # the facts used, kept in the issued snapshot

    def as_dict(self) -> dict:
        return asdict(self)


Provider = Callable[[Period], "Section | None"]

_SECTIONS: dict[str, tuple[int, Provider]] = {}


def register_section(key: str, order: int, provider: Provider) -> None:
    """Add (or, for the same key, replace: tests and reloads) the provider of one section."""
    _SECTIONS[key] = (order, provider)


def unregister_section(key: str) -> None:
    _SECTIONS.pop(key, None)


def registered_sections() -> list[tuple[str, int, Provider]]:
    return sorted(((key, order, fn) for key, (order, fn) in _SECTIONS.items()), key=lambda s: (s[1], s[0]))


def generate(period: Period) -> list[Section]:
    """Every registered section for ``period``, in order; providers with nothing to say are left out."""
    sections = []
    for _key, _order, provider in registered_sections():
        section = provider(period)
        if section is not None:
            sections.append(section)
    return sections
