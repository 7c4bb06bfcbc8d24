"""The demo data: the seminar's galleries, made at load time, processed and published."""

from django.core.management import call_command
from django.urls import reverse

from secretaria.media.models import Gallery, MediaItem


def test_load_demo_makes_the_seminars_galleries_and_is_idempotent(db, anonymous):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    galleries = Gallery.objects.filter(meeting__slug="seminario-migracion-y-salud-2004")
    assert sorted(galleries.values_list("title_en", "access_level", "status")) == [
        ("Opening session", "public", "published"),
        ("Working sessions", "members", "published"),
    ]
    assert not MediaItem.objects.exclude(state="ready").exists()
    video = MediaItem.objects.get(kind="video")
    assert video.video_kind == "opening" and video.duration
    assert sorted(f.language for f in video.subtitles()) == ["en", "es"]
    opening = galleries.get(title_en="Opening session")
    page = anonymous.get(reverse("media:gallery", kwargs={"uid": opening.uid}))
    assert page.status_code == 200
    assert page.content.decode().count('class="media-grid"') == 1
