import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from secretaria.activity.models import Activity
from secretaria.core.access import AccessLevel
from secretaria.meetings import services
from secretaria.meetings.models import Meeting


def make(st_officer, slug, *, days_from_today, kind=Meeting.Kind.WORKSHOP, **fields):
    start = timezone.localdate() + datetime.timedelta(days=days_from_today)
    fields.setdefault("title_es", f"Reunión {slug}")
    return services.meeting_create(by=st_officer, kind=kind, slug=slug, start_date=start, end_date=start, **fields)


def test_the_list_shows_upcoming_meetings_and_past_ones_on_request(seminar, st_officer, client):
    # The default view (upcoming and recent together) is tested in test_meeting_archive_navigation.py.
    make(st_officer, "taller-palermo", days_from_today=-200, title_es="Taller sobre la Convención de Palermo")
    page = client.get(reverse("meetings:list"), {"when": "upcoming"}).content.decode()
    assert "Seminario Migración y Salud" in page and "Palermo" not in page
    page = client.get(reverse("meetings:list"), {"when": "past"}).content.decode()
    assert "Palermo" in page and "Seminario Migración y Salud" not in page


def test_the_list_filters_by_kind_country_and_year(seminar, st_officer, crm, client):
    make(st_officer, "grcm", days_from_today=10, kind=Meeting.Kind.GRCM, country=crm["countries"]["PA"],
         title_es="Reunión del GRCM en Ciudad de Panamá")  # fmt: skip
    url = reverse("meetings:list")
    assert "Reunión del GRCM en Ciudad de Panamá" not in client.get(url, {"kind": "seminar"}).content.decode()
    page = client.get(url, {"country": "PA"}).content.decode()
    assert "Reunión del GRCM en Ciudad de Panamá" in page and "Seminario Migración y Salud" not in page
    page = client.get(url, {"when": "all", "year": seminar.start_date.year}).content.decode()
    assert "Seminario Migración y Salud" in page
    assert client.get(url, {"year": "abc", "country": "ZZ", "kind": "x"}).status_code == 200


def test_the_list_hides_what_the_visitor_may_not_see(st_officer, crm, client, client_for, gt_official, observer):
    make(st_officer, "solo-miembros", days_from_today=5, title_es="Reunión solo de miembros",
         access_level=AccessLevel.MEMBERS)  # fmt: skip
    make(st_officer, "red", days_from_today=6, title_es="Reunión de la red", access_level=AccessLevel.GROUP,
         access_group=crm["groups"]["consular"])  # fmt: skip
    url = reverse("meetings:list")
    assert "solo de miembros" not in client.get(url).content.decode()
    assert "solo de miembros" not in client_for(observer).get(url).content.decode()
    page = client_for(gt_official).get(url).content.decode()
    assert "solo de miembros" in page and "Reunión de la red" in page
    assert client.get(reverse("meetings:detail", kwargs={"slug": "solo-miembros"})).status_code == 404
    assert client_for(observer).get(reverse("meetings:detail", kwargs={"slug": "red"})).status_code == 404


def test_the_list_makes_a_constant_number_of_queries(st_officer, crm, client, count_queries):
    def add(numbers):
        for n in numbers:
            make(st_officer, f"m{n}", days_from_today=n, country=crm["countries"]["GT"],
                 sponsor_countries=[crm["countries"]["CA"]])  # fmt: skip

    cards = []

    def listing():
        cards.append(client.get(reverse("meetings:list")).content.decode().count('class="card"'))

    add(range(3))
    few = count_queries(listing)
    add(range(3, 30))
    assert count_queries(listing) == few
    assert cards == [3, 30]


def test_the_meeting_page_shows_its_facts(seminar, client):
    page = client.get(seminar.get_absolute_url()).content.decode()
    assert "Hotel Camino Real" in page
    assert "Canadá" in page and "México" in page
    assert reverse("meetings:ics", kwargs={"slug": seminar.slug}) in page
    assert "El programa se publicará cuando la Presidencia Pro-Témpore apruebe la agenda." in page


def test_the_pro_tempore_presidency_at_the_time_is_shown(seminar, crm, client):
    # The seminar starts in 30 days; Panama holds the PPT from 100 days ago, open-ended.
    assert "Panamá" in client.get(seminar.get_absolute_url()).content.decode()


def test_a_cancelled_meeting_shows_its_notice(seminar, st_officer, client_for, client):
    response = client_for(st_officer).post(
        reverse("meetings:status", kwargs={"slug": seminar.slug}),
        {"status": "postponed", "notice_es": "Se aplaza por el huracán.", "notice_en": "Postponed: hurricane."},
    )
    assert response.status_code == 302
    page = client.get(seminar.get_absolute_url()).content.decode()
    assert "Se aplaza por el huracán." in page
    assert Activity.objects.filter(meeting=seminar, kind="meeting_status_changed").exists()


def test_a_bad_status_change_is_a_message_not_an_error(seminar, st_officer, client_for):
    st = client_for(st_officer)
    url = reverse("meetings:status", kwargs={"slug": seminar.slug})
    response = st.post(url, {"status": "cancelled"}, follow=True)
    assert response.status_code == 200
    seminar.refresh_from_db()
    assert seminar.status == "planned"
    assert st.post(url, {"status": "nonsense"}).status_code == 302


def test_only_the_secretariat_changes_the_status(seminar, ppt_official, client_for):
    url = reverse("meetings:status", kwargs={"slug": seminar.slug})
    assert client_for(ppt_official).post(url, {"status": "held"}).status_code == 403


def test_the_calendar_shows_the_month_and_the_list(seminar, client):
    url = reverse("meetings:calendar")
    page = client.get(url, {"year": seminar.start_date.year, "month": seminar.start_date.month}).content.decode()
    assert "Seminario Migración y Salud" in page
    page = client.get(url, {"view": "list", "kind": "seminar"}).content.decode()
    assert "Seminario Migración y Salud" in page
    assert "Seminario Migración y Salud" not in client.get(url, {"view": "list", "kind": "grcm"}).content.decode()
    for bad in ({"year": "x", "month": "13"}, {"year": "1", "month": "1"}, {"year": "9999", "month": "12"}):
        assert client.get(url, bad).status_code == 200


def test_logistics_are_published_by_the_secretariat(seminar, st_officer, client, client_for):
    edit = reverse("meetings:logistics_edit", kwargs={"slug": seminar.slug})
    page = reverse("meetings:logistics", kwargs={"slug": seminar.slug})
    st = client_for(st_officer)
    st.post(edit, {"venue_es": "**Hotel Camino Real**, 14 calle y avenida La Reforma", "is_published": ""})
    assert client.get(page).status_code == 404
    assert "<strong>Hotel Camino Real</strong>" in st.get(page).content.decode()
    assert not Activity.objects.filter(kind="logistics_published").exists()
    st.post(edit, {"venue_es": "**Hotel Camino Real**", "hotels_es": "Tarifa preferencial.", "is_published": "on"})
    assert "Tarifa preferencial." in client.get(page).content.decode()
    assert Activity.objects.filter(kind="logistics_published", meeting=seminar).count() == 1
    assert client_for(st_officer).get(seminar.get_absolute_url()).status_code == 200


def test_logistics_markdown_is_sanitised(seminar, st_officer, client, client_for):
    services.logistics_save(meeting=seminar, by=st_officer, is_published=True,
                            contacts_es="<script>alert(1)</script>Correo: st@crm.int")  # fmt: skip
    page = client.get(reverse("meetings:logistics", kwargs={"slug": seminar.slug})).content.decode()
    assert "<script>alert(1)" not in page and "st@crm.int" in page


@pytest.mark.parametrize("persona", ["ppt_official", "gt_official", "observer", "civil_society"])
def test_the_activity_record_is_for_the_secretariat(persona, request, client_for, seminar):
    assert client_for(request.getfixturevalue(persona)).get(reverse("meetings:activity")).status_code == 403


def test_the_activity_record_lists_by_period_and_meeting(seminar, st_officer, client_for):
    services.meeting_set_status(meeting=seminar, status="invitations_sent", by=st_officer,
                                on=timezone.make_aware(datetime.datetime(2004, 9, 20, 10)))  # fmt: skip
    st = client_for(st_officer)
    url = reverse("meetings:activity")
    page = st.get(url, {"start": "2004-07-01", "end": "2004-12-31"}).content.decode()
    assert "estado «prevista» → «invitaciones enviadas»" in page  # the Spanish summary (an /es/ page)
    assert "Reunión creada: Seminario" not in page  # recorded today, outside the period
    page = st.get(url, {"start": "", "end": "", "meeting": seminar.pk}).content.decode()
    assert "Seminario Migración y Salud" in page
    assert st.get(url, {"start": "2004-12-31", "end": "2004-01-01"}).status_code == 200


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_meeting_page_makes_the_same_number_of_queries_whatever_the_agenda_length(
    draft, st_officer, ppt_official, speaker, client
):
    # The small agenda has a moderator too: Django skips a prefetch with nothing to fetch.
    services.agenda_item_save(version=draft, by=st_officer, item=draft.items.first(), moderators=[speaker])
    services.agenda_submit(version=draft, by=st_officer)
    services.agenda_approve(version=draft, by=ppt_official)
    small = _queries(client, draft.meeting.get_absolute_url())
    version = services.agenda_start_draft(meeting=draft.meeting, by=st_officer)
    for n in range(40):
        services.agenda_item_save(version=version, by=st_officer, title_es=f"Punto {n}", speakers=[speaker],
                                  moderators=[speaker], day=draft.meeting.start_date)  # fmt: skip
    services.agenda_submit(version=version, by=st_officer)
    services.agenda_approve(version=version, by=ppt_official)
    assert _queries(client, draft.meeting.get_absolute_url()) == small


def test_the_services_link_is_for_the_secretariat_and_the_ppt(
    seminar, st_officer, ppt_official, gt_official, client_for
):
    services_url = reverse("meetings:services", kwargs={"slug": seminar.slug})
    assert services_url in client_for(st_officer).get(seminar.get_absolute_url()).content.decode()
    assert services_url in client_for(ppt_official).get(seminar.get_absolute_url()).content.decode()
    assert services_url not in client_for(gt_official).get(seminar.get_absolute_url()).content.decode()


def test_the_secretariat_creates_and_edits_a_meeting(crm, st_officer, ppt_official, client_for):
    st = client_for(st_officer)
    data = {
        "kind": "workshop", "slug": "taller-palermo", "title_es": "Taller sobre la Convención de Palermo",
        "start_date": "2004-12-06", "end_date": "2004-12-05", "time_zone": "America/Panama",
        "country": crm["countries"]["PA"].pk, "access_level": "public", "working_languages": ["es", "en"],
    }  # fmt: skip
    response = st.post(reverse("meetings:create"), data)
    assert response.status_code == 200 and not Meeting.objects.exists()  # ends before it starts
    data["end_date"] = "2004-12-06"
    response = st.post(reverse("meetings:create"), data)
    meeting = Meeting.objects.get(slug="taller-palermo")
    assert response.url == meeting.get_absolute_url()
    assert meeting.working_languages == ["es", "en"] and meeting.created_by == st_officer
    assert Activity.objects.filter(meeting=meeting, kind="meeting_created", actor=st_officer).exists()
    data["venue"] = "Hotel El Panamá"
    st.post(reverse("meetings:edit", kwargs={"slug": meeting.slug}), data)
    meeting.refresh_from_db()
    assert meeting.venue == "Hotel El Panamá"
    assert client_for(ppt_official).get(reverse("meetings:create")).status_code == 403
    assert (
        client_for(ppt_official).post(reverse("meetings:edit", kwargs={"slug": meeting.slug}), data).status_code == 403
    )
