"""The outreach app's rules in the access policy table (secretaria.core.access).

Engagements are seen at their access level; their confidential notes, costs and the inquiries
(requesters' names, addresses, texts) by the Technical Secretariat only. The Pro-Tempore
Presidency's decision on an engagement is the agendas' rule: an official of the country that
holds the presidency today (``meetings.agenda.decide``), so powers move with the presidency.
"""

from secretaria.core import access


def _view_engagement(user, engagement) -> bool:
    if access.is_secretariat(user):
        return True
    if engagement is not None and access.is_current_ppt(user) and engagement.status == engagement.Status.REQUESTED:
        return True  # the PPT reads what it is asked to approve, whatever its level
    return engagement is None or access.can_view(user, engagement.access_level)


def _decide(user, engagement) -> bool:
    return access.can(user, "meetings.agenda.decide", engagement)


def _view_material(user, material) -> bool:
    return access.can_view(user, material.effective_access_level)


def register() -> None:
    access.register_rule("outreach.manage", lambda user, obj: access.is_secretariat(user))
    access.register_rule("outreach.view", _view_engagement)
    access.register_rule("outreach.decide", _decide)
    access.register_rule("outreach.view_confidential", lambda user, obj: access.is_secretariat(user))
    access.register_rule(
        "outreach.view_costs", lambda user, obj: access.is_secretariat(user) or access.is_current_ppt(user)
    )
    access.register_rule("outreach.view_material", _view_material)
    access.register_rule("outreach.inquiries", lambda user, obj: access.is_secretariat(user))
