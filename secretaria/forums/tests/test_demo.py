import io

import pytest
from django.core.management import call_command

from secretaria.accounts.models import User
from secretaria.core.access import can
from secretaria.forums.models import Forum, Post, Thread


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.DEV_MODE = True  # the demo accounts exist only in development
    call_command("load_demo", stdout=io.StringIO())


def _counts():
    return Forum.objects.count(), Thread.objects.count(), Post.objects.count()


def test_the_demo_forums_load_twice_without_changing_anything(demo):
    first = _counts()
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == first
    assert first[0] == 4 and first[1] == 4 and first[2] >= 10


def test_the_demo_threads_are_read_by_the_right_people(demo):
    users = {u.username: u for u in User.objects.all()}
    consular = Forum.objects.get(slug="red-proteccion-consular")
    trafficking = Forum.objects.get(slug="red-trafico-trata")
    assert can(users["guatemala"], "forums.post", consular)
    assert not can(users["honduras"], "forums.read", consular)
    assert can(users["honduras"], "forums.post", trafficking)
    assert not can(users["observer"], "forums.read", trafficking)
    assert can(users["observer"], "forums.read", Forum.objects.get(slug="grcm"))  # UNHCR observes the GRCM
    assert Thread.objects.filter(title="Taller sobre la Convención de Palermo", pinned=True).exists()
    assert Post.objects.filter(body__contains="US$1.000").exists()


def test_the_demo_posts_carry_their_2004_dates_and_one_was_hidden_by_a_moderator_no_longer_recorded(demo):
    assert {p.created.year for p in Post.objects.all()} == {2004}
    assert {t.created.year for t in Thread.objects.all()} == {2004}
    assert {t.last_post_at.year for t in Thread.objects.all()} == {2004}
    hidden = Post.objects.get(hidden=True)
    assert hidden.hidden_by is None and hidden.hidden_reason == "Mensaje duplicado"
