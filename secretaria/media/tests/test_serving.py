"""The one door: every media byte through one view that asks the viewer's rights on each request."""

import pytest
from django.test import override_settings
from django.urls import reverse

from secretaria.media.models import MediaFile


def url(f, **q):
    u = reverse("media:file", kwargs={"uid": f.uid})
    return u + ("?" + "&".join(f"{k}={v}" for k, v in q.items()) if q else "")


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_public_thumbnail_is_served_with_safe_headers(gallery, anonymous):
    thumb = gallery["opening"].files.get(role="thumb")
    response = anonymous.get(url(thumb))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    assert "public" in response["Cache-Control"]
    assert body(response)[:3] == b"\xff\xd8\xff"


def test_restricted_items_are_not_served_to_who_may_not_see_them_and_never_cached(
    gallery, anonymous, client_for, observer, gt_official
):
    session_web = gallery["session"].files.get(role="web")
    assert anonymous.get(url(session_web)).status_code == 404
    assert client_for(observer).get(url(session_web)).status_code == 404
    response = client_for(gt_official).get(url(session_web))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_photo_original_is_for_the_secretariat_only(gallery, client_for, gt_official, st_officer):
    original = gallery["opening"].files.get(role="original")
    assert client_for(gt_official).get(url(original)).status_code == 404
    response = client_for(st_officer).get(url(original))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_draft_gallery_is_served_to_nobody_but_the_secretariat(gallery, client_for, gt_official, st_officer):
    from secretaria.media import services

    services.gallery_unpublish(gallery=gallery["gallery"], by=st_officer)
    thumb = gallery["opening"].files.get(role="thumb")
    assert client_for(gt_official).get(url(thumb)).status_code == 404
    assert client_for(st_officer).get(url(thumb)).status_code == 200


def test_rights_are_asked_on_every_request(gallery, client_for, gt_official, st_officer):
    from secretaria.media import services

    web = gallery["session"].files.get(role="web")
    c = client_for(gt_official)
    assert c.get(url(web)).status_code == 200
    services.item_set_access(item=gallery["session"], by=st_officer, access_level="secretariat")
    assert c.get(url(web)).status_code == 404


def test_an_unknown_identifier_is_a_plain_404(anonymous, db):
    assert anonymous.get("/es/fotos-y-videos/f/6f1c8a8e-2b7b-4a8e-9d52-0c5d3f6a1b2c").status_code == 404
    assert anonymous.get("/es/fotos-y-videos/f/1").status_code == 404


def test_download_of_a_chosen_size_only_where_allowed(gallery, anonymous, st_officer):
    from secretaria.media import services

    web = gallery["opening"].files.get(role="web")
    assert anonymous.get(url(web, download=1))["Content-Disposition"].startswith("attachment")
    services.gallery_update(gallery=gallery["gallery"], by=st_officer, downloads_allowed=False)
    assert anonymous.get(url(web, download=1))["Content-Disposition"].startswith("inline")


@pytest.fixture
def video_file(gallery):
    return gallery["video"].files.get(role="original")


def test_a_video_is_served_whole_with_accept_ranges(video_file, client_for, gt_official):
    response = client_for(gt_official).get(url(video_file))
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "video/mp4"
    assert len(body(response)) == video_file.size


def test_range_first_hundred_bytes(video_file, client_for, gt_official):
    with video_file.file.open("rb") as fh:
        data = fh.read()
    response = client_for(gt_official).get(url(video_file), HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 0-99/{len(data)}"
    assert response["Content-Length"] == "100"
    assert body(response) == data[:100]


def test_range_suffix_and_open_ended(video_file, client_for, gt_official):
    with video_file.file.open("rb") as fh:
        data = fh.read()
    c = client_for(gt_official)
    suffix = c.get(url(video_file), HTTP_RANGE="bytes=-500")
    assert suffix.status_code == 206
    assert suffix["Content-Range"] == f"bytes {len(data) - 500}-{len(data) - 1}/{len(data)}"
    assert body(suffix) == data[-500:]
    open_ended = c.get(url(video_file), HTTP_RANGE="bytes=1000-")
    assert open_ended.status_code == 206
    assert body(open_ended) == data[1000:]


def test_range_unsatisfiable_is_416(video_file, client_for, gt_official):
    response = client_for(gt_official).get(url(video_file), HTTP_RANGE=f"bytes={video_file.size + 10}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{video_file.size}"


def test_range_is_refused_like_the_whole_file_to_who_may_not_see_it(video_file, client_for, observer):
    assert client_for(observer).get(url(video_file), HTTP_RANGE="bytes=0-99").status_code == 404


def test_subtitles_are_webvtt_under_the_same_rules(gallery, client_for, gt_official, observer):
    track = gallery["video"].files.get(role=MediaFile.Role.SUBTITLE, language="es")
    response = client_for(gt_official).get(url(track))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")
    text = body(response).decode()
    assert text.startswith("WEBVTT") and "00:00:00.000 --> 00:00:01.500" in text
    assert client_for(observer).get(url(track)).status_code == 404


def test_with_x_accel_redirect_nginx_sends_the_bytes_after_the_check(gallery, anonymous):
    thumb = gallery["opening"].files.get(role="thumb")
    with override_settings(FILES_X_ACCEL_REDIRECT="/_private/"):
        response = anonymous.get(url(thumb))
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == "/_private/" + thumb.file.name
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response.content == b""
        session = gallery["session"].files.get(role="thumb")
        assert anonymous.get(url(session)).status_code == 404


@pytest.mark.s3
def test_files_on_object_storage_are_sent_by_the_view_even_behind_nginx(s3_bucket, seminar, st_officer, client_for):
    from secretaria.media import generate as media_generate
    from secretaria.media import services
    from secretaria.media.tests.conftest import upload

    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Fotos", access_level="public")
    photo = upload(g, media_generate.photo(hue=3), "foto.jpg", st_officer)
    thumb = photo.files.get(role="thumb")
    with override_settings(FILES_X_ACCEL_REDIRECT="/_private/"):
        response = client_for(st_officer).get(url(thumb))
    assert response.status_code == 200 and "X-Accel-Redirect" not in response
    assert body(response)[:3] == b"\xff\xd8\xff"  # the JPEG itself
