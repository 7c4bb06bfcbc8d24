"""The photos and videos on a meeting's page: a section registered with the meetings app's registry."""

from secretaria.core import access
from secretaria.media import selectors
from secretaria.meetings.sections import MeetingSection, register_section


def media_section(request, meeting) -> dict | None:
    galleries = list(selectors.galleries_for(request.user, meeting=meeting)[:12])
    manage = access.can(request.user, "media.manage")
    if not galleries and not manage:
        return None
    return {"galleries": galleries, "manage": manage}


def register() -> None:
    register_section(MeetingSection("media", "media/_meeting_section.html", media_section, order=40))
