"""A crawl of the site as the anonymous visitor, an observer and a civil-society user finds no
restricted photo, thumbnail, poster or subtitle; asking for each file directly gets nothing either."""

import re
from urllib.parse import urljoin, urlparse

import pytest
from django.urls import reverse

from secretaria.media.models import MediaFile

FILE_RE = re.compile(r"/f/([0-9a-f-]{36})")
LINK_RE = re.compile(r'(?:href|src)="([^"#]+)"')


def crawl(client, starts, limit=120):
    seen, queue, files = set(), list(starts), set()
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if (
            response.status_code != 200
            or "text/html" not in response.get("Content-Type", "")
            and "json" not in response.get("Content-Type", "")
        ):
            continue
        text = response.content.decode()
        files.update(FILE_RE.findall(text))
        for link in LINK_RE.findall(text):
            target = urlparse(urljoin(url, link.replace("&amp;", "&")))
            if target.netloc or not target.path.startswith(("/es/", "/en/", "/api/")):
                continue
            if "/f/" in target.path or "logout" in target.path or "download" in target.query:
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return files, seen


@pytest.fixture
def second_gallery(gallery, st_officer):
    """A members-only gallery of the same meeting: nothing of it may reach the personas below members."""
    from secretaria.media import generate, services
    from secretaria.media.tests.conftest import described, upload

    g = services.gallery_create(by=st_officer, meeting=gallery["gallery"].meeting, title_es="Reservada",
                                access_level="members")  # fmt: skip
    photo = described(upload(g, generate.photo(hue=30), "reservada.jpg", st_officer, access_level="public"), st_officer)
    services.gallery_publish(gallery=g, by=st_officer)
    return photo


@pytest.mark.parametrize("persona", ["anonymous", "observer", "civil_society"])
def test_a_crawl_finds_no_restricted_media(persona, gallery, second_gallery, request, client_for):
    client = (
        request.getfixturevalue("anonymous") if persona == "anonymous" else client_for(request.getfixturevalue(persona))
    )
    meeting = gallery["gallery"].meeting
    starts = [
        reverse("media:galleries"),
        reverse("media:gallery", kwargs={"uid": gallery["gallery"].uid}),
        reverse("media:gallery", kwargs={"uid": second_gallery.gallery.uid}),
        meeting.get_absolute_url(),
        reverse("search:search") + "?q=Apertura",
        "/api/v1/media/galleries",
        f"/api/v1/meetings/{meeting.slug}/media",
        "/es/",
    ]
    found, seen = crawl(client, starts)
    allowed = {str(f.uid) for f in gallery["opening"].files.exclude(role="original")}
    assert found, "the crawl reached the public photo"
    assert found <= allowed, f"restricted files reached {persona}: {found - allowed}"
    # Every file, asked for by its identifier, is refused unless it is the public opening photo's.
    for media_file in MediaFile.objects.all():
        status = client.get(reverse("media:file", kwargs={"uid": media_file.uid})).status_code
        assert status == (200 if str(media_file.uid) in allowed else 404), (
            media_file.role,
            media_file.item.original_name,
        )
