"""Photos of an outreach engagement: media registers engagements as gallery owners and adds a
section to the engagement's page (outreach.sections); a Secretariat-only engagement's galleries
are never shown to anyone else."""

import datetime

from django.urls import reverse

from secretaria.media import generate, services
from secretaria.media.models import Gallery
from secretaria.media.tests.conftest import described, upload
from secretaria.outreach.services import engagements as outreach_services
from secretaria.search.selectors import search


def _engagement(crm, st_officer, **fields):
    return outreach_services.engagement_create(
        by=st_officer, kind="presentation", title_es="Presentación en el IIDH", title_en="Presentation at the IIHR",
        summary_es="Presentación en el IIDH", summary_en="Presentation at the IIHR", start_date=datetime.date(2004, 7, 15),
        place="San José", country=crm["countries"]["CR"], notify=False, **fields,
    )  # fmt: skip


def _gallery(engagement, st_officer, **fields):
    gallery = services.gallery_create(by=st_officer, owner=engagement, title_es="En el IIDH", title_en="At the IIHR",
                                      **fields)  # fmt: skip
    described(upload(gallery, generate.photo(hue=21), "iidh.jpg", st_officer), st_officer)
    services.gallery_publish(gallery=gallery, by=st_officer)
    return gallery


def test_an_engagement_shows_its_gallery_to_those_allowed(crm, st_officer, gt_official, observer, client_for):
    engagement = _engagement(crm, st_officer)  # members' level
    gallery = _gallery(engagement, st_officer, access_level="members")
    page = reverse("outreach:detail", kwargs={"pk": engagement.pk})
    link = reverse("media:gallery", kwargs={"uid": gallery.uid})
    html = client_for(gt_official).get(page).content.decode()
    assert 'id="media-galleries"' in html
    assert link in html
    assert client_for(gt_official).get(link).status_code == 200
    # An observer may not see the members' engagement nor its gallery.
    assert client_for(observer).get(page).status_code == 404
    assert client_for(observer).get(link).status_code == 404
    # A members' gallery on a public engagement stays hidden from observers.
    engagement.access_level = "public"
    engagement.save()
    assert link not in client_for(observer).get(page).content.decode()


def test_a_secretariat_only_engagement_never_shows_its_gallery(crm, st_officer, ppt_official, gt_official, client_for):
    engagement = _engagement(crm, st_officer, access_level="secretariat")
    gallery = _gallery(engagement, st_officer, access_level="public")
    link = reverse("media:gallery", kwargs={"uid": gallery.uid})
    page = reverse("outreach:detail", kwargs={"pk": engagement.pk})
    assert link in client_for(st_officer).get(page).content.decode()
    # The PPT reads the request it must approve, but not the photos of a confidential engagement.
    ppt_page = client_for(ppt_official).get(page)
    assert ppt_page.status_code == 200
    assert link not in ppt_page.content.decode()
    for user in (ppt_official, gt_official):
        assert client_for(user).get(link).status_code == 404
    assert str(gallery.uid) not in client_for(gt_official).get(reverse("media:galleries")).content.decode()
    # Nor in the search: the gallery is indexed no wider than its engagement.
    assert not [h for h in search(user=gt_official, q="IIDH").hits if h.kind == "gallery"]
    assert [h for h in search(user=st_officer, q="IIDH").hits if h.kind == "gallery"]


def test_the_secretariat_creates_a_gallery_for_an_engagement_from_the_site(crm, st_officer, gt_official, client_for):
    engagement = _engagement(crm, st_officer)
    page = client_for(st_officer).get(reverse("outreach:detail", kwargs={"pk": engagement.pk})).content.decode()
    key = f"outreach.engagement:{engagement.pk}"
    assert f"{reverse('media:gallery_new')}?owner={key.replace(':', '%3A')}" in page
    assert (
        "New gallery"
        not in client_for(gt_official).get(reverse("outreach:detail", kwargs={"pk": engagement.pk})).content.decode()
    )
    form = client_for(st_officer).get(reverse("media:gallery_new") + f"?owner={key}")
    assert form.status_code == 200
    response = client_for(st_officer).post(reverse("media:gallery_new"), {
        "owner": key, "title_es": "Fotos del IIDH", "title_en": "Photos at the IIHR",
    })  # fmt: skip
    assert response.status_code == 302
    gallery = Gallery.objects.get(title_es="Fotos del IIDH")
    assert gallery.owner == engagement
    assert client_for(gt_official).get(reverse("media:gallery_new") + f"?owner={key}").status_code in (302, 403, 404)
