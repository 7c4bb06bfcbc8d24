import datetime

from django.urls import reverse
from django.utils import translation

from secretaria.accounts.services import user_create
from secretaria.core.access import Role
from secretaria.directory.models import Post
from secretaria.directory.services import term_start


def _dashboard(client):
    with translation.override("en"):
        return client.get(reverse("members:dashboard")).content.decode()


def test_a_member_sees_their_groups_and_the_current_presidency(gt_official, client_for):
    content = _dashboard(client_for(gt_official))
    assert "My posts and groups" in content
    assert "Liaison Officer Network for Consular Protection" in content
    assert "Pro-Tempore Presidency" in content and "Panama" in content


def test_the_panel_lists_the_posts_a_person_holds(crm, st_officer, client_for):
    post = Post.objects.create(
        slug="st-webmaster",
        title_es="Webmaster",
        title_en="Virtual Secretariat webmaster",
        organization=crm["orgs"]["st"],
    )
    term_start(post=post, person=st_officer.person, start=datetime.date(2004, 7, 26))
    content = _dashboard(client_for(st_officer))
    assert "Virtual Secretariat webmaster" in content
    with translation.override("en"):
        assert reverse("directory:post", args=["st-webmaster"]) in content


def test_an_account_without_a_person_gets_no_posts_panel(crm, client_for):
    user = user_create(username="nobody", email="nobody@example.org", role=Role.REGISTERED, password="x" * 20)
    content = _dashboard(client_for(user))
    assert "My posts and groups" not in content
    assert "Panama" in content
