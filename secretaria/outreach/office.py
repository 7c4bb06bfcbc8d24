"""The Secretariat's office calendar: response times are counted in office hours only.

Monday to Friday, 08:00–16:00 in San José (settings.OUTREACH_OFFICE_HOURS), without Costa
Rica's public holidays (the ``holidays`` package). Intervals when the inquiry waited for the
requester are left out: the clock is paused then.
"""

from __future__ import annotations

import datetime
import functools
import zoneinfo
from collections.abc import Iterable

import holidays
from django.conf import settings

OFFICE_TZ = zoneinfo.ZoneInfo("America/Costa_Rica")


def _hours() -> tuple[int, int]:
    start, end = getattr(settings, "OUTREACH_OFFICE_HOURS", (8, 16))
    return int(start), int(end)


@functools.lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("CR", years=year).keys())


def is_office_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def _office_seconds(start: datetime.datetime, end: datetime.datetime) -> float:
    if end <= start:
        return 0.0
    start, end = start.astimezone(OFFICE_TZ), end.astimezone(OFFICE_TZ)
    open_h, close_h = _hours()
    total = 0.0
    day = start.date()
    while day <= end.date():
        if is_office_day(day):
            opens = datetime.datetime.combine(day, datetime.time(open_h), OFFICE_TZ)
            closes = datetime.datetime.combine(day, datetime.time(close_h), OFFICE_TZ)
            lo, hi = max(opens, start), min(closes, end)
            if hi > lo:
                total += (hi - lo).total_seconds()
        day += datetime.timedelta(days=1)
    return total


def office_hours_between(
    start: datetime.datetime, end: datetime.datetime, paused: Iterable[tuple[datetime.datetime, datetime.datetime]] = ()
) -> float:
    """Office hours from ``start`` to ``end``, less the office hours of the ``paused`` intervals."""
    total = _office_seconds(start, end)
    for lo, hi in paused:
        lo, hi = max(lo, start), min(hi, end)
        total -= _office_seconds(lo, hi)
    return round(max(total, 0.0) / 3600, 2)
