"""Videos: probed in the worker, a poster at a chosen time, unplayable files refused, subtitles, kinds."""

import io

import av
import pytest
from django.test import TestCase
from PIL import Image

from secretaria.files.filetypes import UploadRefused
from secretaria.media import generate, services, subtitles
from secretaria.media.models import MediaItem
from secretaria.media.tests.conftest import upload


def _mpeg4_clip() -> bytes:
    out = io.BytesIO()
    with av.open(out, mode="w", format="mp4") as container:
        stream = container.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        for n in range(10):
            for packet in stream.encode(av.VideoFrame.from_image(Image.new("RGB", (160, 120), (n * 20, 0, 0)))):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out.getvalue()


@pytest.fixture
def videos(seminar, st_officer):
    return services.gallery_create(by=st_officer, meeting=seminar, title_es="Videos")


def test_a_video_is_probed_and_gets_a_poster(videos, st_officer):
    item = upload(videos, generate.video(seconds=2.0), "apertura.mp4", st_officer, video_kind="opening")
    item.refresh_from_db()
    assert item.state == "ready"
    assert item.duration == pytest.approx(2.0, abs=0.2)
    assert (item.width, item.height, item.video_codec) == (320, 240, "h264")
    assert item.get_video_kind_display() == "Opening session"
    poster = item.files.get(role="poster")
    with poster.file.open("rb") as fh:
        image = Image.open(io.BytesIO(fh.read()))
    assert image.format == "JPEG" and len(image.getexif()) == 0


def test_webm_is_taken_too(videos, st_officer):
    item = upload(videos, generate.video(seconds=1.0, fmt="webm"), "discurso.webm", st_officer)
    item.refresh_from_db()
    assert item.state == "ready" and item.video_codec == "vp9"


def test_the_poster_follows_the_chosen_time(videos, st_officer):
    item = upload(videos, generate.video(seconds=2.0), "traspaso.mp4", st_officer)
    item.refresh_from_db()
    early = item.files.get(role="poster")
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.item_update(item=item, by=st_officer, poster_time=1.8)
    late = item.files.get(role="poster")
    assert late.uid != early.uid  # a new address: no cache keeps the old frame
    with late.file.open("rb") as fh:
        red = Image.open(io.BytesIO(fh.read())).convert("RGB").getpixel((5, 200))[0]
    assert red > 150  # the clip turns from dark to red over its two seconds


def test_a_video_browsers_cannot_play_is_refused_with_the_reason(videos, st_officer):
    item = upload(videos, _mpeg4_clip(), "viejo.mp4", st_officer)
    item.refresh_from_db()
    assert item.state == MediaItem.State.REFUSED
    assert "mpeg4" in item.refusal and "H.264" in item.refusal


def test_a_damaged_video_is_refused_and_the_worker_goes_on(videos, st_officer):
    data = generate.video()
    broken = upload(videos, data[:40] + b"\x00" * 400, "rota.mp4", st_officer)
    fine = upload(videos, generate.video(seconds=1.0), "bien.mp4", st_officer)
    broken.refresh_from_db()
    fine.refresh_from_db()
    assert broken.state == MediaItem.State.REFUSED and "could not be read as a video" in broken.refusal
    assert fine.state == MediaItem.State.READY


def test_srt_is_converted_to_webvtt_and_feeds_the_transcript(videos, st_officer):
    item = upload(videos, generate.video(seconds=1.0), "discurso.mp4", st_officer)
    srt = "1\r\n00:00:00,000 --> 00:00:00,900\r\n<b>Palabras</b> del Presidente\r\n\r\n2\r\n00:00:00,900 --> 00:00:01,000\r\nde la Conferencia\r\n"
    track = services.subtitle_add(item=item, language="es", content=srt.encode("cp1252"), name="d.srt", by=st_officer)
    with track.file.open("rb") as fh:
        vtt = fh.read().decode()
    assert vtt.startswith("WEBVTT")
    assert "00:00:00.000 --> 00:00:00.900" in vtt and "<b>" not in vtt
    item.refresh_from_db()
    assert item.transcript_es == "Palabras del Presidente\nde la Conferencia"


def test_a_subtitle_file_without_cues_is_refused():
    with pytest.raises(UploadRefused, match="no timed subtitles"):
        subtitles.to_webvtt(b"just some words", "notas.srt")


def test_an_external_video_is_only_a_link_until_the_visitor_asks(videos, st_officer, anonymous):
    from django.urls import reverse

    services.gallery_set_access(gallery=videos, by=st_officer, access_level="public")
    item = services.external_add(gallery=videos, url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", by=st_officer,
                                 caption_es="Discurso", video_kind="speech")  # fmt: skip
    services.gallery_publish(gallery=videos, by=st_officer)
    html = anonymous.get(reverse("media:gallery", kwargs={"uid": videos.uid})).content.decode()
    assert "<iframe" not in html
    assert 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert item.state == "ready"
    with pytest.raises(Exception, match="YouTube or Vimeo"):
        services.external_add(gallery=videos, url="https://evil.example/watch?v=x", by=st_officer)


@pytest.mark.s3
def test_a_video_on_object_storage_is_probed_and_gets_a_poster(s3_bucket, videos, st_officer):
    client, bucket = s3_bucket
    item = upload(videos, generate.video(seconds=2.0), "clausura.mp4", st_officer, video_kind="closing")
    item.refresh_from_db()
    assert item.state == "ready", item.refusal
    assert item.duration == pytest.approx(2.0, abs=0.2)
    poster = item.files.get(role="poster")
    stored = {entry["Key"] for entry in client.list_objects_v2(Bucket=bucket)["Contents"]}
    assert any(key.endswith(poster.file.name) for key in stored)
