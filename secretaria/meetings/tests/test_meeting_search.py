"""Meetings, their approved agendas and their logistics pages in the site search."""

from django.urls import reverse
from django.utils import translation

from secretaria.core.access import AccessLevel
from secretaria.meetings import services
from secretaria.search.backends import SearchFilters
from secretaria.search.selectors import search


def hits(q, user=None, **kwargs):
    return search(user=user, q=q, per_page=100, **kwargs).hits


def kinds(q, user=None):
    return [hit.kind for hit in hits(q, user)]


def test_a_meeting_is_found_by_its_title_place_and_description(seminar):
    services.meeting_update(meeting=seminar, description_es="Reunión técnica sobre la salud de los migrantes.")
    for q in ("Seminario Migración y Salud", "Camino Real", "Guatemala", "salud migrantes"):
        found = [hit for hit in hits(q) if hit.kind == "meeting"]
        assert found, q
        assert found[0].url == reverse("meetings:detail", kwargs={"slug": seminar.slug})
        assert found[0].kind_label == "Reuniones"  # the type is shown on each hit


def test_the_workshop_is_found_by_palermo(crm, st_officer):
    import datetime

    services.meeting_create(
        by=st_officer, kind="workshop", slug="taller-palermo", title_es="Taller sobre la Convención de Palermo",
        title_en="Workshop on the Palermo Convention", start_date=datetime.date(2004, 12, 6),
        end_date=datetime.date(2004, 12, 6), city="Panamá", country=crm["countries"]["PA"],
    )  # fmt: skip
    assert "meeting" in kinds("palermo")
    with translation.override("en"):
        hit = next(h for h in hits("palermo") if h.kind == "meeting")
    assert hit.title == "Workshop on the Palermo Convention"


def test_a_members_meeting_is_found_only_by_those_who_may_see_it(seminar, gt_official, observer):
    services.meeting_update(meeting=seminar, access_level=AccessLevel.MEMBERS)
    assert "meeting" not in kinds("Seminario")
    assert "meeting" not in kinds("Seminario", observer)
    assert "meeting" in kinds("Seminario", gt_official)


def test_an_agenda_is_found_once_approved_with_its_items_and_speakers(draft, st_officer, ppt_official):
    assert "agenda" not in kinds("VIH")  # a draft is for the Secretariat and the PPT
    services.agenda_submit(version=draft, by=st_officer)
    assert "agenda" not in kinds("VIH", st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    found = [hit for hit in hits("VIH") if hit.kind == "agenda"]
    assert len(found) == 1
    assert found[0].url == reverse("meetings:agenda_version", kwargs={"slug": draft.meeting.slug, "pk": draft.pk})
    assert "agenda" in kinds("Reneau")  # the speaker
    assert found[0].title == "Agenda preliminar: Seminario Migración y Salud"
    with translation.override("en"):
        hit = next(h for h in hits("HIV") if h.kind == "agenda")
    assert hit.title == "Preliminary agenda: Seminar on Migration and Health"
    assert "<mark>HIV</mark>" in hit.snippet and "VIH" not in hit.snippet


def test_an_approved_agenda_follows_its_meetings_access_level(draft, st_officer, ppt_official, observer, gt_official):
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    services.meeting_update(meeting=draft.meeting, access_level=AccessLevel.MEMBERS)
    assert "agenda" not in kinds("VIH")
    assert "agenda" not in kinds("VIH", observer)
    assert "agenda" in kinds("VIH", gt_official)


def test_logistics_are_found_once_published(seminar, st_officer):
    services.logistics_save(meeting=seminar, by=st_officer, hotels_es="Hotel Intercontinental, tarifa especial.")
    assert "logistics" not in kinds("Intercontinental", st_officer)
    services.logistics_save(meeting=seminar, by=st_officer, is_published=True)
    found = [hit for hit in hits("Intercontinental") if hit.kind == "logistics"]
    assert found and found[0].url == reverse("meetings:logistics", kwargs={"slug": seminar.slug})
    services.logistics_save(meeting=seminar, by=st_officer, is_published=False)
    assert "logistics" not in kinds("Intercontinental", st_officer)


def test_the_meeting_facet_shows_the_meetings_title_in_the_readers_language(seminar, client):
    facet = {f.field: f for f in search(user=None, q="Seminario").facets}["meeting_id"]
    assert [(v.value, v.label) for v in facet.values] == [(str(seminar.pk), "Seminario Migración y Salud")]
    with translation.override("en"):
        facet = {f.field: f for f in search(user=None, q="Seminario").facets}["meeting_id"]
    assert facet.values[0].label == "Seminar on Migration and Health"
    html = client.get("/en/search/", {"q": "seminar"}).content.decode()
    assert "Seminar on Migration and Health</a>" in html
    assert f">{seminar.pk}</a>" not in html


def test_the_country_facet_is_where_the_meeting_is_held(seminar):
    assert {v.value for f in search(user=None, q="Seminario").facets if f.field == "country" for v in f.values} == {
        "GT"
    }
    assert [h.kind for h in search(user=None, q="Seminario", filters=SearchFilters(country="GT")).hits] == ["meeting"]


def test_reindex_rebuilds_the_meetings_entries(draft, st_officer, ppt_official):
    from secretaria.search.models import SearchIndexEntry
    from secretaria.search.services import reindex

    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    services.logistics_save(meeting=draft.meeting, by=st_officer, venue_es="Sala Tikal", is_published=True)
    before = set(SearchIndexEntry.objects.values_list("kind", "object_id"))
    SearchIndexEntry.objects.all().delete()
    counts = reindex(progress=False)
    assert counts["meeting"] == 1 and counts["agenda"] == 1 and counts["logistics"] == 1
    meetings_kinds = {"meeting", "agenda", "logistics"}
    after = set(SearchIndexEntry.objects.filter(kind__in=meetings_kinds).values_list("kind", "object_id"))
    assert after == {row for row in before if row[0] in meetings_kinds}
    assert "logistics" in kinds("Tikal")


def test_a_meeting_deleted_in_the_admin_leaves_the_search(seminar, admin_user, client_for):
    from secretaria.meetings.models import Meeting

    client = client_for(admin_user)
    response = client.post(reverse("admin:meetings_meeting_delete", args=[seminar.pk]), {"post": "yes"})
    assert response.status_code == 302 and not Meeting.objects.filter(pk=seminar.pk).exists()
    assert "meeting" not in kinds("Seminario")
