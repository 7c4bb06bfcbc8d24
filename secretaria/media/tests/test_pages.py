"""The gallery pages, the meeting's section, and the Secretariat's editing and upload pages."""

import io
import json

import pytest
from django.test import TestCase
from django.urls import reverse

from secretaria.media import generate, services
from secretaria.media.models import ChunkedUpload, MediaItem
from secretaria.media.tests.conftest import upload


def test_the_public_sees_the_opening_photo_but_not_the_working_session(gallery, anonymous):
    page = anonymous.get(reverse("media:gallery", kwargs={"uid": gallery["gallery"].uid}))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Caption" in html or "Leyenda" in html
    assert str(gallery["opening"].files.get(role="thumb").uid) in html
    for role in ("thumb", "web", "original"):
        assert str(gallery["session"].files.get(role=role).uid) not in html
    assert str(gallery["video"].files.get(role="original").uid) not in html
    assert 'role="dialog"' in html and 'aria-modal="true"' in html


def test_a_member_sees_the_video_with_its_poster_and_subtitles(gallery, client_for, gt_official):
    html = (
        client_for(gt_official).get(reverse("media:gallery", kwargs={"uid": gallery["gallery"].uid})).content.decode()
    )
    video = gallery["video"]
    assert "<video controls" in html
    assert str(video.files.get(role="poster").uid) in html
    track = reverse("media:file", kwargs={"uid": video.files.get(role="subtitle").uid})
    assert f'<track kind="subtitles" src="{track}" srclang="es"' in html


def test_the_item_page_offers_the_sizes_to_download(gallery, anonymous):
    html = anonymous.get(reverse("media:item", kwargs={"uid": gallery["opening"].uid})).content.decode()
    assert "?download=1" in html
    assert str(gallery["opening"].files.get(role="web").uid) in html
    assert str(gallery["opening"].files.get(role="original").uid) not in html


def test_a_hidden_item_page_is_404(gallery, anonymous):
    assert anonymous.get(reverse("media:item", kwargs={"uid": gallery["session"].uid})).status_code == 404


def test_the_meeting_page_shows_its_galleries(gallery, client_for, gt_official):
    html = client_for(gt_official).get(gallery["gallery"].meeting.get_absolute_url()).content.decode()
    assert 'id="media-galleries"' in html
    assert reverse("media:gallery", kwargs={"uid": gallery["gallery"].uid}) in html


def test_publication_waits_for_alt_text(seminar, st_officer, client_for):
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Sin texto")
    upload(g, generate.photo(hue=9), "foto.jpg", st_officer)
    c = client_for(st_officer)
    response = c.post(reverse("media:manage", kwargs={"uid": g.uid}), {"action": "publish"}, follow=True)
    assert "text alternative" in response.content.decode() or "texto alternativo" in response.content.decode()
    g.refresh_from_db()
    assert g.status == "draft"


def test_a_photo_added_after_publication_waits_for_its_alt_text(gallery, st_officer, anonymous):
    late = upload(gallery["gallery"], generate.photo(hue=20), "tarde.jpg", st_officer)
    html = anonymous.get(reverse("media:gallery", kwargs={"uid": gallery["gallery"].uid})).content.decode()
    late.refresh_from_db()
    assert str(late.files.get(role="thumb").uid) not in html


def test_bulk_upload_answers_each_file_with_json(seminar, st_officer, client_for, gt_official):
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Lote")
    url = reverse("media:upload", kwargs={"uid": g.uid})
    c = client_for(st_officer)
    good = io.BytesIO(generate.photo(width=300, height=200))
    good.name = "buena.jpg"
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = c.post(url, {"file": good})
    assert response.status_code == 201
    assert response.json()["kind"] == "photo"
    bad = io.BytesIO(b"MZ\x90\x00 not a photo")
    bad.name = "virus.jpg"
    response = c.post(url, {"file": bad})
    assert response.status_code == 400
    assert "virus.jpg" in response.json()["detail"]
    assert client_for(gt_official).post(url, {"file": good}).status_code == 403


def test_a_large_video_goes_up_in_pieces_and_resumes(seminar, st_officer, client_for, settings):
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Videos")
    data = generate.video(seconds=1.0)
    c = client_for(st_officer)
    start = c.post(reverse("media:chunked_start", kwargs={"uid": g.uid}),
                   json.dumps({"name": "traspaso.mp4", "size": len(data)}), content_type="application/json")  # fmt: skip
    assert start.status_code == 201
    part = start.json()["url"]
    half = len(data) // 2
    first = c.put(part, data[:half], content_type="application/octet-stream",
                  HTTP_CONTENT_RANGE=f"bytes 0-{half - 1}/{len(data)}")  # fmt: skip
    assert first.json()["received"] == half
    # The connection broke: the browser asks where to resume, and a repeated piece is refused with that offset.
    assert c.get(part).json()["received"] == half
    again = c.put(part, data[:half], content_type="application/octet-stream",
                  HTTP_CONTENT_RANGE=f"bytes 0-{half - 1}/{len(data)}")  # fmt: skip
    assert again.status_code == 409 and again.json()["received"] == half
    with TestCase.captureOnCommitCallbacks(execute=True):
        last = c.put(part, data[half:], content_type="application/octet-stream",
                     HTTP_CONTENT_RANGE=f"bytes {half}-{len(data) - 1}/{len(data)}")  # fmt: skip
    assert last.status_code == 201
    item = MediaItem.objects.get(uid=last.json()["item"]["uid"])
    assert item.kind == "video" and item.state == "ready" and item.duration
    assert ChunkedUpload.objects.get().item == item


def test_a_video_over_the_size_limit_is_refused_before_any_byte(seminar, st_officer, client_for, settings):
    settings.MEDIA_VIDEO_MAX_MB = 1
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Videos")
    response = client_for(st_officer).post(
        reverse("media:chunked_start", kwargs={"uid": g.uid}),
        json.dumps({"name": "enorme.mp4", "size": 5 * 1024 * 1024}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "1 MB" in response.json()["detail"]


def test_the_manage_page_and_storage_are_for_the_secretariat(gallery, client_for, st_officer, gt_official):
    manage = reverse("media:manage", kwargs={"uid": gallery["gallery"].uid})
    assert client_for(gt_official).get(manage).status_code == 403
    assert client_for(st_officer).get(manage).status_code == 200
    storage = client_for(st_officer).get(reverse("media:storage"))
    assert storage.status_code == 200
    assert "Seminario sobre Migración y Salud" in storage.content.decode()
    assert client_for(gt_official).get(reverse("media:storage")).status_code == 403


def test_captions_order_cover_and_access_are_saved_from_the_manage_page(gallery, client_for, st_officer):
    g, opening, session = gallery["gallery"], gallery["opening"], gallery["session"]
    data = {"action": "items", "cover": str(session.uid)}
    for item in (opening, session, gallery["video"]):
        prefix = f"i{item.pk}"
        data.update({f"{prefix}-caption_es": f"Nueva {item.pk}", f"{prefix}-caption_en": f"New {item.pk}",
                     f"{prefix}-alt_es": "Texto", f"{prefix}-alt_en": "Text", f"{prefix}-access_level": item.access_level,
                     f"{prefix}-position": "1" if item == session else "5", f"{prefix}-video_kind": "speech",
                     f"{prefix}-poster_time": "0.5"})  # fmt: skip
    data[f"i{opening.pk}-access_level"] = "observers"
    response = client_for(st_officer).post(reverse("media:manage", kwargs={"uid": g.uid}), data)
    assert response.status_code == 302
    g.refresh_from_db()
    opening.refresh_from_db()
    assert g.cover == session
    assert opening.caption_es == f"Nueva {opening.pk}" and opening.access_level == "observers"
    assert list(g.items.values_list("pk", flat=True))[0] == session.pk


def test_the_dashboard_shows_the_secretariat_the_storage_used(gallery, client_for, st_officer, gt_official):
    dashboard = reverse("members:dashboard")
    assert 'id="media-panel"' in client_for(st_officer).get(dashboard).content.decode()
    assert 'id="media-panel"' not in client_for(gt_official).get(dashboard).content.decode()


def test_media_cleanup_removes_abandoned_chunked_uploads(seminar, st_officer, client_for):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Videos")
    start = client_for(st_officer).post(reverse("media:chunked_start", kwargs={"uid": g.uid}),
                                        json.dumps({"name": "a.mp4", "size": 1000}), content_type="application/json")  # fmt: skip
    assert start.status_code == 201
    ChunkedUpload.objects.update(created_at=timezone.now() - datetime.timedelta(hours=30))
    call_command("media_cleanup")
    assert not ChunkedUpload.objects.exists()


def test_a_public_gallery_of_a_members_only_meeting_does_not_name_it_to_the_public(gallery, anonymous, client_for,
                                                                                    gt_official):  # fmt: skip
    title = gallery["gallery"].meeting.title_es
    assert title not in anonymous.get(reverse("media:galleries")).content.decode()
    assert title not in anonymous.get(reverse("media:gallery", kwargs={"uid": gallery["gallery"].uid})).content.decode()
    assert anonymous.get("/api/v1/media/galleries").json()["results"][0]["meeting"] is None
    assert title in client_for(gt_official).get(reverse("media:galleries")).content.decode()


def test_the_gallery_page_makes_the_same_number_of_queries_for_more_photos(
    gallery, st_officer, anonymous, count_queries
):
    url = reverse("media:gallery", kwargs={"uid": gallery["gallery"].uid})
    anonymous.get(url)
    few = count_queries(lambda: anonymous.get(url))
    for n in range(3):
        upload_and_describe = upload(gallery["gallery"], generate.photo(width=200, height=150, hue=50 + n), f"m{n}.jpg",
                                     st_officer)  # fmt: skip
        services.item_update(item=upload_and_describe, by=st_officer, alt_es="Foto", alt_en="Photo")
    many = count_queries(lambda: anonymous.get(url))
    assert many == few


@pytest.mark.s3
def test_pieces_of_a_large_video_meet_on_object_storage_and_are_dropped_after(s3_bucket, seminar, st_officer,
                                                                              client_for):  # fmt: skip
    """Each piece is kept in the shared storage, so pieces sent to different web machines meet again."""
    s3, bucket = s3_bucket
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Videos")
    data = generate.video(seconds=1.0)
    c = client_for(st_officer)
    part = c.post(reverse("media:chunked_start", kwargs={"uid": g.uid}),
                  json.dumps({"name": "cierre.mp4", "size": len(data)}), content_type="application/json").json()["url"]  # fmt: skip
    third = len(data) // 3
    for start, end in ((0, third), (third, 2 * third), (2 * third, len(data))):
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = c.put(part, data[start:end], content_type="application/octet-stream",
                             HTTP_CONTENT_RANGE=f"bytes {start}-{end - 1}/{len(data)}")  # fmt: skip
    assert response.status_code == 201
    item = MediaItem.objects.get(uid=response.json()["item"]["uid"])
    assert item.state == "ready" and item.duration
    keys = [entry["Key"] for entry in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
    assert keys and not [key for key in keys if "/partial/" in key]


def test_media_cleanup_drops_the_pieces_of_an_abandoned_upload(seminar, st_officer, client_for):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from secretaria.files.storage import private_storage

    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Videos")
    c = client_for(st_officer)
    start = c.post(reverse("media:chunked_start", kwargs={"uid": g.uid}),
                   json.dumps({"name": "a.mp4", "size": 1000}), content_type="application/json").json()  # fmt: skip
    c.put(start["url"], b"x" * 100, content_type="application/octet-stream", HTTP_CONTENT_RANGE="bytes 0-99/1000")
    folder = f"partial/{start['uid'].replace('-', '')}"
    assert len(private_storage.listdir(folder)[1]) == 1
    ChunkedUpload.objects.update(created_at=timezone.now() - datetime.timedelta(hours=30))
    call_command("media_cleanup")
    assert not ChunkedUpload.objects.exists()
    assert private_storage.listdir(folder)[1] == []
