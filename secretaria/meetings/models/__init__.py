from secretaria.meetings.models.agenda import AgendaComment, AgendaItem, AgendaVersion
from secretaria.meetings.models.calendar import CalendarToken

# Contracted services (issue 4, section 4).
from secretaria.meetings.models.contracts import (
    ContractedService,
    ContractedServiceFile,
    ContractedServiceStatusChange,
    Currency,
)
from secretaria.meetings.models.documents import MeetingDocument
from secretaria.meetings.models.invitations import ContentLanguage, Invitation, InviteeCategory
from secretaria.meetings.models.letters import Letter, LetterRecipient, LetterTemplate, Mailing
from secretaria.meetings.models.logistics import MeetingLogistics
from secretaria.meetings.models.meeting import Meeting
from secretaria.meetings.models.registration import ParticipationEvent, Registration

__all__ = [
    "ContentLanguage",
    "Invitation",
    "InviteeCategory",
    "Letter",
    "LetterRecipient",
    "LetterTemplate",
    "Mailing",
    "ParticipationEvent",
    "Registration",
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
