from secretaria.meetings.views.activity import activity_list
from secretaria.meetings.views.agenda import (
    agenda_action,
    agenda_comment,
    agenda_comment_resolve,
    agenda_compare,
    agenda_export,
    agenda_item_delete,
    agenda_item_edit,
    agenda_start,
    agenda_version,
    agenda_versions,
)
from secretaria.meetings.views.calendar import (
    feed_regenerate,
    feed_settings,
    meeting_calendar,
    personal_feed,
    public_feed,
)
from secretaria.meetings.views.meeting import (
    logistics,
    logistics_edit,
    meeting_detail,
    meeting_ics,
    meeting_list,
    meeting_status,
)

__all__ = [
    "activity_list",
    "agenda_action",
    "agenda_comment",
    "agenda_comment_resolve",
    "agenda_compare",
    "agenda_export",
    "agenda_item_delete",
    "agenda_item_edit",
    "agenda_start",
    "agenda_version",
    "agenda_versions",
    "feed_regenerate",
    "feed_settings",
    "logistics",
    "logistics_edit",
    "meeting_calendar",
    "meeting_detail",
    "meeting_ics",
    "meeting_list",
    "meeting_status",
    "personal_feed",
    "public_feed",
]
