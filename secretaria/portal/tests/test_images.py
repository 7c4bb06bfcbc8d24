import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage

from secretaria.portal import services
from secretaria.portal.models import Image


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


def _png(name="map.png", size=(40, 30), fmt="PNG") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (0, 80, 160)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def test_an_uploaded_picture_is_stored_under_a_generated_name(st_officer):
    image = services.image_upload(file=_png("Mapa de la región final (2).png"), alt_es="Mapa", by=st_officer)

    assert image.width == 40 and image.height == 30
    assert image.original_name == "Mapa de la región final (2).png"
    assert "Mapa" not in image.file.name
    assert image.file.name.startswith("portal/images/") and image.file.name.endswith(".png")
    assert image.markdown() == f"![Mapa](/images/{image.name})"


def test_the_stored_suffix_follows_the_real_format(st_officer):
    image = services.image_upload(file=_png("photo.png", fmt="JPEG"), alt_es="Foto", by=st_officer)

    assert image.file.name.endswith(".jpg")


def test_a_file_that_is_not_a_picture_is_refused_even_when_named_png(st_officer):
    fake = SimpleUploadedFile("report.png", b"%PDF-1.4 this is not an image", content_type="image/png")

    with pytest.raises(ValidationError):
        services.image_upload(file=fake, alt_es="Informe", by=st_officer)
    assert not Image.objects.exists()


def test_formats_outside_the_list_are_refused(st_officer):
    with pytest.raises(ValidationError):
        services.image_upload(file=_png("scan.bmp", fmt="BMP"), alt_es="Escaneo", by=st_officer)


def test_pictures_over_the_size_limit_are_refused(st_officer, settings):
    settings.MAX_UPLOAD_MB = 1
    big = _png()
    big.size = 2 * 1024 * 1024

    with pytest.raises(ValidationError):
        services.image_upload(file=big, alt_es="Grande", by=st_officer)


def test_the_upload_form_shows_an_error_for_a_renamed_non_image(client_for, st_officer):
    fake = SimpleUploadedFile("report.png", b"not an image at all", content_type="image/png")

    response = client_for(st_officer).post(en("members:images"), {"file": fake, "alt_es": "Informe", "alt_en": ""})

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Image.objects.exists()


def test_the_secretariat_uploads_a_picture_and_anyone_can_load_it(client_for, st_officer, anonymous):
    response = client_for(st_officer).post(
        en("members:images"), {"file": _png(), "alt_es": "Mapa", "alt_en": "Map"}, follow=True
    )
    image = Image.objects.get()

    assert f"![Map](/images/{image.name})" in response.content.decode()
    served = anonymous.get(image.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"\x89PNG")
    assert anonymous.get("/images/missing.png").status_code == 404


def test_a_picture_whose_name_is_not_utf8_is_kept(client_for, st_officer):
    from secretaria.core.tests.multipart import post_with_raw_file_name

    response = post_with_raw_file_name(
        client_for(st_officer),
        en("members:images"),
        {"alt_es": "Mapa", "alt_en": "Map"},
        "file",
        _png().read(),
        raw_name=b"mapa de la regi\xf3n.png",
    )
    assert response.status_code == 302
    assert Image.objects.get().original_name == "mapa de la regi_n.png"
