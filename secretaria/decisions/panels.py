"""The decisions panel of the members' dashboard: the open commitments the user must act on."""

from secretaria.core import access
from secretaria.decisions import selectors


def follow_up(request) -> dict | None:
    user = request.user
    if not (access.is_secretariat(user) or access.is_member_official(user)):
        return None
    return {
        "parties": selectors.open_parties_for_user(user),
        "is_secretariat": access.is_secretariat(user),
    }
