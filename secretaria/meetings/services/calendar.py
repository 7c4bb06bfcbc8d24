"""The secret token of a person's calendar feed."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from secretaria.meetings.models import CalendarToken
from secretaria.meetings.models.calendar import new_token


def calendar_token_for(*, user) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_regenerate(*, user) -> CalendarToken:
    """A new secret: the old feed address stops working at once."""
    token = calendar_token_for(user=user)
    token.token, token.created_at = new_token(), timezone.now()
    token.save(update_fields=["token", "created_at"])
    return token
