"""The dates the portal demo is written in."""

import datetime
import zoneinfo

CR = zoneinfo.ZoneInfo("America/Costa_Rica")


def at(year, month, day, hour=9):
    """A moment of 2004 in San José, where the Secretariat publishes."""
    return datetime.datetime(year, month, day, hour, 0, tzinfo=CR)
