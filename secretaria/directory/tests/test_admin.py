import pytest
from django.urls import reverse

from secretaria.directory.models import Country, Group, Membership, Organization, Person, Post, PresidencyTerm, Term

MODELS = [Country, Organization, Person, Post, Term, Group, Membership, PresidencyTerm]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_administrator_can_list_search_and_add(seed_posts, admin_user, client_for, model):
    client = client_for(admin_user)
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert client.get(changelist).status_code == 200
    assert client.get(changelist, {"q": "Monzón"}).status_code == 200
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200


def test_a_posts_admin_page_shows_its_terms_inline(seed_posts, admin_user, client_for):
    post = seed_posts["coordinator"]
    content = client_for(admin_user).get(reverse("admin:directory_post_change", args=[post.pk])).content.decode()
    assert "Gerard Pascua" in content and "Luis Monzón" in content


def test_terms_and_presidencies_cannot_be_deleted_from_the_admin(seed_posts, admin_user, client_for):
    term = seed_posts["coordinator"].terms.first()
    response = client_for(admin_user).get(reverse("admin:directory_term_delete", args=[term.pk]))
    assert response.status_code == 403
