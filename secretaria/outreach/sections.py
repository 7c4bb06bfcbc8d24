"""Sections of an engagement's page that apps above outreach add (photos and videos…).

Like the meetings' sections: an app registers a template and a function returning the section's
context for (request, engagement), or None when the section is not for this reader. Outreach sits
below those apps, so it never imports them; they register from their ``AppConfig.ready()``.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class EngagementSection:
    key: str
    template: str
    context: Callable  # (request, engagement) -> dict | None
    order: int = 100


_SECTIONS: dict[str, EngagementSection] = {}


def register_section(section: EngagementSection) -> None:
    _SECTIONS[section.key] = section


def sections_for(request, engagement) -> list[tuple[EngagementSection, dict]]:
    shown = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        ctx = section.context(request, engagement)
        if ctx is not None:
            shown.append((section, ctx))
    return shown
