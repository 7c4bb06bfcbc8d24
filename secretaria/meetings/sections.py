"""Sections of a meeting's page that other modules add (participants, services, photos…).

Like the dashboard's panels: a module registers a template and a function returning the
section's context for (request, meeting), or None when the section is not for this user.
Register in the module's import from MeetingsConfig.ready(), so the meeting page template
is not edited by every module.

The participants section: everyone who may see the meeting gets a link to the list of participants
they may see (public, members' or the Secretariat's full list) with its size; the Secretariat also gets
the counts by status and the links to manage invitations, send letters and e-mail participants.
"""

from collections.abc import Callable
from dataclasses import dataclass

from secretaria.meetings.selectors import participants as sel


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


def participants_section(request, meeting) -> dict | None:
    view, registrations = sel.participants_for(request.user, meeting)
    if view is None:
        return None
    context = {"view": view, "count": registrations.count()}
    if view == "secretariat":
        context["counts"] = sel.participation_counts(meeting)
    return context


def register() -> None:
    register_section(
        MeetingSection("participants", "meetings/participants/_section.html", participants_section, order=10)
    )
