"""The access policy: the one place that answers "may this user see or do this?".

Views, the API, search, feeds, sitemaps and file downloads all call these functions;
nothing else in the code base decides visibility. Two questions are answered here:

* visibility of content by its ``AccessLevel`` (``can_view``, ``visible_filter``), and
* permission for an action (``can``), from a table of named rules.

Every function takes a *subject*: a ``Viewer`` (what the policy knows of the person asking,
built once per request) or a user, whose viewer is built on first use and kept on the user
object. Core depends on no app: the directory builds viewers and hands this module its
factory (``register_viewer_factory``) when the apps are ready.

Roles and access levels are described in docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
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


@dataclass(frozen=True, slots=True)
class Viewer:
    """What the access policy knows of the person asking: built once (per request, or per user
    object outside a request) by the directory, so no check below queries the database."""

    user_id: int | None = None
    role: str | None = None
    country_id: int | None = None
    organization_id: int | None = None
    person_id: int | None = None
    group_ids: frozenset[int] = frozenset()
    # The Pro-Tempore Presidency terms of the viewer's country: (start, end or None).
    presidency_periods: tuple[tuple[datetime.date | None, datetime.date | None], ...] = ()

    @property
    def is_authenticated(self) -> bool:
        return self.role is not None

    def holds_presidency(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return any(
            (start is None or start <= on) and (end is None or on <= end) for start, end in self.presidency_periods
        )


ANONYMOUS = Viewer()

_viewer_factory: Callable[[object], Viewer] | None = None


def register_viewer_factory(factory: Callable[[object], Viewer]) -> None:
    """The directory registers how a signed-in user becomes a ``Viewer`` (its apps.ready())."""
    global _viewer_factory
    _viewer_factory = factory


def _viewer_key(user) -> tuple:
    # A user object whose role, country… changed (an edit in the same request, a test) gets a
    # new viewer rather than a stale one.
    return (user.pk, user.role, user.is_active, user.country_id, user.organization_id, user.person_id)


def viewer_of(subject) -> Viewer:
    """The ``Viewer`` for a user or a viewer; anonymous visitors and inactive accounts are ``ANONYMOUS``."""
    if isinstance(subject, Viewer):
        return subject
    if subject is None or not getattr(subject, "is_authenticated", False) or not subject.is_active:
        return ANONYMOUS
    cached = getattr(subject, "_sv_viewer", None)
    key = _viewer_key(subject)
    if cached is not None and cached[0] == key:
        return cached[1]
    if _viewer_factory is None:
        raise ImproperlyConfigured("no viewer factory registered: is secretaria.directory installed?")
    viewer = _viewer_factory(subject)
    subject._sv_viewer = (key, viewer)
    return viewer


def forget_viewer(user) -> None:
    """Drop the viewer kept on ``user`` (after its memberships or the presidency changed)."""
    if hasattr(user, "_sv_viewer"):
        del user._sv_viewer


def role_of(subject) -> str | None:
    """The subject's role, or None for an anonymous visitor or an inactive account."""
    if isinstance(subject, Viewer):
        return subject.role
    if subject is None or not getattr(subject, "is_authenticated", False) or not subject.is_active:
        return None
    return subject.role


def is_secretariat(subject) -> bool:
    return role_of(subject) in (Role.SECRETARIAT, Role.ADMIN)


def is_admin(subject) -> bool:
    return role_of(subject) == Role.ADMIN


def is_member_official(subject) -> bool:
    """A member-country official, PPT officials included."""
    return role_of(subject) in (Role.MEMBER, Role.PPT)


def is_current_ppt(subject, on: datetime.date | None = None) -> bool:
    """A PPT official whose country holds the Pro-Tempore Presidency on ``on`` (today)."""
    if role_of(subject) != Role.PPT:
        return False
    viewer = viewer_of(subject)
    return viewer.country_id is not None and viewer.holds_presidency(on)


def clearance(subject) -> int:
    role = role_of(subject)
    return 0 if role is None else _ROLE_RANK[role]


def user_group_ids(subject) -> frozenset[int]:
    """Ids of the directory groups the subject's person belongs to today."""
    if role_of(subject) is None:
        return frozenset()
    return viewer_of(subject).group_ids


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


def visibility_key(subject) -> str:
    """A short string equal for two subjects exactly when ``can_view`` and ``visible_filter``
    answer alike for them: "s" for the Secretariat, else the rank on the ladder and the groups.
    For keys of cached fragments that show content by access level."""
    if is_secretariat(subject):
        return "s"
    groups = ".".join(str(pk) for pk in sorted(user_group_ids(subject)))
    return f"r{clearance(subject)}g{groups}"


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
