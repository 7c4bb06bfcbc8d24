"""In Chromium: the lightbox by keyboard alone, and the bulk upload with a progress bar and an error per file."""

import pytest
from django.test import Client
from django.urls import reverse

from secretaria.media import generate
from secretaria.media.models import MediaItem


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.fixture
def english():  # the browser reads the Spanish pages; the media conftest's English is not wanted here
    yield


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_lightbox_works_by_keyboard_alone(page, live_server, gallery, gt_official):
    sign_in(page, live_server, gt_official)
    page.goto(reverse("media:gallery", kwargs={"uid": gallery["gallery"].uid}))
    links = page.locator("[data-lightbox] a")
    assert links.count() == 2
    dialog = page.locator("#lightbox")
    assert dialog.is_hidden()
    links.first.focus()
    page.keyboard.press("Enter")
    assert dialog.is_visible()
    assert dialog.get_attribute("role") == "dialog" and dialog.get_attribute("aria-modal") == "true"
    # Focus is inside the dialog, on its close button, and the photo has its text alternative.
    assert page.evaluate("document.activeElement.dataset.action") == "close"
    image = dialog.locator("img")
    assert image.get_attribute("alt") == gallery["opening"].alt_es
    assert "Foto 1 de 2" in dialog.locator(".lightbox-count").inner_text()
    page.keyboard.press("ArrowRight")
    assert "Foto 2 de 2" in dialog.locator(".lightbox-count").inner_text()
    assert image.get_attribute("alt") == gallery["session"].alt_es
    for _ in range(50):  # wait_for_function would need 'unsafe-eval', which the CSP refuses
        if page.evaluate("document.querySelector('#lightbox img').naturalWidth") > 0:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("document.querySelector('#lightbox img').naturalWidth") > 0
    # Tab stays in the dialog (it cycles through its three buttons).
    for _ in range(4):
        page.keyboard.press("Tab")
        assert page.evaluate("document.getElementById('lightbox').contains(document.activeElement)")
    page.keyboard.press("Escape")
    assert dialog.is_hidden()
    # Focus went back to the thumbnail that opened it.
    assert page.evaluate("document.activeElement === document.querySelector('[data-lightbox] a')")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_bulk_upload_shows_progress_and_an_error_per_file(page, live_server, gallery, st_officer, tmp_path):
    good = tmp_path / "buena.jpg"
    good.write_bytes(generate.photo(width=600, height=400, hue=40))
    bad = tmp_path / "mala.jpg"
    bad.write_bytes(b"this is not a photo at all")
    sign_in(page, live_server, st_officer)
    page.goto(reverse("media:manage", kwargs={"uid": gallery["gallery"].uid}))
    page.set_input_files("#media-files", [str(good), str(bad)])
    page.click("form.media-upload button[type=submit]")
    page.locator(".media-upload-list li.error").wait_for()
    page.locator(".media-upload-list li.success").wait_for()
    assert "mala.jpg" in page.locator(".media-upload-list li.error").inner_text()
    assert page.locator(".media-upload-list li.success progress").get_attribute("value") == "100"
    assert MediaItem.objects.filter(original_name="buena.jpg").exists()
