"""Reads of the directory, with their related rows fetched once."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from secretaria.directory.models import Country, Membership, Person, Post, PresidencyTerm, Term


def _active_on(on: datetime.date) -> Q:
    return (Q(start__isnull=True) | Q(start__lte=on)) & (Q(end__isnull=True) | Q(end__gte=on))


def presidency_on(on: datetime.date) -> PresidencyTerm | None:
    """The Pro-Tempore Presidency term running on ``on``, if any."""
    return PresidencyTerm.objects.filter(_active_on(on)).select_related("country").order_by("-start").first()


def presidency_history() -> QuerySet[PresidencyTerm]:
    return PresidencyTerm.objects.select_related("country").order_by("-start")


def post_holder_on(post: Post, on: datetime.date) -> Person | None:
    """Who held ``post`` on ``on``."""
    term = post.terms.filter(_active_on(on)).select_related("person").order_by("-start").first()
    return term.person if term else None


def post_terms(post: Post) -> QuerySet[Term]:
    return post.terms.select_related("person", "person__organization").order_by("-start")


def active_group_ids_for_person(person_id: int, on: datetime.date | None = None) -> list[int]:
    on = on or timezone.localdate()
    return list(
        Membership.objects.filter(_active_on(on), person_id=person_id, group__is_active=True)
        .values_list("group_id", flat=True)
        .distinct()
    )


def member_countries() -> QuerySet[Country]:
    return Country.objects.filter(status=Country.Status.MEMBER).order_by("name_es")
