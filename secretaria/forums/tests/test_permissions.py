"""Who may read, post, edit and moderate — for every persona, through the rules and over HTTP."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from secretaria.core.access import can, forget_viewer
from secretaria.forums import services
from secretaria.forums.models import Forum

PERSONAS = ["anonymous", "civil_society", "observer", "gt_official", "hn_official", "ppt_official", "st_officer"]
# forum -> personas who may read it
READERS = {
    "consular": {"gt_official", "st_officer"},
    "grcm": {"st_officer"},  # nobody of the fixtures is a GRCM member
    "members": {"gt_official", "hn_official", "ppt_official", "st_officer"},
    "public": set(PERSONAS),
}


def _user(request, persona):
    return None if persona == "anonymous" else request.getfixturevalue(persona)


def test_a_networks_forum_is_read_by_its_members_and_the_secretariat(forums, crm):
    consular = forums["consular"]
    assert consular.access_level == "group"
    assert consular.access_group_id == crm["groups"]["consular"].pk


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_reads_only_the_forums_of_their_level(request, forums, persona):
    user = _user(request, persona)
    for name, forum in forums.items():
        assert can(user, "forums.read", forum) == (persona in READERS[name]), (persona, name)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_forum_index_lists_exactly_the_forums_the_persona_may_read(request, forums, client_for, client, persona):
    user = _user(request, persona)
    response = (client if user is None else client_for(user)).get(reverse("forums:index"))
    assert response.status_code == 200
    shown = {name for name, forum in forums.items() if forum.get_absolute_url() in response.content.decode()}
    assert shown == {name for name in forums if persona in READERS[name]}


def test_an_observer_cannot_read_a_networks_forum(forums, thread, observer, client_for):
    assert not can(observer, "forums.read", thread)
    response = client_for(observer).get(thread.get_absolute_url())
    assert response.status_code == 404
    assert "Preparación" not in response.content.decode()


def test_an_anonymous_visitor_is_asked_to_sign_in(forums, thread, client):
    response = client.get(thread.get_absolute_url())
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_guatemalan_official_in_the_consular_network_can_post_there(forums, thread, gt_official, client_for):
    assert can(gt_official, "forums.post", thread)
    response = client_for(gt_official).post(
        reverse("forums:reply", args=[thread.forum.slug, thread.pk]), {"body": "Guatemala confirma su asistencia."}
    )
    assert response.status_code == 302
    assert thread.posts.filter(author=gt_official, body="Guatemala confirma su asistencia.").exists()


def test_a_honduran_official_not_in_the_network_cannot(forums, thread, hn_official, client_for):
    assert not can(hn_official, "forums.post", thread)
    with pytest.raises(PermissionDenied):
        services.post_create(thread=thread, author=hn_official, body="Honduras también quiere opinar.")
    response = client_for(hn_official).post(
        reverse("forums:reply", args=[thread.forum.slug, thread.pk]), {"body": "Honduras también quiere opinar."}
    )
    assert response.status_code == 404
    assert not thread.posts.filter(author=hn_official).exists()


def test_any_registered_user_may_write_in_the_public_forum_but_an_anonymous_visitor_may_not(
    forums, civil_society, client
):
    public = forums["public"]
    assert can(civil_society, "forums.post", public)
    assert can(None, "forums.read", public) and not can(None, "forums.post", public)
    thread = services.thread_create(forum=public, author=civil_society, title="Remesas", body="¿Hay datos?")
    page = client.get(thread.get_absolute_url())
    assert page.status_code == 200 and "¿Hay datos?" in page.content.decode()
    assert "Inicie sesión para responder." in page.content.decode()


def test_only_the_author_or_the_secretariat_may_edit_a_post(forums, thread, gt_official, hn_official, st_officer, crm):
    post = services.post_create(thread=thread, author=gt_official, body="Primera versión.", notify=False)
    assert can(gt_official, "forums.edit_post", post)
    assert can(st_officer, "forums.edit_post", post)
    assert not can(hn_official, "forums.edit_post", post)
    services.thread_moderate(thread=thread, by=st_officer, action="lock")
    post.thread.refresh_from_db()
    assert not can(gt_official, "forums.edit_post", post)
    assert can(st_officer, "forums.edit_post", post)


def test_only_the_secretariat_moderates(forums, thread, gt_official, ppt_official, st_officer, client_for):
    assert can(st_officer, "forums.moderate")
    assert not can(gt_official, "forums.moderate") and not can(ppt_official, "forums.moderate")
    with pytest.raises(PermissionDenied):
        services.thread_moderate(thread=thread, by=gt_official, action="lock")
    response = client_for(gt_official).post(reverse("forums:thread_moderate", args=[thread.pk, "lock"]))
    assert response.status_code == 403
    thread.refresh_from_db()
    assert not thread.locked


def test_a_member_who_leaves_the_network_loses_the_forum(forums, thread, gt_official):
    assert can(gt_official, "forums.read", thread)
    gt_official.person.memberships.update(end="2000-01-01")
    forget_viewer(gt_official)
    assert not can(gt_official, "forums.read", thread)


def test_a_group_forum_needs_its_group(crm):
    with pytest.raises(ValidationError):
        services.forum_save(slug="sin-grupo", kind="group", name_es="Sin grupo")
    assert not Forum.objects.filter(slug="sin-grupo").exists()
