"""Photos are processed in the worker: sizes made, orientation applied, metadata stripped; bad files refused."""

import io

import pytest
from PIL import Image

from secretaria.files.filetypes import UploadRefused
from secretaria.media import generate, services
from secretaria.media.models import MediaFile, MediaItem
from secretaria.media.tests.conftest import upload


def _derivative(item, role) -> Image.Image:
    f = item.files.get(role=role)
    with f.file.open("rb") as fh:
        data = fh.read()
    return data, Image.open(io.BytesIO(data))


def test_it_makes_thumbnail_and_web_size_without_any_exif_or_gps(seminar, st_officer):
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Fotos")
    item = upload(g, generate.photo(width=3000, height=2000), "foto.jpg", st_officer)
    item.refresh_from_db()
    assert item.state == MediaItem.State.READY
    roles = set(item.files.values_list("role", flat=True))
    assert roles == {"original", "thumb", "web", "large"}
    for role in ("thumb", "web", "large"):
        data, image = _derivative(item, role)
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0
        assert image.getexif().get_ifd(0x8825) == {}
        assert b"Exif" not in data and b"ExampleCam" not in data and b"Phone 12" not in data
        assert "exif" not in image.info and "xmp" not in image.info
    assert max(_derivative(item, "thumb")[1].size) == 400
    assert max(_derivative(item, "web")[1].size) == 1280
    # The original keeps the camera's data, for the Secretariat.
    data, original = _derivative(item, "original")
    assert original.getexif().get_ifd(0x8825)


def test_it_applies_the_orientation_before_resizing(seminar, st_officer):
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Fotos")
    # Orientation 6: the camera was turned; the upright picture is portrait.
    item = upload(g, generate.photo(width=1600, height=1200, orientation=6), "girada.jpg", st_officer)
    item.refresh_from_db()
    _data, web = _derivative(item, "web")
    assert web.size[0] < web.size[1]
    assert (item.width, item.height) == (1200, 1600)
    # The red corner was top left of the sensor; turned 90° clockwise it is top right.
    assert web.getpixel((web.size[0] - 5, 5))[0] > 150


def test_it_takes_png_webp_and_heic(seminar, st_officer):
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Fotos")
    for fmt, name in (("PNG", "a.png"), ("WEBP", "b.webp"), ("HEIF", "c.heic")):
        item = upload(g, generate.photo(width=800, height=600, hue=len(name) + ord(name[0]), fmt=fmt), name, st_officer)
        item.refresh_from_db()
        assert item.state == MediaItem.State.READY, (name, item.refusal)
        data, web = _derivative(item, "web")
        assert b"ExampleCam" not in data and len(web.getexif()) == 0


def test_it_refuses_a_decompression_bomb_and_goes_on_with_the_next_file(seminar, st_officer, settings):
    settings.MEDIA_MAX_IMAGE_PIXELS = 1_000_000
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Fotos")
    # A PNG of 1,500 × 1,500 pixels (2.25 million, over the limit) that weighs a few kilobytes.
    out = io.BytesIO()
    Image.new("L", (1500, 1500)).save(out, "PNG")
    bomb = upload(g, out.getvalue(), "bomba.png", st_officer)
    fine = upload(g, generate.photo(width=800, height=600), "bien.jpg", st_officer)
    bomb.refresh_from_db()
    fine.refresh_from_db()
    assert bomb.state == MediaItem.State.REFUSED
    assert "million pixels" in bomb.refusal
    assert not bomb.files.exclude(role="original").exists()
    assert fine.state == MediaItem.State.READY


def test_it_refuses_a_truncated_image_with_a_clear_message(seminar, st_officer):
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Fotos")
    data = generate.photo()
    broken = upload(g, data[: len(data) // 3], "rota.jpg", st_officer)
    broken.refresh_from_db()
    assert broken.state == MediaItem.State.REFUSED
    assert "could not be read as an image" in broken.refusal


def test_it_refuses_a_duplicate_by_its_hash(seminar, st_officer):
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Fotos")
    data = generate.photo()
    upload(g, data, "una.jpg", st_officer)
    with pytest.raises(UploadRefused, match="already in the gallery"):
        upload(g, data, "otra-vez.jpg", st_officer)
    assert MediaFile.objects.filter(role="original").count() == 1


def test_it_refuses_what_is_not_a_photo_or_is_misnamed(seminar, st_officer):
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Fotos")
    with pytest.raises(UploadRefused, match="not a photo or a video"):
        upload(g, b"<html><script>alert(1)</script>", "x.jpg", st_officer)
    with pytest.raises(UploadRefused, match="its content is PNG"):
        upload(g, generate.photo(fmt="PNG", width=50, height=50), "x.jpg", st_officer)
