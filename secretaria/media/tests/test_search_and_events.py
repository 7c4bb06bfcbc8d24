"""Galleries and videos in the site search with access filtering, and the gallery.published event."""

from secretaria.comms.kinds import event_kinds
from secretaria.media import services
from secretaria.media.mailing import render_gallery_published
from secretaria.media.search import stricter
from secretaria.outbox.models import Event
from secretaria.search.selectors import search


def _kinds(user, q):
    return {(hit.kind, hit.object_id) for hit in search(user=user, q=q).hits}


def test_the_transcript_is_found_by_who_may_see_the_video_only(gallery, st_officer, gt_official, observer):
    video = gallery["video"]
    services.item_update(item=video, by=st_officer, transcript_es="La salud de los migrantes en tránsito")
    assert ("video", video.pk) in _kinds(gt_official, "tránsito")
    assert ("video", video.pk) not in _kinds(observer, "tránsito")
    assert ("video", video.pk) not in _kinds(None, "tránsito")


def test_the_gallery_is_found_by_its_title_and_only_the_captions_all_its_readers_may_see(gallery, st_officer):
    services.item_update(item=gallery["opening"], by=st_officer, caption_es="Inauguración con el canciller")
    services.item_update(item=gallery["session"], by=st_officer, caption_es="Mesa reservada de delegados")
    assert ("gallery", gallery["gallery"].pk) in _kinds(None, "Apertura")
    assert ("gallery", gallery["gallery"].pk) in _kinds(None, "canciller")
    assert ("gallery", gallery["gallery"].pk) not in _kinds(None, "reservada")


def test_a_draft_gallery_is_not_in_the_search(gallery, st_officer):
    services.gallery_unpublish(gallery=gallery["gallery"], by=st_officer)
    assert not _kinds(None, "Apertura")


def test_stricter_levels():
    assert stricter(("public", None), ("members", None)) == ("members", None)
    assert stricter(("observers", None), ("registered", None)) == ("observers", None)
    assert stricter(("group", 3), ("public", None)) == ("group", 3)
    assert stricter(("group", 3), ("members", None)) == ("secretariat", None)
    assert stricter(("group", 3), ("group", 4)) == ("secretariat", None)


def test_publishing_writes_an_outbox_event_the_lists_can_announce(gallery):
    event = Event.objects.get(kind="gallery.published")
    assert event.payload["gallery_id"] == gallery["gallery"].pk
    assert event.payload["meeting_id"] == gallery["gallery"].meeting_id
    assert "gallery.published" in event_kinds()
    item = render_gallery_published(event)
    assert item.access_level == "public"
    assert item.subject["es"].endswith("Apertura")
    assert item.subject["en"] == "New photos and videos: Opening"
    assert item.meeting_id == gallery["gallery"].meeting_id
