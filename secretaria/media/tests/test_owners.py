"""A gallery on a portal page: the portal registers its pages as gallery owners (media.owners)."""

from django.urls import reverse

from secretaria.media import generate, services
from secretaria.media.tests.conftest import described, upload
from secretaria.portal import services as portal_services


def test_a_page_shows_its_gallery_and_hides_it_when_the_page_is_withdrawn(crm, st_officer, anonymous, client_for):
    page = portal_services.page_create(by=st_officer, slug="la-conferencia", title_es="La Conferencia",
                                       title_en="The Conference", body_es="Texto.", body_en="Text.")  # fmt: skip
    portal_services.page_publish(page=page, by=st_officer)
    gallery = services.gallery_create(by=st_officer, owner=page, title_es="Historia", access_level="public")
    described(upload(gallery, generate.photo(hue=11), "historia.jpg", st_officer), st_officer)
    services.gallery_publish(gallery=gallery, by=st_officer)
    html = anonymous.get(page.get_absolute_url()).content.decode()
    assert reverse("media:gallery", kwargs={"uid": gallery.uid}) in html
    assert anonymous.get(reverse("media:gallery", kwargs={"uid": gallery.uid})).status_code == 200
    page.status = "draft"
    page.save()
    assert anonymous.get(reverse("media:gallery", kwargs={"uid": gallery.uid})).status_code == 404
    # The Secretariat creates a page's gallery from the page.
    new = client_for(st_officer).get(reverse("media:gallery_new") + f"?owner=portal.page:{page.pk}")
    assert new.status_code == 200
    assert client_for(st_officer).get(reverse("media:gallery_new") + "?owner=auth.user:1").status_code == 404
