"""The members' who's who: lists by country, organisation and group, accent-insensitive search,
contact details by each field's visibility, vCard and CSV, own updates reviewed by the Secretariat."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from secretaria.directory import services
from secretaria.directory.models import ContactUpdate, Person, Post, Term

pytestmark = pytest.mark.django_db


@pytest.fixture
def monzon(st_officer):
    person = st_officer.person
    person.phone = "+506 2212-5300"
    person.is_public = True
    person.save()
    post = Post.objects.create(slug="st-coordinator", title_es="Coordinador de la ST", title_en="TS Coordinator",
                               organization=person.organization)  # fmt: skip
    services.term_start(post=post, person=person, start=datetime.date(2004, 7, 26))
    return person


def test_the_list_searches_without_accents_and_shows_current_posts(monzon, client_for, gt_official):
    body = client_for(gt_official).get(reverse("directory:people") + "?q=monzon").content.decode()
    assert "Luis Monzón" in body and "Coordinador de la ST" in body
    assert "Carlos Chapín" not in body


def test_filters_by_country_and_group(monzon, gt_official, client_for, crm):
    c = client_for(gt_official)
    assert "Carlos Chapín" in c.get(reverse("directory:people") + "?country=GT").content.decode()
    by_group = c.get(reverse("directory:people") + "?group=red-proteccion-consular").content.decode()
    assert "Carlos Chapín" in by_group and "Luis Monzón" not in by_group


def test_contact_fields_follow_their_visibility(monzon, client_for, gt_official, observer, st_officer):
    monzon.phone_visibility = "secretariat"
    monzon.save()
    member_view = client_for(gt_official).get(reverse("directory:person", args=[monzon.pk])).content.decode()
    assert "st_officer@example.org" in member_view and "2212-5300" not in member_view
    observer_view = client_for(observer).get(reverse("directory:person", args=[monzon.pk])).content.decode()
    assert "st_officer@example.org" not in observer_view and "Luis Monzón" in observer_view
    assert "2212-5300" in client_for(st_officer).get(reverse("directory:person", args=[monzon.pk])).content.decode()


def test_vcard_and_csv_carry_only_what_the_viewer_may_see(monzon, client_for, observer, gt_official):
    card = client_for(gt_official).get(reverse("directory:person_vcard", args=[monzon.pk]))
    assert card["Content-Type"].startswith("text/vcard")
    text = card.content.decode()
    assert "FN:Luis Monzón" in text and "EMAIL;TYPE=INTERNET:st_officer@example.org" in text
    assert "TITLE:Coordinador de la ST" in text
    observer_card = client_for(observer).get(reverse("directory:person_vcard", args=[monzon.pk])).content.decode()
    assert "EMAIL" not in observer_card
    csv = client_for(observer).get(reverse("directory:people_export")).content.decode("utf-8-sig")
    assert "Luis Monzón" in csv and "@example.org" not in csv


def test_a_person_updates_their_own_details_and_the_secretariat_reviews(gt_official, client_for, st_officer, settings):
    settings.SECRETARIAT_EMAIL = "st@crm.example"
    response = client_for(gt_official).post(reverse("directory:my_contact"), {
        "email": "carlos@migracion.gt.example", "email_visibility": "members", "phone": "+502 1234",
        "phone_visibility": "secretariat", "languages": "es, en", "preferred_language": "en",
    })  # fmt: skip
    assert response.status_code == 302
    person = Person.objects.get(pk=gt_official.person_id)
    assert person.email == "carlos@migracion.gt.example" and person.languages == ["es", "en"]
    gt_official.refresh_from_db()
    assert gt_official.preferred_language == "en"
    assert any(m.to == ["st@crm.example"] for m in mail.outbox)
    update = ContactUpdate.objects.get()
    assert update.changes["phone"] == ["", "+502 1234"]
    page = client_for(st_officer).get(reverse("directory:contact_updates")).content.decode()
    assert "+502 1234" in page
    client_for(st_officer).post(reverse("directory:contact_updates"), {"update": update.pk})
    update.refresh_from_db()
    assert update.reviewed_by == st_officer


def test_nobody_updates_someone_elses_details(gt_official, hn_official):
    with pytest.raises(PermissionDenied):
        services.person_update_own(person=hn_official.person, by=gt_official, phone="1")
    with pytest.raises(ValidationError):
        services.person_update_own(person=gt_official.person, by=gt_official, family_name="Otro")


def test_bad_language_codes_are_a_form_error(gt_official, client_for):
    response = client_for(gt_official).post(reverse("directory:my_contact"), {
        "email": "", "email_visibility": "members", "phone": "", "phone_visibility": "members",
        "languages": "spanish", "preferred_language": "es"})  # fmt: skip
    assert response.status_code == 400 and not ContactUpdate.objects.exists()


def test_the_secretariat_edits_people_and_terms_on_the_site(monzon, client_for, st_officer, gt_official, crm):
    c = client_for(st_officer)
    response = c.post(reverse("directory:person_new"), {
        "given_name": "José", "family_name": "Pires", "email_visibility": "members", "phone_visibility": "members",
        "organization": crm["orgs"]["iom"].pk, "languages_text": "es, en, pt"})  # fmt: skip
    pires = Person.objects.get(family_name="Pires")
    assert response.status_code == 302 and pires.languages == ["es", "en", "pt"]
    post = Post.objects.get(slug="st-coordinator")
    c.post(reverse("directory:person_term", args=[pires.pk]), {"term-post": post.pk, "term-start": "2004-12-01"})
    assert Term.objects.get(post=post, end__isnull=True).person == pires
    assert Term.objects.get(person=monzon).end == datetime.date(2004, 11, 30)
    assert client_for(gt_official).get(reverse("directory:person_new")).status_code == 403


def test_the_secretariat_creates_and_edits_posts_on_the_site(client_for, st_officer, gt_official, crm):
    translation.activate("en")
    c = client_for(st_officer)
    assert "Add a post" in c.get(reverse("directory:people")).content.decode()
    assert c.get(reverse("directory:post_new")).status_code == 200
    response = c.post(reverse("directory:post_new"), {
        "slug": "gt-vice-minister", "title_es": "Viceministro de Gobernación", "title_en": "Vice-Minister of the Interior",
        "country": crm["countries"]["GT"].pk, "is_public": "on"})  # fmt: skip
    post = Post.objects.get(slug="gt-vice-minister")
    assert response.status_code == 302 and response["Location"] == reverse("directory:post", args=[post.slug])
    assert post.country == crm["countries"]["GT"] and post.is_public and not post.is_focal_point
    page = c.get(reverse("directory:post", args=[post.slug])).content.decode()
    assert "Vice-Minister of the Interior" in page and reverse("directory:post_edit", args=[post.slug]) in page
    c.post(reverse("directory:post_edit", args=[post.slug]), {
        "slug": "gt-vice-minister", "title_es": "Viceministra de Gobernación", "title_en": "Vice-Minister of the Interior",
        "country": crm["countries"]["GT"].pk, "is_focal_point": "on"})  # fmt: skip
    post.refresh_from_db()
    assert post.title_es == "Viceministra de Gobernación" and post.is_focal_point and not post.is_public
    # Bad input: a duplicate short name is refused with a form error, nothing saved.
    bad = c.post(reverse("directory:post_new"), {"slug": "gt-vice-minister", "title_es": "Otro"})
    assert bad.status_code == 400 and Post.objects.filter(slug="gt-vice-minister").count() == 1
    assert c.get(reverse("directory:post_edit", args=["no-such-post"])).status_code == 404
    # Only the Secretariat: members see no tools and are refused.
    assert "Add a post" not in client_for(gt_official).get(reverse("directory:people")).content.decode()
    assert reverse("directory:post_edit", args=[post.slug]) not in client_for(gt_official).get(
        reverse("directory:post", args=[post.slug])).content.decode()  # fmt: skip
    assert client_for(gt_official).get(reverse("directory:post_new")).status_code == 403
    assert client_for(gt_official).post(reverse("directory:post_edit", args=[post.slug]), {
        "slug": "gt-vice-minister", "title_es": "Hackeado"}).status_code == 403  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.post_save(by=gt_official, slug="x", title_es="X")


def test_the_who_is_who_is_for_the_members_area(client, crm):
    assert client.get(reverse("directory:people")).status_code == 302


def test_the_api_follows_each_fields_visibility(monzon, client_for, gt_official, st_officer):
    monzon.phone_visibility = "secretariat"
    monzon.save()
    url = f"/api/v1/directory/people/{monzon.pk}"
    member = client_for(gt_official).get(url).json()
    assert member["email"] == "st_officer@example.org" and member["phone"] is None
    assert client_for(st_officer).get(url).json()["phone"] == "+506 2212-5300"
