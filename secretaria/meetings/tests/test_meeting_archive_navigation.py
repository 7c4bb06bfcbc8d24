"""An archive's meetings can be reached: upcoming and recent together, by year, by month, on the home page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from secretaria.core.access import AccessLevel
from secretaria.meetings import services
from secretaria.meetings.models import Meeting


def on(st_officer, slug, start, *, days=1, **fields):
    fields.setdefault("title_es", f"Reunión {slug}")
    return services.meeting_create(
        by=st_officer, kind=Meeting.Kind.WORKSHOP, slug=slug, start_date=start,
        end_date=start + datetime.timedelta(days=days - 1), **fields,
    )  # fmt: skip


@pytest.fixture
def archive(st_officer):
    """Only meetings of 2004, as in the seeded archive: nothing is upcoming."""
    return {
        "crm": on(st_officer, "ix-crm", datetime.date(2004, 5, 20), days=2, title_es="IX Conferencia Regional"),
        "seminar": on(st_officer, "seminario", datetime.date(2004, 10, 18), days=2, title_es="Seminario de salud"),
        "old": on(st_officer, "viii-crm", datetime.date(2003, 5, 12), title_es="VIII Conferencia Regional"),
    }


def test_the_list_opens_on_upcoming_and_recent_meetings_so_an_archive_is_not_empty(archive, client):
    page = client.get(reverse("meetings:list")).content.decode()
    assert "Próximas reuniones y reuniones en curso" in page
    assert "Ninguna reunión próxima coincide con estos filtros." in page
    assert "Reuniones recientes" in page
    assert page.index("Seminario de salud") < page.index("IX Conferencia Regional") < page.index("VIII Conferencia")


def test_the_list_shows_an_upcoming_meeting_above_the_recent_ones(archive, st_officer, client):
    on(st_officer, "futura", timezone.localdate() + datetime.timedelta(days=20), title_es="Taller próximo")
    page = client.get(reverse("meetings:list")).content.decode()
    assert page.index("Taller próximo") < page.index("Reuniones recientes") < page.index("Seminario de salud")


def test_the_list_links_every_year_and_lists_one_year(archive, client):
    page = client.get(reverse("meetings:list")).content.decode()
    assert 'href="?year=2004"' in page and 'href="?year=2003"' in page
    page = client.get(reverse("meetings:list"), {"year": 2003}).content.decode()
    assert "Reuniones de 2003" in page
    assert "VIII Conferencia Regional" in page and "IX Conferencia Regional" not in page
    assert 'href="?year=2003" aria-current="page"' in page


def test_the_year_links_show_only_years_the_visitor_may_see(st_officer, client, client_for, gt_official):
    on(st_officer, "secreta", datetime.date(1999, 3, 1), access_level=AccessLevel.MEMBERS)
    assert "?year=1999" not in client.get(reverse("meetings:list")).content.decode()
    assert "?year=1999" in client_for(gt_official).get(reverse("meetings:list")).content.decode()


def test_the_calendar_jumps_to_a_month_and_year_with_a_plain_form(archive, client):
    page = client.get(reverse("meetings:calendar")).content.decode()
    assert '<select id="jump-month" name="month">' in page
    assert '<option value="2004">2004</option>' in page and '<option value="2003">2003</option>' in page
    page = client.get(reverse("meetings:calendar"), {"month": 10, "year": 2004}).content.decode()
    assert "Octubre 2004" in page or "Octubre de 2004" in page
    assert "Seminario de salud" in page
    assert '<option value="10" selected>Octubre</option>' in page


def test_the_calendar_links_the_nearest_meetings_before_and_after_an_empty_month(archive, client):
    page = client.get(reverse("meetings:calendar"), {"month": 8, "year": 2004}).content.decode()
    assert "1 reunión este mes" not in page
    assert 'href="?year=2004&amp;month=5"' in page and "Anterior: IX Conferencia Regional" in page
    assert 'href="?year=2004&amp;month=10"' in page and "Siguiente: Seminario de salud" in page
    # From today, the archive is one click away.
    page = client.get(reverse("meetings:calendar")).content.decode()
    assert 'href="?year=2004&amp;month=10"' in page


def test_the_home_page_shows_the_most_recent_meetings_when_none_is_coming(archive, client):
    page = client.get(reverse("portal:home")).content.decode()
    assert "Reuniones más recientes" in page
    assert page.index("Seminario de salud") < page.index("IX Conferencia Regional")


def test_the_home_page_shows_current_and_upcoming_meetings_first(archive, st_officer, client):
    today = timezone.localdate()
    on(st_officer, "en-curso", today - datetime.timedelta(days=1), days=3, title_es="Reunión en curso hoy")
    on(st_officer, "futura", today + datetime.timedelta(days=9), title_es="Taller próximo")
    on(st_officer, "reservada", today + datetime.timedelta(days=5), title_es="Reunión reservada",
       access_level=AccessLevel.MEMBERS)  # fmt: skip
    page = client.get(reverse("portal:home")).content.decode()
    assert "Reuniones en curso y próximas" in page and "En curso" in page
    assert page.index("Reunión en curso hoy") < page.index("Taller próximo")
    assert "Seminario de salud" not in page and "Reunión reservada" not in page
