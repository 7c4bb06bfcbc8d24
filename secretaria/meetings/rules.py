"""The meetings app's rules in the access policy table (secretaria.core.access).

Meetings and agendas; invitations, registrations, participant lists and letters; contracted
services and costs. Costs are the Secretariat's business: the Secretariat manages them; the
Pro-Tempore Presidency reads them (the officials of the country holding the presidency today or
on the meeting's first day); nobody else sees them — not member officials, not observers.
"""

from secretaria.core import access


def _view_meeting(user, meeting) -> bool:
    return access.can_view(user, meeting.access_level, meeting.access_group_id)


def _ppt_of(user, meeting) -> bool:
    """The PPT today, or the PPT that convened the meeting (its presidency on the first day)."""
    return access.is_current_ppt(user) or access.is_current_ppt(user, on=meeting.start_date)


def view_agenda_drafts(user, meeting) -> bool:
    """Drafts, submitted and returned versions: the Secretariat and the PPT only."""
    return access.is_secretariat(user) or (_view_meeting(user, meeting) and _ppt_of(user, meeting))


def is_sponsor(user, meeting) -> bool:
    if access.role_of(user) is None:
        return False
    official = user.country_id and access.is_member_official(user)
    if official and any(c.pk == user.country_id for c in meeting.sponsor_countries.all()):
        return True
    return bool(user.organization_id) and any(o.pk == user.organization_id for o in meeting.sponsor_organizations.all())


def comment_on_agenda(user, version) -> bool:
    """The Secretariat on any draft; a sponsor's official only once the draft was sent to sponsors."""
    if version.state != "draft":
        return False
    if access.is_secretariat(user):
        return True
    return version.comments_opened_at is not None and is_sponsor(user, version.meeting)


def view_agenda_version(user, version) -> bool:
    meeting = version.meeting
    if not _view_meeting(user, meeting):
        return False
    if version.state == "approved" or view_agenda_drafts(user, meeting):
        return True
    return version.state == "draft" and version.comments_opened_at is not None and is_sponsor(user, meeting)


def view_members_list(user, meeting) -> bool:
    """The members' list of participants (names, delegations, roles): member officials and the Secretariat."""
    return access.can(user, "meetings.view", meeting) and (
        access.is_member_official(user) or access.is_secretariat(user)
    )


def _view_services(user, meeting) -> bool:
    if access.is_secretariat(user):
        return True
    if access.is_current_ppt(user):
        return True
    return meeting is not None and access.is_current_ppt(user, on=meeting.start_date)


def register() -> None:
    access.register_rule("meetings.manage", lambda user, obj: access.is_secretariat(user))
    access.register_rule("meetings.view", _view_meeting)
    access.register_rule("meetings.agenda.view_drafts", view_agenda_drafts)
    access.register_rule("meetings.agenda.view_version", view_agenda_version)
    access.register_rule("meetings.agenda.comment", comment_on_agenda)
    # Approving or returning: an official of the country holding the presidency TODAY.
    # A PPT official whose country's term has ended has no say any more.
    access.register_rule("meetings.agenda.decide", lambda user, version: access.is_current_ppt(user))
    # Participation: the Secretariat manages; its full list has logistics data (arrival, hotel, passport, needs).
    access.register_rule("meetings.participation.manage", lambda user, obj: access.is_secretariat(user))
    access.register_rule("meetings.participants.view_logistics", lambda user, obj: access.is_secretariat(user))
    access.register_rule("meetings.participants.view_members", view_members_list)
    # Contracted services and costs.
    access.register_rule("meetings.view_services", _view_services)
    access.register_rule("meetings.manage_services", lambda user, obj: access.is_secretariat(user))
