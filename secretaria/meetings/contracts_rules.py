"""Access rules for the contracted services and costs of meetings (secretaria.core.access).

Costs are the Secretariat's business: the Secretariat manages them; the Pro-Tempore
Presidency reads them (the officials of the country holding the presidency today or on the
meeting's first day); nobody else sees them — not member officials, not observers.
"""

from secretaria.core import access


def _view_services(user, meeting) -> bool:
    if access.is_secretariat(user):
        return True
    if access.is_current_ppt(user):
        return True
    return meeting is not None and access.is_current_ppt(user, on=meeting.start_date)


def register() -> None:
    access.register_rule("meetings.view_services", _view_services)
    access.register_rule("meetings.manage_services", lambda user, obj: access.is_secretariat(user))
