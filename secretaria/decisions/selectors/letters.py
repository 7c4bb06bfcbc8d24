"""Reads of follow-up letters."""

from __future__ import annotations

from django.db.models import QuerySet

from secretaria.decisions.models import (
    FollowUpLetter,
)


def letters_for_meeting(meeting) -> QuerySet[FollowUpLetter]:
    return (
        FollowUpLetter.objects.filter(meeting=meeting)
        .select_related("country", "created_by")
        .order_by("-letter_date", "country__name_es", "-pk")
    )
