"""Participants: e-mails to the participants of a meeting, and the bench's bulk participants."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core.tasks import queue_email
from secretaria.directory.models import Country, Person
from secretaria.meetings.letters import merge, merge_context
from secretaria.meetings.links import RS, require_participation_manager
from secretaria.meetings.models import (
    Invitation,
    InviteeCategory,
    Mailing,
    Meeting,
    Registration,
)
from secretaria.meetings.selectors.participants import participants_in_categories
from secretaria.meetings.services.letters import addressees_of


@transaction.atomic
def mailing_send(
    *,
    meeting: Meeting,
    categories: list[str],
    subject_es: str,
    body_es: str,
    subject_en: str = "",
    body_en: str = "",
    by,
) -> Mailing:
    """E-mail the meeting's participants of ``categories`` (approved, registered or attended), merged and logged."""
    require_participation_manager(by)

    registrations = list(participants_in_categories(meeting, categories))
    if not registrations:
        raise ValidationError(_("No participant in these categories."))
    recipients = []
    for a in addressees_of(registrations):
        if not a.email:
            continue
        lang = a.language
        subject = subject_en if lang == "en" and subject_en else subject_es
        body = body_en if lang == "en" and body_en else body_es
        context = merge_context(meeting=meeting, person=a.person, name=a.name, lang=lang, delegation=a.delegation)
        queue_email(subject=merge(subject, context), body=merge(body, context), to=[a.email])
        recipients.append({"name": a.name, "email": a.email, "language": lang})
    mailing = Mailing.objects.create(
        meeting=meeting,
        categories=list(categories),
        subject_es=subject_es,
        subject_en=subject_en,
        body_es=body_es,
        body_en=body_en,
        recipients=recipients,
        sent_by=by if getattr(by, "is_authenticated", False) else None,
    )
    activity_record(
        kind=Activity.Kind.EMAIL_SENT,
        actor=by,
        meeting=meeting,
        obj=mailing,
        summary_es=f"{meeting.title_es}: correo «{subject_es}» a {len(recipients)} participantes",
        summary_en=f"{meeting.title_en or meeting.title_es}: e-mail “{subject_en or subject_es}” to {len(recipients)} participants",
    )
    return mailing


@transaction.atomic
def bench_participants(*, meeting: Meeting, count: int) -> int:
    """Create ``count`` approved participants of ``meeting`` at once (benchmarks and query-count tests).

    Bulk writes: one person, one personal invitation (accepted) and one approved registration
    each, spread over the member countries and the invitee categories, half of them in the
    public list. No e-mail, no history events, no activity record: this is not a workflow.
    """
    countries = list(Country.objects.order_by("iso2")) or [None]
    categories = [code for code, _label in InviteeCategory.choices]
    now = timezone.now()
    start = Person.objects.filter(family_name__startswith=f"Participante {meeting.pk}-").count()
    people = Person.objects.bulk_create(
        [
            Person(
                given_name=f"Nombre {start + n + 1}",
                family_name=f"Participante {meeting.pk}-{start + n + 1}",
                country=countries[n % len(countries)],
            )
            for n in range(count)
        ]
    )
    if any(p.pk is None for p in people):  # databases that do not return keys from bulk inserts
        people = list(Person.objects.filter(family_name__startswith=f"Participante {meeting.pk}-").order_by("pk"))[
            start:
        ]
    invitations = Invitation.objects.bulk_create(
        [
            Invitation(
                meeting=meeting,
                category=categories[n % len(categories)],
                person=person,
                status=Invitation.Status.ACCEPTED,
                sent_at=now,
                responded_at=now,
            )  # fmt: skip
            for n, person in enumerate(people)
        ]
    )
    if any(i.pk is None for i in invitations):
        by_person = {i.person_id: i for i in Invitation.objects.filter(meeting=meeting, person__in=people)}
        invitations = [by_person[p.pk] for p in people]
    Registration.objects.bulk_create(
        [
            Registration(
                invitation=invitation,
                meeting=meeting,
                person=invitation.person,
                status=RS.APPROVED,
                listed_publicly=n % 2 == 0,
                registered_at=now,
                decided_at=now,
                hotel="Hotel Camino Real",
            )  # fmt: skip
            for n, invitation in enumerate(invitations)
        ]
    )
    return count
