from secretaria.meetings.models.agenda import AgendaComment, AgendaItem, AgendaVersion
from secretaria.meetings.models.calendar import CalendarToken
from secretaria.meetings.models.documents import MeetingDocument
from secretaria.meetings.models.logistics import MeetingLogistics
from secretaria.meetings.models.meeting import Meeting

__all__ = [
    "AgendaComment",
    "AgendaItem",
    "AgendaVersion",
    "CalendarToken",
    "Meeting",
    "MeetingDocument",
    "MeetingLogistics",
]
