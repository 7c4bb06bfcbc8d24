from secretaria.meetings.models.agenda import AgendaComment, AgendaItem, AgendaVersion
from secretaria.meetings.models.calendar import CalendarToken
from secretaria.meetings.models.documents import MeetingDocument
from secretaria.meetings.models.logistics import MeetingLogistics
from secretaria.meetings.models.meeting import Meeting
from secretaria.meetings.models.participation import *  # noqa: F403

# Contracted services (issue 4, section 4).
from secretaria.meetings.models.services import (
    ContractedService,
    ContractedServiceFile,
    ContractedServiceStatusChange,
    Currency,
)

__all__ = [
    "AgendaComment",
    "AgendaItem",
    "AgendaVersion",
    "CalendarToken",
    "ContractedService",
    "ContractedServiceFile",
    "ContractedServiceStatusChange",
    "Currency",
    "Meeting",
    "MeetingDocument",
    "MeetingLogistics",
]
