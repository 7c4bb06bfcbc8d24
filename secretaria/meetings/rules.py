"""The meetings app's rules in the access policy table (secretaria.core.access)."""

from secretaria.core import access


def _view_meeting(user, meeting) -> bool:
    return access.can_view(user, meeting.access_level, meeting.access_group_id)


def register() -> None:
    access.register_rule("meetings.manage", lambda user, obj: access.is_secretariat(user))
    access.register_rule("meetings.view", _view_meeting)
