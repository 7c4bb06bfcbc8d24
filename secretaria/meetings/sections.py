"""Sections of a meeting's page that other modules add (participants, services, photos…).

Like the dashboard's panels: a module registers a template and a function returning the
section's context for (request, meeting), or None when the section is not for this user.
Register in the module's import from MeetingsConfig.ready(), so the meeting page template
is not edited by every module.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class MeetingSection:
    key: str
    template: str
    context: Callable  # (request, meeting) -> dict | None
    order: int = 100


_SECTIONS: dict[str, MeetingSection] = {}


def register_section(section: MeetingSection) -> None:
    _SECTIONS[section.key] = section


def sections_for(request, meeting) -> list[tuple[MeetingSection, dict]]:
    shown = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        ctx = section.context(request, meeting)
        if ctx is not None:
            shown.append((section, ctx))
    return shown
