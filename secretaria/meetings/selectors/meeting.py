"""Reading meetings, always through the access policy."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from secretaria.core import access
from secretaria.directory.selectors import active_group_ids_for_person
from secretaria.meetings.models import Meeting
from secretaria.meetings.selectors.participants import invited_meeting_ids_for_person


def _base() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("country", "group").prefetch_related(
        "host_countries", "sponsor_countries", "sponsor_organizations"
    )


def meetings_visible_to(user) -> QuerySet[Meeting]:
    return _base().filter(access.visible_filter(user))


def meeting_for_page(slug: str, user) -> Meeting | None:
    """The meeting with ``slug`` if ``user`` may see it, else None (the page answers 404)."""
    return meetings_visible_to(user).filter(slug=slug).first()


def meeting_years(user) -> list[int]:
    dates = meetings_visible_to(user).dates("start_date", "year", order="DESC")
    return [d.year for d in dates]


def meetings_for_person(person, *, on: datetime.date | None = None) -> QuerySet[Meeting]:
    """The meetings a person takes part in, for their personal calendar.

    The meetings of the bodies and networks the person belongs to, and those the person is
    invited to or registered for (personally or named in a delegation), unless they declined
    or their registration was rejected or cancelled.
    """

    if person is None:
        return Meeting.objects.none()
    group_ids = active_group_ids_for_person(person.pk, on)
    invited_ids = invited_meeting_ids_for_person(person)
    return _base().filter(Q(group_id__in=group_ids) | Q(pk__in=invited_ids)).distinct()
