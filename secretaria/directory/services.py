"""Writes to the directory: appointments, presidencies and group memberships.

History is kept: terms and memberships are ended, never deleted, so "who held this post on
that date" can always be answered.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.core.audit import audit_record
from secretaria.core.tasks import queue_email
from secretaria.directory import changes
from secretaria.directory.models import ContactUpdate, Country, Group, Membership, Person, Post, PresidencyTerm, Term

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


# --- People: their own contact details, and the Secretariat's edits ---------------------

OWN_FIELDS = ("email", "phone", "languages", "email_visibility", "phone_visibility")
PERSON_FIELDS = (
    "honorific", "gender", "given_name", "family_name", "email", "phone", "languages", "organization", "country",
    "is_public", "email_visibility", "phone_visibility",
)  # fmt: skip


def _require_manager(by) -> None:
    if by is not None and not access.can(by, "directory.manage"):
        raise PermissionDenied(_("Only the Technical Secretariat edits the directory."))


@transaction.atomic
def person_update_own(*, person: Person, by, preferred_language: str | None = None, **fields) -> ContactUpdate | None:
    """A person updates their own contact details (and their account's language). The change is
    saved at once, kept as a ContactUpdate for the Secretariat to review, and the Secretariat is
    told by e-mail."""
    if by is None or getattr(by, "person_id", None) != person.pk:
        raise PermissionDenied(_("You may update only your own contact details."))
    unknown = set(fields) - set(OWN_FIELDS)
    if unknown:
        raise ValidationError(_("These details are edited by the Secretariat: %(fields)s") % {
            "fields": ", ".join(sorted(unknown))})  # fmt: skip
    person = Person.objects.select_for_update().get(pk=person.pk)
    diff = {}
    for name, value in fields.items():
        value = value.strip() if isinstance(value, str) else value
        if getattr(person, name) != value:
            diff[name] = [getattr(person, name), value]
            setattr(person, name, value)
    if preferred_language is not None and preferred_language != getattr(by, "preferred_language", None):
        if preferred_language not in ("es", "en"):
            raise ValidationError({"preferred_language": _("Choose Spanish or English.")})
        diff["preferred_language"] = [getattr(by, "preferred_language", ""), preferred_language]
    if not diff:
        return None
    person.full_clean()
    person.save()
    if "preferred_language" in diff:
        by.preferred_language = preferred_language  # the account (accounts app) is one level up: no import
        by.save(update_fields=["preferred_language"])
    update = ContactUpdate.objects.create(person=person, changes={k: [str(a), str(b)] for k, (a, b) in diff.items()},
                                          made_by=by)  # fmt: skip
    _audit("directory.contact_update", by=by, target=person, fields=",".join(sorted(diff)))
    changes.changed(person)
    queue_email(
        subject=_("Contact details updated: %(name)s") % {"name": person.full_name},
        body=_("%(name)s updated their contact details (%(fields)s). Review the change in the members' directory.")
        % {"name": person.full_name, "fields": ", ".join(sorted(diff))},
        to=[settings.SECRETARIAT_EMAIL],
    )
    return update


@transaction.atomic
def contact_update_review(*, update: ContactUpdate, by) -> ContactUpdate:
    _require_manager(by)
    update.reviewed_at, update.reviewed_by = timezone.now(), by
    update.save(update_fields=["reviewed_at", "reviewed_by"])
    return update


@transaction.atomic
def person_save(*, by, person: Person | None = None, **fields) -> Person:
    """The Secretariat creates or edits a person on the site."""
    _require_manager(by)
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    person = person or Person()
    for name, value in fields.items():
        setattr(person, name, value.strip() if isinstance(value, str) else value)
    person.full_clean()
    person.save()
    _audit("directory.person_save", by=by, target=person)
    changes.changed(person)
    return person


POST_FIELDS = ("slug", "title_es", "title_en", "organization", "country", "group", "is_public", "is_focal_point")


@transaction.atomic
def post_save(*, by, post: Post | None = None, **fields) -> Post:
    """The Secretariat creates or edits a post on the site (its holders are appointed as terms)."""
    _require_manager(by)
    unknown = set(fields) - set(POST_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    post = post or Post()
    for name, value in fields.items():
        setattr(post, name, value.strip() if isinstance(value, str) else value)
    post.full_clean()
    post.save()
    _audit("directory.post_save", by=by, target=post)
    changes.changed(post)
    return post
