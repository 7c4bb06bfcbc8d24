"""Reads of the meetings app, one module per topic; import from here."""

from secretaria.meetings.selectors.meeting import (
    meeting_for_page,
    meeting_years,
    meetings_for_person,
    meetings_visible_to,
)

__all__ = ["meeting_for_page", "meeting_years", "meetings_for_person", "meetings_visible_to"]
