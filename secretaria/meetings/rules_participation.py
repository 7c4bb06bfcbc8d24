"""Access rules for invitations, registrations, participant lists and letters.

Registered in the policy table of ``secretaria.core.access`` when the participation models load.
"""

from secretaria.core import access


def view_members_list(user, meeting) -> bool:
    """The members' list of participants (names, delegations, roles): member officials and the Secretariat."""
    return access.can(user, "meetings.view", meeting) and (
        access.is_member_official(user) or access.is_secretariat(user)
    )


def register() -> None:
    access.register_rule("meetings.participation.manage", lambda user, obj: access.is_secretariat(user))
    # The Secretariat's full list with logistics data (arrival, hotel, passport, needs).
    access.register_rule("meetings.participants.view_logistics", lambda user, obj: access.is_secretariat(user))
    access.register_rule("meetings.participants.view_members", view_members_list)


register()
