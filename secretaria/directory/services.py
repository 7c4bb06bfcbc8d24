"""Writes to the directory: appointments, presidencies and group memberships.

History is kept: terms and memberships are ended, never deleted, so "who held this post on
that date" can always be answered.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from secretaria.core.audit import audit_record
from secretaria.directory import changes
from secretaria.directory.models import Country, Group, Membership, Person, Post, PresidencyTerm, Term

ONE_DAY = datetime.timedelta(days=1)


def _overlapping(queryset, *, start: datetime.date, end: datetime.date | None):
    """Rows of ``queryset`` (with start/end) that share at least one day with [start, end]."""
    q = Q(end__isnull=True) | Q(end__gte=start)
    if end is not None:
        q &= Q(start__lte=end)
    return queryset.filter(q)


def _audit(kind: str, *, by, target, **data) -> None:
    if by is not None:
        audit_record(kind=kind, actor=by, target=str(target), **data)


@transaction.atomic
def term_start(
    *,
    post: Post,
    person: Person,
    start: datetime.date,
    end: datetime.date | None = None,
    note: str = "",
    by=None,
) -> Term:
    """Appoint ``person`` to ``post`` from ``start``.

    A predecessor whose term is still open and began earlier is ended the day before.
    Any other overlap with a recorded term is refused: the history must stay unambiguous.
    """
    if end is not None and end < start:
        raise ValidationError({"end": _("A term cannot end before it starts.")})
    terms = Term.objects.select_for_update().filter(post=post)
    running = terms.filter(end__isnull=True, start__lt=start).order_by("-start").first()
    if running is not None:
        running.end = start - ONE_DAY
        running.save(update_fields=["end"])
        _audit("directory.term_end", by=by, target=running, end=running.end.isoformat())
    clash = _overlapping(terms, start=start, end=end).select_related("person").order_by("start").first()
    if clash is not None:
        raise ValidationError(
            _("%(person)s already holds this post from %(start)s to %(end)s; the new term would overlap it.")
            % {
                "person": clash.person.full_name,
                "start": date_format(clash.start),
                "end": date_format(clash.end) if clash.end else _("today"),
            }
        )
    term = Term(post=post, person=person, start=start, end=end, note=note)
    term.full_clean()
    term.save()
    _audit("directory.term_start", by=by, target=term, post=post.slug, start=start.isoformat())
    if running is not None:
        changes.changed(running.person)
    changes.changed(person)  # the posts a person holds are part of what the search finds
    return term


@transaction.atomic
def term_end(*, term: Term, end: datetime.date, by=None) -> Term:
    """End ``term`` on ``end`` (the last day in office)."""
    if end < term.start:
        raise ValidationError({"end": _("A term cannot end before it starts.")})
    later = Term.objects.filter(post_id=term.post_id, start__gt=term.start, start__lte=end).exclude(pk=term.pk)
    if later.exists():
        raise ValidationError({"end": _("A successor already holds this post on that date.")})
    term.end = end
    term.save(update_fields=["end"])
    _audit("directory.term_end", by=by, target=term, end=end.isoformat())
    changes.changed(term.person)
    return term


@transaction.atomic
def presidency_designate(*, country: Country, start: datetime.date, note: str = "", by=None) -> PresidencyTerm:
    """Hand the Pro-Tempore Presidency to ``country`` from ``start``; the running term ends the day before."""
    if not country.is_member:
        raise ValidationError({"country": _("Only a member state can hold the Pro-Tempore Presidency.")})
    terms = PresidencyTerm.objects.select_for_update()
    running = terms.filter(end__isnull=True, start__lt=start).order_by("-start").first()
    if running is not None:
        running.end = start - ONE_DAY
        running.save(update_fields=["end"])
    clash = _overlapping(terms, start=start, end=None).select_related("country").first()
    if clash is not None:
        raise ValidationError(
            _("%(country)s holds the Pro-Tempore Presidency on or after %(start)s; record a later start.")
            % {"country": clash.country.name, "start": date_format(start)}
        )
    term = PresidencyTerm(country=country, start=start, note=note)
    term.full_clean()
    term.save()
    _audit("directory.presidency_designate", by=by, target=term, country=country.iso2, start=start.isoformat())
    return term


@transaction.atomic
def membership_add(
    *,
    group: Group,
    person: Person,
    role: str = Membership.Role.MEMBER,
    country: Country | None = None,
    start: datetime.date | None = None,
    by=None,
) -> Membership:
    """Add ``person`` to ``group``; refused when an open membership already exists."""
    if Membership.objects.filter(group=group, person=person, end__isnull=True).exists():
        raise ValidationError(
            _("%(person)s is already a member of %(group)s.") % {"person": person.full_name, "group": group.name}
        )
    membership = Membership(group=group, person=person, role=role, country=country or person.country, start=start)
    membership.full_clean()
    membership.save()
    _audit("directory.membership_add", by=by, target=membership, group=group.slug, role=role)
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, end: datetime.date, by=None) -> Membership:
    """End ``membership`` on ``end``; the row stays as history."""
    if membership.start and end < membership.start:
        raise ValidationError({"end": _("A membership cannot end before it starts.")})
    membership.end = end
    membership.save(update_fields=["end"])
    _audit("directory.membership_end", by=by, target=membership, end=end.isoformat())
    return membership
