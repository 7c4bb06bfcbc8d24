"""Writes of the meetings app, one module per topic; import from here."""

from secretaria.meetings.services.meeting import (
    MeetingTransitionError,
    meeting_create,
    meeting_set_status,
    meeting_update,
)

__all__ = ["MeetingTransitionError", "meeting_create", "meeting_set_status", "meeting_update"]
