import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from secretaria.core.access import AccessLevel
from secretaria.directory.models import Country, Group, Membership, Organization, Person, Post, PresidencyTerm
from secretaria.directory.services import term_start

D = datetime.date

PERSONAS = ["anonymous", "civil_society", "observer", "hn_official", "gt_official", "ppt_official", "st_officer"]
NO_CONTACTS = ["anonymous", "civil_society", "observer"]
WITH_CONTACTS = ["hn_official", "gt_official", "ppt_official", "st_officer", "admin_user"]


@pytest.fixture
def as_persona(request, client_for):
    """``as_persona(name)``: a test client for the named persona (anonymous: no session)."""

    def make(name):
        if name == "anonymous":
            return request.getfixturevalue("anonymous")
        return client_for(request.getfixturevalue(name))

    return make


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(f"directory:{name}", args=args)


PUBLIC_PAGES = [
    ("countries", ()),
    ("country", ("PA",)),
    ("country", ("GT",)),
    ("organizations", ()),
    ("presidency", ()),
    ("secretariat", ()),
    ("post", ("st-coordinator",)),
    ("post", ("iom-regional-representative",)),
    ("groups", ()),
    ("group", ("grcm",)),
]


@pytest.fixture
def public_grcm(crm):
    Group.objects.filter(slug="grcm").update(
        access_level=AccessLevel.PUBLIC,
        description_en="The Conference's technical level.",
        description_es="El nivel técnico de la Conferencia.",
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "args"), PUBLIC_PAGES)
def test_every_public_page_opens_for_every_persona(seed_posts, public_grcm, as_persona, persona, name, args):
    response = as_persona(persona).get(url(name, *args))
    assert response.status_code == 200


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_pages_are_served_in_both_languages(seed_posts, client, lang):
    response = client.get(url("countries", lang=lang))
    assert response.status_code == 200
    assert ("Panamá" if lang == "es" else "Panama") in response.content.decode()


@pytest.mark.parametrize(("name", "args"), PUBLIC_PAGES)
def test_no_public_page_shows_a_persons_email_or_phone_to_anonymous(seed_posts, public_grcm, client, name, args):
    Membership.objects.create(group=Group.objects.get(slug="grcm"), person=seed_posts["people"]["liaison"])
    content = client.get(url(name, *args)).content.decode()
    for person in Person.objects.exclude(email=""):
        assert person.email not in content
    for person in Person.objects.exclude(phone=""):
        assert person.phone not in content


def test_the_coordinators_page_shows_pascua_then_the_vacancy_then_monzon(seed_posts, client):
    content = client.get(url("post", "st-coordinator")).content.decode()
    assert "Held today by Luis Monzón" in content
    timeline = content[content.index('class="timeline"') :]
    assert timeline.index("Gerard Pascua") < timeline.index("Vacant") < timeline.index("Luis Monzón")


def test_the_iom_page_shows_kozak_succeeded_by_pires(seed_posts, client):
    content = client.get(url("post", "iom-regional-representative")).content.decode()
    timeline = content[content.index('class="timeline"') :]
    assert timeline.index("Roberto Kozak") < timeline.index("José Pires")


@pytest.mark.parametrize("persona", NO_CONTACTS)
def test_a_liaison_officers_post_is_hidden_from_those_without_the_directory(seed_posts, as_persona, persona):
    assert as_persona(persona).get(url("post", "gt-liaison-consular")).status_code == 404


def test_a_member_official_sees_a_liaison_officers_post(seed_posts, as_persona):
    content = as_persona("hn_official").get(url("post", "gt-liaison-consular")).content.decode()
    assert "Carlos Méndez" in content


def test_an_unknown_post_country_or_group_is_a_404(crm, client):
    assert client.get(url("post", "nobody")).status_code == 404
    assert client.get(url("country", "ZZ")).status_code == 404
    assert client.get(url("group", "nothing")).status_code == 404


@pytest.mark.parametrize("persona", NO_CONTACTS)
def test_focal_points_and_their_contacts_are_hidden_from(seed_posts, as_persona, persona):
    content = as_persona(persona).get(url("country", "GT")).content.decode()
    assert "Focal points" not in content
    assert "carlos.mendez@gt.example.org" not in content


@pytest.mark.parametrize("persona", WITH_CONTACTS)
def test_focal_points_and_their_contacts_are_shown_to(seed_posts, as_persona, persona):
    content = as_persona(persona).get(url("country", "GT")).content.decode()
    assert "Focal points" in content
    assert "carlos.mendez@gt.example.org" in content and "+502 0000 0002" in content


def test_the_country_page_lists_agencies_and_marks_the_presidency(seed_posts, client):
    content = client.get(url("country", "PA")).content.decode()
    assert "Holds the Pro-Tempore Presidency" in content
    content = client.get(url("country", "GT")).content.decode()
    assert "General Directorate of Migration" in content
    assert "Holds the Pro-Tempore Presidency" not in content


def test_the_presidency_page_derives_the_current_ppt_and_lists_the_history(crm, client):
    content = client.get(url("presidency")).content.decode()
    current = content.index("Current Pro-Tempore Presidency")
    assert "Panama" in content[current : content.index("History")]
    assert "Mexico" in content[content.index("History") :]


def test_the_presidency_page_says_so_when_no_term_runs_today(crm, client):
    PresidencyTerm.objects.filter(end__isnull=True).update(end=D(2000, 1, 1), start=D(1999, 1, 1))
    assert "No member state holds" in client.get(url("presidency")).content.decode()


def test_the_secretariat_page_shows_its_people_address_and_host(seed_posts, client):
    content = client.get(url("secretariat")).content.decode()
    assert "Coordinator of the Technical Secretariat" in content and "Luis Monzón" in content
    assert "Gerard Pascua" not in content  # no longer in office
    assert "José Pires" in content  # IOM hosts the Secretariat
    assert "Costa Rica" in content


def test_the_organizations_page_lists_observers_partner_and_civil_society(crm, client):
    content = client.get(url("organizations")).content.decode()
    for name in ["Colombia", "United Nations High Commissioner for Refugees", "International Organization for Migration",
                 "Regional Network of Civil Organizations for Migration"]:  # fmt: skip
        assert name in content


# --- Groups ----------------------------------------------------------------------------


@pytest.fixture
def grcm_members(seed_posts, public_grcm, crm):
    grcm = Group.objects.get(slug="grcm")
    Membership.objects.create(group=grcm, person=seed_posts["people"]["liaison"], country=crm["countries"]["GT"])
    return grcm


@pytest.mark.parametrize("persona", ["anonymous", "civil_society", "observer"])
def test_a_public_groups_members_and_contacts_are_hidden_from(grcm_members, as_persona, persona):
    content = as_persona(persona).get(url("group", "grcm")).content.decode()
    assert "Regional Consultation Group on Migration" in content
    assert "technical level" in content
    assert "Carlos Méndez" not in content
    assert "carlos.mendez@gt.example.org" not in content


@pytest.mark.parametrize("persona", WITH_CONTACTS)
def test_a_groups_members_and_contacts_are_shown_to(grcm_members, as_persona, persona):
    content = as_persona(persona).get(url("group", "grcm")).content.decode()
    assert "Carlos Méndez" in content
    assert "carlos.mendez@gt.example.org" in content and "+502 0000 0002" in content


def test_anonymous_is_sent_to_sign_in_for_a_members_only_group(crm, client):
    response = client.get(url("group", "red-proteccion-consular"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["civil_society", "observer"])
def test_a_members_only_group_does_not_exist_for(crm, as_persona, persona):
    assert as_persona(persona).get(url("group", "red-proteccion-consular")).status_code == 404


def test_the_group_list_shows_anonymous_only_public_groups(crm, public_grcm, client):
    content = client.get(url("groups")).content.decode()
    assert "Regional Consultation Group on Migration" in content
    assert "Consular Protection" not in content


def test_the_group_list_shows_a_member_the_networks_with_member_counts(crm, gt_official, client_for):
    content = client_for(gt_official).get(url("groups")).content.decode()
    assert "Liaison Officer Network for Consular Protection" in content
    assert "1 member" in content


# --- Query counts ----------------------------------------------------------------------


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def _grow(crm, n):
    """Add ``n`` more of everything a list page lists."""
    for i in range(n):
        code = f"Q{chr(65 + i)}"
        country = Country.objects.create(
            iso2=code, iso3=f"{code}X", name_es=f"País {i}", name_en=f"Country {i}", status="member"
        )
        Country.objects.create(iso2=f"O{chr(65 + i)}", iso3=f"O{chr(65 + i)}X", name_es=f"Obs {i}", name_en=f"Obs {i}",
                               status="observer")  # fmt: skip
        Organization.objects.create(kind="government", name_es=f"Agencia {i}", country=country)
        Organization.objects.create(kind="observer", name_es=f"Observador {i}")
        person = Person.objects.create(given_name=f"P{i}", family_name="Staff", organization=crm["orgs"]["st"])
        post = Post.objects.create(slug=f"st-{i}", title_es=f"Puesto {i}", organization=crm["orgs"]["st"],
                                   is_public=True)  # fmt: skip
        term_start(post=post, person=person, start=D(2004, 1, 1))
        group = Group.objects.create(slug=f"g{i}", kind="working_group", name_es=f"Grupo {i}",
                                     access_level=AccessLevel.PUBLIC)  # fmt: skip
        Membership.objects.create(group=group, person=person)
        PresidencyTerm.objects.create(country=country, start=D(1990 + i, 1, 1), end=D(1990 + i, 12, 31))


@pytest.mark.parametrize("name", ["countries", "organizations", "presidency", "secretariat", "groups"])
@pytest.mark.parametrize("persona", ["anonymous", "gt_official"])
def test_list_pages_make_a_constant_number_of_queries(seed_posts, as_persona, persona, name, crm):
    client = as_persona(persona)
    path = url(name)
    client.get(path)  # warm up per-process caches (sessions, content types)
    before = _queries(client, path)
    _grow(crm, 8)
    assert _queries(client, path) == before


def test_the_country_list_stays_within_a_small_query_budget(seed_posts, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get(url("countries"))
