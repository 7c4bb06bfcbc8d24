"""The whole matrix: every role (plus anonymous and an inactive account) × every access level."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from secretaria.accounts.models import User
from secretaria.accounts.services import user_create
from secretaria.core import access
from secretaria.core.access import AccessLevel, Role
from secretaria.directory.models import Group, Membership, Person, PresidencyTerm

L = AccessLevel
# persona -> the ladder levels it may see; GROUP is checked separately (member vs non-member).
EXPECTED = {
    "anonymous": {L.PUBLIC},
    "inactive": {L.PUBLIC},
    "registered": {L.PUBLIC, L.REGISTERED},
    "observer": {L.PUBLIC, L.REGISTERED, L.OBSERVERS},
    "member": {L.PUBLIC, L.REGISTERED, L.OBSERVERS, L.MEMBERS},
    "ppt": {L.PUBLIC, L.REGISTERED, L.OBSERVERS, L.MEMBERS},
    "secretariat": {L.PUBLIC, L.REGISTERED, L.OBSERVERS, L.MEMBERS, L.SECRETARIAT},
    "admin": {L.PUBLIC, L.REGISTERED, L.OBSERVERS, L.MEMBERS, L.SECRETARIAT},
}
# Who sees GROUP-level things of a group they do not belong to: only the Secretariat.
SEES_OTHER_GROUPS = {"secretariat", "admin"}
# Who sees GROUP-level things of their own group: every active account.
SEES_OWN_GROUP = {"registered", "observer", "member", "ppt", "secretariat", "admin"}
PERSONAS = list(EXPECTED)
LADDER = [L.PUBLIC, L.REGISTERED, L.OBSERVERS, L.MEMBERS, L.SECRETARIAT]


@pytest.fixture
def world(crm):
    """One account per persona, each a member of the consular network, none of the GRCM."""
    c, o = crm["countries"], crm["orgs"]
    spec = {
        "inactive": (Role.MEMBER, {"country": c["GT"]}),
        "registered": (Role.REGISTERED, {"organization": o["rrcom"]}),
        "observer": (Role.OBSERVER, {"organization": o["unhcr"]}),
        "member": (Role.MEMBER, {"country": c["HN"]}),
        "ppt": (Role.PPT, {"country": c["PA"]}),
        "secretariat": (Role.SECRETARIAT, {"organization": o["st"], "country": c["CR"]}),
        "admin": (Role.ADMIN, {"organization": o["st"]}),
    }
    own, other = crm["groups"]["consular"], crm["groups"]["grcm"]
    users = {"anonymous": AnonymousUser()}
    for name, (role, ties) in spec.items():
        person = Person.objects.create(given_name=name.title(), family_name="Matrix")
        Membership.objects.create(group=own, person=person)
        users[name] = user_create(
            username=f"m_{name}", email=f"{name}@matrix.example", role=role, person=person, **ties
        )
    User.objects.filter(username="m_inactive").update(is_active=False)
    # Fresh objects: the policy caches group ids on the user instance.
    for name in spec:
        users[name] = User.objects.get(username=f"m_{name}")
    return {"users": users, "own": own, "other": other}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("level", LADDER)
def test_can_view_follows_the_matrix_for_every_ladder_level(world, persona, level):
    assert access.can_view(world["users"][persona], level) is (level in EXPECTED[persona])


@pytest.mark.parametrize("persona", PERSONAS)
def test_group_level_content_is_seen_by_the_groups_members_and_the_secretariat(world, persona):
    user = world["users"][persona]
    assert access.can_view(user, L.GROUP, world["own"].pk) is (persona in SEES_OWN_GROUP)
    assert access.can_view(user, L.GROUP, world["other"].pk) is (persona in SEES_OTHER_GROUPS)
    assert access.can_view(user, L.GROUP, None) is (persona in SEES_OTHER_GROUPS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_visible_filter_on_a_real_queryset_matches_can_view(world, persona):
    """Groups with every access level; a GROUP-level group is visible to its own members."""
    own, other = world["own"], world["other"]
    Group.objects.filter(pk=own.pk).update(access_level=L.GROUP)
    Group.objects.filter(pk=other.pk).update(access_level=L.GROUP)
    by_level = {
        level: Group.objects.create(
            slug=f"level-{level}", kind=Group.Kind.WORKING_GROUP, name_es=level, access_level=level
        )
        for level in LADDER
    }
    user = world["users"][persona]
    visible = set(Group.objects.filter(access.visible_filter(user, group_field="pk")).values_list("pk", flat=True))
    expected = {group.pk for level, group in by_level.items() if level in EXPECTED[persona]}
    if persona in SEES_OWN_GROUP:
        expected.add(own.pk)
    if persona in SEES_OTHER_GROUPS:
        expected.add(other.pk)
    assert visible == expected
    # The filter and the per-object answer never disagree.
    for group in Group.objects.all():
        in_filter = group.pk in visible
        assert in_filter is access.can_view(user, group.access_level, group.pk), group.slug


RULES = {
    "members_area.enter": {"registered", "observer", "member", "ppt", "secretariat", "admin"},
    "portal.manage": {"secretariat", "admin"},
    "directory.manage": {"secretariat", "admin"},
    "directory.view_contacts": {"member", "ppt", "secretariat", "admin"},
    "audit.view": {"admin"},
    "accounts.manage": {"admin"},
}


@pytest.mark.parametrize("rule", list(RULES))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_action_rule_allows_exactly_the_expected_roles(world, rule, persona):
    assert access.can(world["users"][persona], rule) is (persona in RULES[rule])


def test_an_unknown_rule_is_an_error_not_a_silent_no():
    with pytest.raises(KeyError, match="unknown access rule"):
        access.can(AnonymousUser(), "nothing.here")


def test_a_rule_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="already registered"):
        access.register_rule("audit.view", lambda user, obj: True)


def test_the_ppt_role_follows_the_current_presidency_term(world, crm):
    ppt = world["users"]["ppt"]
    assert access.is_current_ppt(ppt)
    # Mexico held it before Panama: on a date in Mexico's term the Panamanian is not the PPT.
    mexico = PresidencyTerm.objects.get(country=crm["countries"]["MX"])
    assert not access.is_current_ppt(ppt, on=mexico.start + datetime.timedelta(days=1))
    # When Panama's term ends, the official keeps the role but no longer holds the presidency.
    PresidencyTerm.objects.filter(country=crm["countries"]["PA"]).update(
        end=timezone.localdate() - datetime.timedelta(days=1)
    )
    access.forget_viewer(ppt)  # the next request builds a new viewer
    assert not access.is_current_ppt(ppt)
    assert not access.is_current_ppt(world["users"]["member"])
    assert not access.is_current_ppt(AnonymousUser())


def test_an_ended_membership_no_longer_opens_the_group(world):
    user = world["users"]["member"]
    Membership.objects.filter(person=user.person).update(end=timezone.localdate() - datetime.timedelta(days=1))
    fresh = User.objects.get(pk=user.pk)
    assert not access.can_view(fresh, L.GROUP, world["own"].pk)
