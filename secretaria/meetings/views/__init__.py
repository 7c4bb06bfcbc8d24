from secretaria.meetings.views.meeting import meeting_detail, meeting_list

__all__ = ["meeting_detail", "meeting_list"]
