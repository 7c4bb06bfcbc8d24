"""People and organisations in the site search, with contacts only where their readers may see them."""

from django.urls import reverse

from secretaria.directory.models import Organization, Person
from secretaria.search.models import SearchIndexEntry
from secretaria.search.selectors import search


def hits(q, user=None, kind=None):
    return [hit for hit in search(user=user, q=q, per_page=100).hits if kind is None or hit.kind == kind]


def test_a_public_person_is_found_by_name_with_the_post_they_hold(seed_posts):
    [hit] = hits("Pires")
    assert hit.kind == "person" and hit.kind_label == "Personas"
    assert hit.title == "José Pires"
    assert hit.url == reverse("directory:post", kwargs={"slug": "iom-regional-representative"})
    assert "Representante Regional" in hit.snippet
    assert hits("Representante Regional OIM", kind="person")[0].title == "José Pires"


def test_a_public_persons_contacts_are_never_indexed(seed_posts, st_officer):
    monzon = seed_posts["people"]["monzon"]
    entry = SearchIndexEntry.objects.get(kind="person", object_id=monzon.pk)
    assert entry.access_level == "public"
    assert "luis.monzon" not in f"{entry.body} {entry.keywords} {entry.summary_es} {entry.body_es}"
    assert hits("luis.monzon@st.example.org", st_officer, kind="person") == []


def test_a_person_not_on_the_portal_is_found_by_members_only_with_contacts(
    crm, admin_user, client_for, gt_official, observer
):
    response = client_for(admin_user).post(
        reverse("admin:directory_person_add"),
        {"given_name": "Ana", "family_name": "Quesada", "email": "ana.quesada@migracion.example.org",
         "email_visibility": "members", "phone_visibility": "members",
         "phone": "+502 2411 2411", "country": crm["countries"]["GT"].pk, "languages": "[]"},
    )  # fmt: skip
    assert response.status_code == 302
    assert hits("Quesada") == [] and hits("Quesada", observer) == []
    assert [h.title for h in hits("Quesada", gt_official)] == ["Ana Quesada"]
    assert [h.title for h in hits("ana.quesada@migracion.example.org", gt_official)] == ["Ana Quesada"]
    assert hits("ana.quesada@migracion.example.org", observer) == []


def test_taking_a_person_off_the_portal_in_the_admin_takes_them_out_of_the_public_search(
    seed_posts, admin_user, client_for, gt_official
):
    pires = Person.objects.get(family_name="Pires")
    client = client_for(admin_user)
    url = reverse("admin:directory_person_change", args=[pires.pk])
    response = client.post(url, {"given_name": "José", "family_name": "Pires", "organization": pires.organization_id,
                                 "languages": "[]", "email": "jpires@iom.example.org",
                                 "email_visibility": "members", "phone_visibility": "members"})  # fmt: skip
    assert response.status_code == 302
    assert hits("Pires") == []
    assert [h.title for h in hits("jpires@iom.example.org", gt_official)] == ["José Pires"]
    client.post(reverse("admin:directory_person_delete", args=[pires.pk]), {"post": "yes"})
    if not Person.objects.filter(pk=pires.pk).exists():  # terms may protect a person with a history
        assert not SearchIndexEntry.objects.filter(kind="person", object_id=pires.pk).exists()


def test_organisations_are_found_and_suppliers_are_not(crm):
    from secretaria.search.services import reindex

    Organization.objects.create(kind="supplier", name_es="Intérpretes Asociados S.A.")
    reindex(progress=False)
    [hit] = hits("ACNUR")
    assert hit.kind == "organization" and hit.url == reverse("directory:organizations")
    assert hits("Intérpretes Asociados") == []
    assert hits("Secretaría Técnica", kind="organization")[0].url == reverse("directory:secretariat")
