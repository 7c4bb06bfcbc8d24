"""Who may receive, read and manage what: every answer comes from secretaria.core.access."""

from __future__ import annotations

from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.core.access import AccessLevel, Role

_RANK = {
    AccessLevel.PUBLIC: 0,
    AccessLevel.REGISTERED: 1,
    AccessLevel.OBSERVERS: 2,
    AccessLevel.MEMBERS: 3,
    AccessLevel.GROUP: 3,
    AccessLevel.SECRETARIAT: 4,
}


def can_manage(user) -> bool:
    return access.can(user, "comms.manage")


def subscriber_may_read(subscription, level: str, group_id: int | None) -> bool:
    """May this subscriber read an item at ``level``? People without an account: public items only."""
    if subscription.user_id is None:
        return level == AccessLevel.PUBLIC
    user = subscription.user
    return user.is_active and access.can_view(user, level, group_id)


def can_read_message(user, message) -> bool:
    """The archive: the list's level and the item's level both apply."""
    lst = message.mailing_list
    return access.can_view(user, lst.access_level, lst.access_group_id) and access.can_view(
        user, message.access_level, message.access_group_id
    )


def stricter(level_a: str, group_a: int | None, level_b: str, group_b: int | None) -> tuple[str, int | None]:
    """The stricter of two access levels (for the search index, which keeps one)."""
    if level_a == AccessLevel.GROUP and level_b == AccessLevel.GROUP and group_a != group_b:
        return AccessLevel.SECRETARIAT, None  # two different groups: only the Secretariat is in both for sure
    # A group's members are registered users of any role: a group rung above "registered" has no
    # exact intersection, and the index keeps the safe side.
    for level, group, other in ((level_a, group_a, level_b), (level_b, group_b, level_a)):
        if level == AccessLevel.GROUP:
            if other == AccessLevel.GROUP or _RANK[AccessLevel(other)] <= _RANK[AccessLevel.REGISTERED]:
                return level, group
            return AccessLevel.SECRETARIAT, None
    if _RANK[AccessLevel(level_a)] >= _RANK[AccessLevel(level_b)]:
        return level_a, (group_a if level_a == AccessLevel.GROUP else None)
    return level_b, (group_b if level_b == AccessLevel.GROUP else None)


def covers(outer_level: str, inner_level: str, inner_group: int | None) -> bool:
    """Can every reader of something at ``outer_level`` read an item at ``inner_level``?"""
    if inner_level == AccessLevel.GROUP:
        return outer_level == AccessLevel.SECRETARIAT
    return _RANK[AccessLevel(inner_level)] <= _RANK[AccessLevel(outer_level)] and outer_level != AccessLevel.GROUP


def required_reason(subscription, *, contact_email: str = "") -> str:
    """Why this subscriber has no way to leave the list in the members' area ("" if they have
    one): the list is required for their role or their group; the Secretariat decides. In the
    active language."""
    lst = subscription.mailing_list
    if subscription.source != subscription.Source.AUTO or lst.allow_opt_out:
        return ""
    user = subscription.user
    role = getattr(user, "role", "")
    if role and role in (lst.auto_roles or []):
        why = _("This list is required for your post: %(role)s.") % {"role": Role(role).label}
    elif lst.auto_group_id:
        why = _("This list is required for the members of %(group)s.") % {"group": lst.auto_group.name}
    else:
        why = _("This list is required for your post.")
    if contact_email:
        ask = _("To stop receiving it, ask the Technical Secretariat (%(email)s).") % {"email": contact_email}
    else:
        ask = _("To stop receiving it, ask the Technical Secretariat.")
    return f"{why} {ask}"
