"""The decisions app's rules in the access policy table (secretaria.core.access)."""

from secretaria.core import access
from secretaria.core.access import AccessLevel, Role


def _view_decision(user, decision) -> bool:
    return access.can_view(user, decision.access_level, decision.access_group_id)


def _view_country_detail(user, decision) -> bool:
    """Each country's status: public when the Secretariat says so, else for members and the ST."""
    if not _view_decision(user, decision):
        return False
    return decision.country_detail_public or access.can_view(user, AccessLevel.MEMBERS)


def _update_party(user, party) -> bool:
    """The Secretariat updates any party; a member official only their own country's party,
    and the current Pro-Tempore Presidency's officials the PPT's party."""
    if access.is_secretariat(user):
        return True
    decision = party.commitment.decision
    if not _view_decision(user, decision):
        return False
    role = access.role_of(user)
    if party.kind == party.Kind.COUNTRY:
        return role in (Role.MEMBER, Role.PPT) and user.country_id is not None and user.country_id == party.country_id
    if party.kind == party.Kind.PPT:
        return access.is_current_ppt(user)
    return False


def _view_evidence_file(user, evidence) -> bool:
    """Whoever sees the note it belongs to (a country's notes only where its status is shown),
    and no one below the file's own level."""
    party = evidence.note.party
    decision = party.commitment.decision
    if party.kind == party.Kind.COUNTRY:
        if not _view_country_detail(user, decision):
            return False
    elif not _view_decision(user, decision):
        return False
    return access.can_view(user, evidence.access_level)


def register() -> None:
    access.register_rule("decisions.view", _view_decision)
    access.register_rule("decisions.view_country_detail", _view_country_detail)
    access.register_rule("decisions.manage", lambda user, obj: access.is_secretariat(user))
    access.register_rule("decisions.update_party", _update_party)
    access.register_rule("decisions.view_evidence_file", _view_evidence_file)
    # The matrix and its exports: the members' area, for member officials and the Secretariat
    # (observers see the decisions they may see, without the country columns).
    access.register_rule("decisions.view_matrix", lambda user, obj: access.role_of(user) is not None)
    access.register_rule("decisions.export", lambda user, obj: access.clearance(user) >= 3)
