"""Reads of the meetings app, one module per topic; import from here."""

from secretaria.meetings.selectors.agenda import (
    agenda_items,
    agenda_version_for_page,
    agenda_version_for_sponsor,
    agenda_versions_visible_to,
    agendas_awaiting,
    comment_threads,
    current_ppt_users,
    meeting_document_links,
    meeting_documents,
    published_agenda,
    published_agenda_version,
    sponsor_contacts,
    sponsor_of,
    sponsor_users,
)
from secretaria.meetings.selectors.meeting import (
    meeting_for_page,
    meeting_years,
    meetings_for_person,
    meetings_visible_to,
)

__all__ = [
    "agenda_items",
    "agenda_version_for_page",
    "agenda_version_for_sponsor",
    "agenda_versions_visible_to",
    "agendas_awaiting",
    "current_ppt_users",
    "sponsor_contacts",
    "sponsor_of",
    "sponsor_users",
    "comment_threads",
    "meeting_document_links",
    "meeting_documents",
    "meeting_for_page",
    "meeting_years",
    "meetings_for_person",
    "meetings_visible_to",
    "published_agenda",
    "published_agenda_version",
]
