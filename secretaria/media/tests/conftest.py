"""Fixtures of the media tests: private media in a temporary folder, the seminar and its galleries."""

import datetime
import io

import pytest
from django.conf import settings
from django.test import TestCase
from django.utils import translation

from secretaria.media import generate, services
from secretaria.meetings.models import Meeting


@pytest.fixture(autouse=True)
def english():
    """These tests read the services' messages in English (the pages they open follow their URL)."""
    translation.activate("en")
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):  # noqa: F811 - pytest's settings fixture
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def seminar(crm):
    meeting = Meeting.objects.create(
        kind=Meeting.Kind.SEMINAR, slug="seminario-migracion-y-salud-2004",
        title_es="Seminario sobre Migración y Salud", title_en="Seminar on Migration and Health",
        start_date=datetime.date(2004, 10, 18), end_date=datetime.date(2004, 10, 19),
        time_zone="America/Guatemala", city="Ciudad de Guatemala", country=crm["countries"]["GT"],
        access_level="members",
    )  # fmt: skip
    return meeting


def upload(gallery, data: bytes, name: str, by, **fields):
    """Upload and run what waits for the commit (the worker's task, immediate in tests)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.item_upload(gallery=gallery, fileobj=io.BytesIO(data), name=name, by=by, **fields)


def described(item, by):
    return services.item_update(item=item, by=by, alt_es=f"Foto {item.pk}", alt_en=f"Photo {item.pk}",
                                caption_es=f"Leyenda {item.pk}", caption_en=f"Caption {item.pk}")  # fmt: skip


@pytest.fixture
def gallery(seminar, st_officer):
    """A published public gallery of the members-only seminar: a public photo of the opening, a
    members-only photo of a working session, and a members-only video with Spanish subtitles."""
    g = services.gallery_create(by=st_officer, meeting=seminar, title_es="Apertura", title_en="Opening",
                                access_level="public")  # fmt: skip
    opening = described(upload(g, generate.photo(hue=1), "apertura.jpg", st_officer), st_officer)
    session = described(upload(g, generate.photo(hue=5), "sesion.jpg", st_officer, access_level="members"), st_officer)
    clip = upload(g, generate.video(), "discurso.mp4", st_officer, access_level="members", video_kind="speech")
    services.subtitle_add(item=clip, language="es", name="discurso.srt", by=st_officer,
                          content=b"1\n00:00:00,000 --> 00:00:01,500\nBienvenidos al seminario\n")  # fmt: skip
    services.gallery_publish(gallery=g, by=st_officer)
    g.refresh_from_db()
    for item in (opening, session, clip):
        item.refresh_from_db()
    return {"gallery": g, "opening": opening, "session": session, "video": clip}
