"""Writes of the meetings app, one module per topic; import from here."""

from secretaria.meetings.services.agenda import (
    AgendaWorkflowError,
    agenda_approve,
    agenda_comment_add,
    agenda_comment_add_by_contact,
    agenda_comment_resolve,
    agenda_item_delete,
    agenda_item_save,
    agenda_open_for_comment,
    agenda_return,
    agenda_send_preview,
    agenda_sponsor_link,
    agenda_sponsor_token_read,
    agenda_start_draft,
    agenda_submit,
    agenda_update,
)
from secretaria.meetings.services.calendar import calendar_token_for, calendar_token_regenerate
from secretaria.meetings.services.documents import meeting_document_link, meeting_document_unlink
from secretaria.meetings.services.logistics import logistics_save
from secretaria.meetings.services.meeting import (
    MeetingTransitionError,
    meeting_create,
    meeting_set_status,
    meeting_update,
)
from secretaria.meetings.services.participation import bench_participants

__all__ = [
    "AgendaWorkflowError",
    "MeetingTransitionError",
    "agenda_approve",
    "agenda_comment_add",
    "agenda_comment_add_by_contact",
    "agenda_comment_resolve",
    "agenda_item_delete",
    "agenda_item_save",
    "agenda_open_for_comment",
    "agenda_return",
    "agenda_sponsor_link",
    "agenda_sponsor_token_read",
    "agenda_send_preview",
    "agenda_start_draft",
    "agenda_submit",
    "agenda_update",
    "bench_participants",
    "calendar_token_for",
    "calendar_token_regenerate",
    "logistics_save",
    "meeting_create",
    "meeting_document_link",
    "meeting_document_unlink",
    "meeting_set_status",
    "meeting_update",
]
