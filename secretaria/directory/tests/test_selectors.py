import datetime

from django.contrib.auth.models import AnonymousUser

from secretaria.core.access import AccessLevel
from secretaria.directory import selectors
from secretaria.directory.models import Group, Membership

D = datetime.date


def test_post_history_lists_terms_oldest_first_with_the_vacancy_between_them(seed_posts):
    history = selectors.post_history(seed_posts["coordinator"])
    assert [(e.start, e.end, e.term.person.full_name if e.term else None) for e in history] == [
        (D(2001, 1, 1), D(2004, 5, 31), "Gerard Pascua"),
        (D(2004, 6, 1), D(2004, 7, 25), None),
        (D(2004, 7, 26), None, "Luis Monzón"),
    ]


def test_post_history_ends_with_a_vacancy_when_the_last_term_is_over(seed_posts):
    from secretaria.directory.services import term_end

    term_end(term=seed_posts["coordinator"].terms.get(end__isnull=True), end=D(2006, 1, 31))
    last = selectors.post_history(seed_posts["coordinator"])[-1]
    assert last.is_vacancy and last.start == D(2006, 2, 1) and last.end is None


def test_terms_held_by_gives_a_persons_current_posts_only(seed_posts):
    assert [t.post.slug for t in selectors.terms_held_by(seed_posts["people"]["monzon"])] == ["st-coordinator"]
    assert list(selectors.terms_held_by(seed_posts["people"]["pascua"])) == []
    assert [t.post.slug for t in selectors.terms_held_by(seed_posts["people"]["pascua"], on=D(2004, 1, 1))] == [
        "st-coordinator"
    ]


def test_public_posts_of_the_secretariat_come_with_their_current_holders(seed_posts, crm):
    posts = list(selectors.public_posts_with_holders(organization=crm["orgs"]["st"]))
    assert [p.slug for p in posts] == ["st-coordinator"]
    assert [t.person.full_name for t in posts[0].current_terms] == ["Luis Monzón"]


def test_country_for_page_brings_agencies_public_posts_and_focal_points(seed_posts, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        country = selectors.country_for_page("gt")
        assert [a.name_es for a in country.agencies] == ["Dirección General de Migración"]
        assert country.public_posts == []
        assert [t.person.full_name for p in country.focal_points for t in p.current_terms] == ["Carlos Méndez"]


def test_groups_visible_to_follow_the_access_policy_with_member_counts(crm, gt_official, observer, st_officer):
    Group.objects.filter(slug="grcm").update(access_level=AccessLevel.PUBLIC)
    Membership.objects.create(group=crm["groups"]["consular"], person=st_officer.person, end=D(2001, 1, 1))
    assert [g.slug for g in selectors.groups_visible_to(AnonymousUser())] == ["grcm"]
    assert [g.slug for g in selectors.groups_visible_to(observer)] == ["grcm"]
    counts = {g.slug: g.member_count for g in selectors.groups_visible_to(gt_official)}
    # The Secretariat member's ended membership is not counted.
    assert counts == {"grcm": 0, "red-proteccion-consular": 1}


def test_a_group_open_to_its_own_members_is_visible_to_them_only(crm, gt_official, hn_official):
    Group.objects.filter(slug="red-proteccion-consular").update(access_level=AccessLevel.GROUP)
    assert "red-proteccion-consular" in [g.slug for g in selectors.groups_visible_to(gt_official)]
    assert "red-proteccion-consular" not in [g.slug for g in selectors.groups_visible_to(hn_official)]


def test_people_visible_to_anonymous_are_the_public_ones(seed_posts, gt_official):
    anonymous = [p.full_name for p in selectors.people_visible_to(AnonymousUser())]
    assert "Carlos Méndez" not in anonymous and "Luis Monzón" in anonymous
    assert "Carlos Méndez" in [p.full_name for p in selectors.people_visible_to(gt_official)]


def test_a_request_builds_its_viewer_once(client, gt_official, monkeypatch):
    from secretaria.core import access
    from secretaria.directory import selectors

    built = []

    def counting(user):
        built.append(user.pk)
        return selectors.viewer_for(user)

    monkeypatch.setattr(access, "_viewer_factory", counting)
    client.force_login(gt_official)
    response = client.get("/es/miembros/")
    assert response.status_code == 200
    assert built == [gt_official.pk]


def test_the_viewer_knows_groups_and_presidency(crm, ppt_official, gt_official):
    from secretaria.core import access

    ppt = access.viewer_of(ppt_official)
    assert ppt.role == "ppt" and ppt.country_id == crm["countries"]["PA"].pk
    assert ppt.holds_presidency() and access.is_current_ppt(ppt)
    assert not access.viewer_of(gt_official).holds_presidency()
    assert access.viewer_of(None) is access.ANONYMOUS
