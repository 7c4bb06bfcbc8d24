"""The access policy: the one place that answers "may this user see or do this?".

Views, the API, search, feeds, sitemaps and file downloads all call these functions;
nothing else in the code base decides visibility. Two questions are answered here:

* visibility of content by its ``AccessLevel`` (``can_view``, ``visible_filter``), and
* permission for an action (``can``), from a table of named rules.

Roles and access levels are described in docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("Public")
    REGISTERED = "registered", _("Registered users")
    OBSERVERS = "observers", _("Observers and members")
    MEMBERS = "members", _("Member countries only")
    GROUP = "group", _("A named group")
    SECRETARIAT = "secretariat", _("Technical Secretariat only")


# The one default for what the Secretariat creates (documents, meetings): members-only, so
# nothing reaches the public by accident; publishing to everyone is a choice someone makes.
DEFAULT_NEW_LEVEL = AccessLevel.MEMBERS
DEFAULT_LEVEL_HELP = _(
    "Starts as “Member countries only”: officials of the member countries, the Pro-Tempore Presidency and "
    "the Technical Secretariat see it; observers, registered users and the public do not. Choose “Public” "
    "deliberately, when it may be shown to everyone on the portal."
)


class Role(models.TextChoices):
    REGISTERED = "registered", _("Registered user (civil society)")
    OBSERVER = "observer", _("Observer organisation representative")
    MEMBER = "member", _("Member-country official")
    PPT = "ppt", _("Pro-Tempore Presidency official")
    SECRETARIAT = "secretariat", _("Technical Secretariat staff")
    ADMIN = "admin", _("Administrator")


# How far up the ladder of levels each role reaches. GROUP is not on the ladder.
_LEVEL_RANK = {
    AccessLevel.PUBLIC: 0,
    AccessLevel.REGISTERED: 1,
    AccessLevel.OBSERVERS: 2,
    AccessLevel.MEMBERS: 3,
    AccessLevel.SECRETARIAT: 4,
}
_ROLE_RANK = {
    Role.REGISTERED: 1,
    Role.OBSERVER: 2,
    Role.MEMBER: 3,
    Role.PPT: 3,
    Role.SECRETARIAT: 4,
    Role.ADMIN: 4,
}


def role_of(user) -> str | None:
    """The user's role, or None for an anonymous visitor or an inactive account."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return user.role


def is_secretariat(user) -> bool:
    return role_of(user) in (Role.SECRETARIAT, Role.ADMIN)


def is_admin(user) -> bool:
    return role_of(user) == Role.ADMIN


def is_member_official(user) -> bool:
    """A member-country official, PPT officials included."""
    return role_of(user) in (Role.MEMBER, Role.PPT)


def is_current_ppt(user, on: datetime.date | None = None) -> bool:
    """A PPT official whose country holds the Pro-Tempore Presidency on ``on`` (today)."""
    if role_of(user) != Role.PPT or not user.country_id:
        return False
    from secretaria.directory.selectors import presidency_on

    term = presidency_on(on or timezone.localdate())
    return term is not None and term.country_id == user.country_id


def clearance(user) -> int:
    role = role_of(user)
    return 0 if role is None else _ROLE_RANK[role]


def user_group_ids(user) -> set[int]:
    """Ids of the directory groups the user's person belongs to today (cached per user object)."""
    if role_of(user) is None or not user.person_id:
        return set()
    cached = getattr(user, "_sv_group_ids", None)
    if cached is None:
        from secretaria.directory.selectors import active_group_ids_for_person

        cached = user._sv_group_ids = set(active_group_ids_for_person(user.person_id))
    return cached


def can_view(user, level: str, group_id: int | None = None) -> bool:
    """May ``user`` see something published at ``level`` (for GROUP, in ``group_id``)?"""
    if is_secretariat(user):
        return True
    if level == AccessLevel.GROUP:
        return group_id is not None and group_id in user_group_ids(user)
    return clearance(user) >= _LEVEL_RANK[AccessLevel(level)]


def can_view_object(user, obj, level_field: str = "access_level", group_field: str = "access_group_id") -> bool:
    return can_view(user, getattr(obj, level_field), getattr(obj, group_field, None))


def visible_levels(user) -> list[str]:
    """The ladder levels ``user`` reaches (GROUP excluded): for filters and search."""
    rank = clearance(user)
    return [level for level, needed in _LEVEL_RANK.items() if needed <= rank]


def visible_filter(user, level_field: str = "access_level", group_field: str = "access_group") -> Q:
    """A Q object restricting a queryset to what ``user`` may see. Use it inside the query."""
    if is_secretariat(user):
        return Q()
    q = Q(**{f"{level_field}__in": visible_levels(user)})
    groups = user_group_ids(user)
    if groups:
        q |= Q(**{level_field: AccessLevel.GROUP, f"{group_field}__in": groups})
    return q


# --- Actions --------------------------------------------------------------------------
# Each rule takes (user, obj) and answers True or False. Apps add their own rules with
# ``register_rule`` in their AppConfig.ready(), so every rule is listed in one table.
_RULES: dict[str, Callable] = {}


def register_rule(name: str, rule: Callable) -> None:
    if name in _RULES:
        raise ValueError(f"access rule {name!r} is already registered")
    _RULES[name] = rule


def can(user, action: str, obj=None) -> bool:
    try:
        rule = _RULES[action]
    except KeyError:
        raise KeyError(f"unknown access rule {action!r}") from None
    return bool(rule(user, obj))


def rules() -> dict[str, Callable]:
    return dict(_RULES)


register_rule("members_area.enter", lambda user, obj: role_of(user) is not None)
register_rule("portal.manage", lambda user, obj: is_secretariat(user))
register_rule("directory.manage", lambda user, obj: is_secretariat(user))
# E-mail addresses and phone numbers of people: member officials and the Secretariat.
register_rule("directory.view_contacts", lambda user, obj: clearance(user) >= _LEVEL_RANK[AccessLevel.MEMBERS])
register_rule("audit.view", lambda user, obj: is_admin(user))
register_rule("accounts.manage", lambda user, obj: is_admin(user))
