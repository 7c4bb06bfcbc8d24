"""iCalendar (RFC 5545) text for meetings, written by hand: no iCal library is installed.

Meetings are all-day events (DTSTART/DTEND as DATE values, DTEND exclusive), which is
what a multi-day conference is in a calendar, and needs no VTIMEZONE block.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone, translation

from secretaria.core.i18n import pick
from secretaria.meetings.models import Meeting

PRODID = "-//CRM Secretaria Tecnica//Secretaria Virtual//ES"


def escape_text(value: str) -> str:
    """TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets (§3.1), never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        # Step back to a character boundary (continuation bytes are 10xxxxxx).
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with one space
    return "\r\n ".join(parts)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _date(value: datetime.date) -> str:
    return value.strftime("%Y%m%d")


def _uid(meeting: Meeting) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"meeting-{meeting.pk}@{host}"


_STATUS = {Meeting.Status.CANCELLED: "CANCELLED", Meeting.Status.POSTPONED: "TENTATIVE"}


def event_lines(meeting: Meeting, lang: str, *, stamp: datetime.datetime) -> list[str]:
    place = ", ".join(
        part
        for part in [
            meeting.venue,
            meeting.city_in(lang),
            pick(meeting.country, "name", lang) if meeting.country else "",
        ]
        if part
    )
    description = pick(meeting, "description", lang)
    notice = pick(meeting, "status_notice", lang) if meeting.is_interrupted else ""
    if notice:
        description = f"{notice}\n\n{description}".strip()
    url = settings.SITE_URL + meeting.get_absolute_url()
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_uid(meeting)}",
        f"DTSTAMP:{_utc(stamp)}",
        f"LAST-MODIFIED:{_utc(meeting.updated_at)}",
        f"DTSTART;VALUE=DATE:{_date(meeting.start_date)}",
        f"DTEND;VALUE=DATE:{_date(meeting.end_date + datetime.timedelta(days=1))}",
        f"SUMMARY:{escape_text(pick(meeting, 'title', lang))}",
        f"STATUS:{_STATUS.get(meeting.status, 'CONFIRMED')}",
        "TRANSP:TRANSPARENT",
        f"CATEGORIES:{escape_text(meeting.get_kind_display())}",
        f"URL:{url}",
    ]
    if place:
        lines.append(f"LOCATION:{escape_text(place)}")
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append("END:VEVENT")
    return lines


def calendar(meetings: Iterable[Meeting], *, name: str, lang: str) -> str:
    """A VCALENDAR with one VEVENT per meeting, CRLF line ends, folded lines."""
    stamp = timezone.now()
    with translation.override(lang):
        return _calendar(meetings, name=name, lang=lang, stamp=stamp)


def _calendar(meetings, *, name: str, lang: str, stamp: datetime.datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for meeting in meetings:
        lines.extend(event_lines(meeting, lang, stamp=stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
