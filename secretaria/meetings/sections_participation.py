"""The meeting page's participants section (registered with ``meetings.sections``).

Everyone who may see the meeting gets a link to the list of participants they may see
(public, members' or the Secretariat's full list) with its size; the Secretariat also gets the
counts by status and the links to manage invitations, send letters and e-mail participants.
"""

from secretaria.meetings import selectors_participation as sel
from secretaria.meetings.sections import MeetingSection, register_section


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
        MeetingSection("participants", "meetings/participation/_section.html", participants_section, order=10)
    )
