import datetime

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


def test_appointing_a_successor_in_the_admin_ends_the_predecessors_term(seed_posts, admin_user, client_for):
    post = seed_posts["coordinator"]
    successor = Person.objects.create(given_name="Nueva", family_name="Coordinadora")
    response = client_for(admin_user).post(
        reverse("admin:directory_term_add"),
        {"post": post.pk, "person": successor.pk, "start": "2006-01-01", "end": "", "note": ""},
    )
    assert response.status_code == 302
    terms = list(post.terms.order_by("start").values_list("person__family_name", "end"))
    assert terms[-2] == ("Monzón", datetime.date(2005, 12, 31))
    assert terms[-1] == ("Coordinadora", None)


def test_an_overlapping_term_is_refused_in_the_admin_with_a_form_error(seed_posts, admin_user, client_for):
    post = seed_posts["coordinator"]
    intruder = Person.objects.create(given_name="Otra", family_name="Persona")
    response = client_for(admin_user).post(
        reverse("admin:directory_term_add"),
        {"post": post.pk, "person": intruder.pk, "start": "2003-01-01", "end": "2003-06-30", "note": ""},
    )
    assert response.status_code == 200
    assert "errornote" in response.content.decode() or "errorlist" in response.content.decode()
    assert not post.terms.filter(person=intruder).exists()


def test_designating_a_presidency_in_the_admin_ends_the_running_term(crm, admin_user, client_for):
    mexico = crm["countries"]["MX"]
    response = client_for(admin_user).post(
        reverse("admin:directory_presidencyterm_add"), {"country": mexico.pk, "start": "2030-01-01", "note": ""}
    )
    assert response.status_code == 302
    panama_term = PresidencyTerm.objects.get(country=crm["countries"]["PA"])
    assert str(panama_term.end) == "2029-12-31"
    assert PresidencyTerm.objects.filter(country=mexico, start="2030-01-01", end__isnull=True).exists()


def test_a_non_member_cannot_be_designated_in_the_admin(crm, admin_user, client_for):
    response = client_for(admin_user).post(
        reverse("admin:directory_presidencyterm_add"),
        {"country": crm["countries"]["CO"].pk, "start": "2030-01-01", "note": ""},
    )
    assert response.status_code == 200
    assert not PresidencyTerm.objects.filter(country=crm["countries"]["CO"]).exists()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_secretariat_keeps_the_directory_in_the_admin_site(seed_posts, st_officer, client_for, model):
    client = client_for(st_officer)
    opts = model._meta
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200


def test_the_secretariat_appoints_a_new_coordinator_and_history_stays(seed_posts, st_officer, client_for):
    post = seed_posts["coordinator"]
    successor = Person.objects.create(given_name="Nueva", family_name="Coordinadora")
    client = client_for(st_officer)
    response = client.post(
        reverse("admin:directory_term_add"),
        {"post": post.pk, "person": successor.pk, "start": "2006-01-01", "end": "", "note": ""},
    )
    assert response.status_code == 302
    assert list(post.terms.order_by("start").values_list("person__family_name", flat=True))[-2:] == [
        "Monzón",
        "Coordinadora",
    ]
    term = post.terms.first()
    assert client.get(reverse("admin:directory_term_delete", args=[term.pk])).status_code == 403


def test_the_secretariat_sees_only_what_it_manages_in_the_admin_site(st_officer, client_for, crm):
    client = client_for(st_officer)
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:directory_person_changelist") in index
    assert reverse("admin:meetings_lettertemplate_changelist") in index
    assert reverse("admin:decisions_theme_changelist") in index
    assert reverse("admin:forums_forum_changelist") in index
    assert reverse("admin:accounts_user_changelist") not in index
    assert reverse("admin:core_auditevent_changelist") not in index
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403
    assert client.get(reverse("admin:core_auditevent_changelist")).status_code == 403


@pytest.mark.parametrize("persona", ["gt_official", "ppt_official", "observer", "civil_society"])
def test_no_one_else_gets_into_the_admin_site(request, client_for, persona, crm):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    response = client.get(reverse("admin:directory_person_changelist"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    assert client.get(response["Location"]).status_code == 403  # signed in, and refused


def test_the_secretariats_dashboard_leads_to_the_directory(st_officer, gt_official, client_for, crm):
    link = reverse("admin:app_list", args=["directory"])
    assert link in client_for(st_officer).get(reverse("members:dashboard")).content.decode()
    assert link not in client_for(gt_official).get(reverse("members:dashboard")).content.decode()


def test_what_the_secretariat_changes_in_the_directory_is_audited_and_history_is_kept(
    seed_posts, st_officer, client_for, crm
):
    from secretaria.core.models import AuditEvent

    client = client_for(st_officer)
    grcm = crm["groups"]["grcm"]
    person = Person.objects.create(given_name="Nueva", family_name="Enlace")
    response = client.post(
        reverse("admin:directory_membership_add"),
        {"person": person.pk, "group": grcm.pk, "country": "", "role": "member", "start": "2004-07-01", "end": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    membership = Membership.objects.get(person=person)
    assert AuditEvent.objects.filter(kind="directory.membership_add", actor=st_officer).exists()
    # The service's rule holds here too: a second open membership of the same person is refused.
    again = client.post(
        reverse("admin:directory_membership_add"),
        {"person": person.pk, "group": grcm.pk, "country": "", "role": "member", "start": "2004-08-01", "end": ""},
    )
    assert again.status_code == 200 and Membership.objects.filter(person=person).count() == 1
    # Memberships end; they are not deleted.
    assert client.get(reverse("admin:directory_membership_delete", args=[membership.pk])).status_code == 403
    # A presidency's country and start, a term's post, person and start cannot be edited.
    presidency = PresidencyTerm.objects.order_by("-start").first()
    page = client.get(reverse("admin:directory_presidencyterm_change", args=[presidency.pk])).content.decode()
    assert 'name="country"' not in page and 'name="start"' not in page
    term = seed_posts["coordinator"].terms.first()
    page = client.get(reverse("admin:directory_term_change", args=[term.pk])).content.decode()
    assert 'name="person"' not in page and 'name="end"' in page


def test_secretariat_staff_change_their_password_in_their_account_not_in_the_admin(st_officer, client_for):
    client = client_for(st_officer)
    response = client.get(reverse("admin:password_change"))
    assert response.status_code == 302 and response["Location"] == reverse("account_change_password")
    # Signed in, the admin's login page lets them through instead of refusing them.
    login = client.get(reverse("admin:login"))
    assert login.status_code == 302 and login["Location"] == reverse("admin:index")
