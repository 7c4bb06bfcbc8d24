"""The photos and videos on a meeting's page: a section registered with the meetings app's registry."""

from urllib.parse import quote as urlquote

from django.urls import reverse
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.media import selectors
from secretaria.meetings.sections import MeetingSection, register_section


def galleries_context(galleries, manage: bool, query: str, new_label: str) -> dict:
    """What media/_galleries.html shows: the galleries, and the Secretariat's button for a new one."""
    return {"galleries": galleries, "manage": manage, "new_url": f"{reverse('media:gallery_new')}?{query}",
            "new_label": new_label}  # fmt: skip


def media_section(request, meeting) -> dict | None:
    galleries = list(selectors.galleries_for(request.user, meeting=meeting)[:12])
    manage = access.can(request.user, "media.manage")
    if not galleries and not manage:
        return None
    return galleries_context(galleries, manage, f"meeting={urlquote(meeting.slug)}", _("New gallery for this meeting"))


def register() -> None:
    register_section(MeetingSection("media", "media/_galleries.html", media_section, order=40))
