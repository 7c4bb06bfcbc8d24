import datetime

import pytest
from django.urls import reverse

from secretaria.core.access import AccessLevel
from secretaria.meetings import ical, services
from secretaria.meetings.models import Meeting


def unfold(text: str) -> list[str]:
    """Parse iCalendar text back into logical lines (RFC 5545 §3.1)."""
    assert text.endswith("\r\n")
    physical = text.split("\r\n")[:-1]
    for line in physical:
        assert len(line.encode("utf-8")) <= 75, line
        assert "\n" not in line and "\r" not in line
    logical: list[str] = []
    for line in physical:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def events(text: str) -> list[dict[str, str]]:
    found, current = [], None
    for line in unfold(text):
        name, _sep, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif current is not None:
            current[name] = value
    return found


@pytest.fixture
def grcm_meeting(crm, st_officer):
    return services.meeting_create(
        by=st_officer, kind=Meeting.Kind.GRCM, slug="grcm-panama-2004-12",
        title_es="Reunión del GRCM, Panamá; diciembre, con un título largo para obligar a plegar la línea “ñandú”",
        title_en="RCGM meeting", start_date=datetime.date(2004, 12, 7), end_date=datetime.date(2004, 12, 8),
        city="Ciudad de Panamá", country=crm["countries"]["PA"], access_level=AccessLevel.MEMBERS,
        description_es="Primera línea\nSegunda línea, con coma; y punto y coma \\ barra",
    )  # fmt: skip


def test_it_escapes_and_folds_and_parses_back(seminar, grcm_meeting):
    text = ical.calendar([seminar, grcm_meeting], name="Prueba", lang="es")
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    parsed = events(text)
    assert len(parsed) == 2
    grcm = parsed[1]
    assert unescape(grcm["SUMMARY"]) == grcm_meeting.title_es
    assert unescape(grcm["DESCRIPTION"]) == grcm_meeting.description_es
    assert grcm["DTSTART;VALUE=DATE"] == "20041207"
    assert grcm["DTEND;VALUE=DATE"] == "20041209"  # exclusive end
    assert grcm["DTSTAMP"].endswith("Z") and len(grcm["DTSTAMP"]) == 16
    assert grcm["UID"].startswith(f"meeting-{grcm_meeting.pk}@")
    assert unescape(grcm["LOCATION"]) == "Ciudad de Panamá, Panamá"
    assert parsed[0]["UID"] != grcm["UID"]


def test_folding_never_splits_a_character():
    line = "SUMMARY:" + "ñ" * 100
    folded = ical.fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line


def test_a_cancelled_meeting_is_cancelled_in_calendars(seminar, st_officer):
    services.meeting_set_status(meeting=seminar, status="cancelled", by=st_officer, notice_es="Suspendido.")
    (event,) = events(ical.calendar([seminar], name="x", lang="es"))
    assert event["STATUS"] == "CANCELLED"
    assert unescape(event["DESCRIPTION"]).startswith("Suspendido.")


def test_the_public_feed_lists_public_meetings_only(seminar, grcm_meeting, client):
    response = client.get(reverse("meetings_feeds:public", kwargs={"lang": "en"}))
    assert response["Content-Type"].startswith("text/calendar")
    summaries = [unescape(e["SUMMARY"]) for e in events(response.content.decode())]
    assert summaries == ["Seminar on Migration and Health"]
    assert client.get("/ical/meetings-fr.ics").status_code == 404


def test_the_meeting_ics_follows_the_meetings_access(grcm_meeting, client, client_for, gt_official):
    url = reverse("meetings:ics", kwargs={"slug": grcm_meeting.slug})
    assert client.get(url).status_code == 404
    response = client_for(gt_official).get(url)
    assert response.status_code == 200
    assert len(events(response.content.decode())) == 1


def test_the_personal_feed_is_at_a_secret_regenerable_address(crm, gt_official, st_officer, client, client_for):
    network_meeting = services.meeting_create(
        by=st_officer, kind=Meeting.Kind.NETWORK, slug="red-consular-2004", title_es="Reunión de la Red consular",
        start_date=datetime.date(2004, 12, 6), end_date=datetime.date(2004, 12, 6), group=crm["groups"]["consular"],
        access_level=AccessLevel.GROUP, access_group=crm["groups"]["consular"],
    )  # fmt: skip
    services.meeting_create(
        by=st_officer, kind=Meeting.Kind.GRCM, slug="otra", title_es="Otra reunión",
        start_date=datetime.date(2004, 12, 7), end_date=datetime.date(2004, 12, 7), group=crm["groups"]["grcm"],
    )  # fmt: skip
    page = client_for(gt_official).get(reverse("meetings:feed_settings"))
    token = gt_official.calendar_token.token
    assert token in page.content.decode()
    url = reverse("meetings_feeds:personal", kwargs={"token": token, "lang": "es"})
    summaries = [unescape(e["SUMMARY"]) for e in events(client.get(url).content.decode())]
    assert summaries == [network_meeting.title_es]

    client_for(gt_official).post(reverse("meetings:feed_regenerate"))
    assert client.get(url).status_code == 404
    gt_official.calendar_token.refresh_from_db()
    new_url = reverse("meetings_feeds:personal", kwargs={"token": gt_official.calendar_token.token, "lang": "es"})
    assert client.get(new_url).status_code == 200


def test_the_feed_settings_need_an_account(client):
    response = client.get(reverse("meetings:feed_settings"))
    assert response.status_code == 302


def test_the_personal_feed_lists_meetings_the_person_is_invited_to_but_not_those_declined(
    crm, st_officer, hn_official, observer, client
):
    from secretaria.meetings.services import invitation_decline, invitations_create

    seminar = services.meeting_create(
        by=st_officer, kind=Meeting.Kind.SEMINAR, slug="seminario-salud", title_es="Seminario «Migración y Salud»",
        start_date=datetime.date(2004, 10, 18), end_date=datetime.date(2004, 10, 19),
    )  # fmt: skip
    workshop = services.meeting_create(
        by=st_officer, kind=Meeting.Kind.WORKSHOP, slug="taller-palermo", title_es="Taller sobre la Convención de Palermo",
        start_date=datetime.date(2004, 11, 10), end_date=datetime.date(2004, 11, 10),
    )  # fmt: skip
    invitations_create(meeting=seminar, by=st_officer, people=[hn_official.person, observer.person], send=False)
    declined = invitations_create(meeting=workshop, by=st_officer, people=[observer.person], send=False)
    invitation_decline(invitation=declined.created[0], by=observer)

    def feed(user):
        from secretaria.meetings.models import CalendarToken

        token = CalendarToken.objects.get_or_create(user=user)[0].token
        url = reverse("meetings_feeds:personal", kwargs={"token": token, "lang": "es"})
        return [unescape(e["SUMMARY"]) for e in events(client.get(url).content.decode())]

    assert feed(hn_official) == [seminar.title_es]
    assert feed(observer) == [seminar.title_es]  # the workshop was declined


def test_the_feeds_are_named_from_the_catalogue_in_the_feeds_language(crm, gt_official, client, client_for):
    from django.utils import translation

    def calname(url):
        body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        return next(line.split(":", 1)[1] for line in body.splitlines() if line.startswith("X-WR-CALNAME:"))

    assert calname(reverse("meetings_feeds:public", kwargs={"lang": "es"})) == "CRM - Reuniones"
    assert calname(reverse("meetings_feeds:public", kwargs={"lang": "en"})) == "RCM - Meetings"
    client_for(gt_official).get(reverse("meetings:feed_settings"))
    token = gt_official.calendar_token.token
    assert calname(reverse("meetings_feeds:personal", kwargs={"token": token, "lang": "es"})) == "CRM - Mis reuniones"
    assert calname(reverse("meetings_feeds:personal", kwargs={"token": token, "lang": "en"})) == "RCM - My meetings"
    # The names are translations, not a choice in the code: a corrected translation reaches the feed.
    catalog = translation.trans_real.translation("es")._catalog
    previous = catalog["RCM - Meetings"]
    catalog["RCM - Meetings"] = "CRM - Calendario de reuniones"
    try:
        assert calname(reverse("meetings_feeds:public", kwargs={"lang": "es"})) == "CRM - Calendario de reuniones"
    finally:
        catalog["RCM - Meetings"] = previous
