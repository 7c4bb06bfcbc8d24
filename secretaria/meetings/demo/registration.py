"""Demo data: invitations, registrations and the thank-you letters of the "Migración y Salud" seminar.

The seed report: the Secretariat prepared the invitation and the logistics information and sent them
to the participants (speakers, government representatives, observer organisations and civil
society), and sent, on behalf of the sponsor countries, letters of thanks to the speakers. The
meetings demo creates the seminar (Guatemala City, 18-19 October 2004); this module adds who was
invited and what they answered. Idempotent: natural keys and update_or_create throughout.
"""

from __future__ import annotations

import datetime

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.directory.models import Country, Organization, Person
from secretaria.meetings.models import (
    Invitation,
    InviteeCategory,
    Letter,
    LetterRecipient,
    LetterTemplate,
    Meeting,
    ParticipationEvent,
    Registration,
)
from secretaria.meetings.services import (
    addressees_of,
    agenda_speakers,
    focal_point_for,
    language_for,
    letter_compose,
)

SEMINAR_DATE = datetime.date(2004, 10, 18)
SENT = datetime.datetime(2004, 9, 15, 10, 0, tzinfo=datetime.UTC)
THANKS_SENT = datetime.datetime(2004, 10, 27, 15, 0, tzinfo=datetime.UTC)

TEMPLATES = [
    # The salutation, the closing and the signature are the letter's own (from the directory);
    # a template holds the body. {when} is "los días 18 y 19 de octubre de 2004" / "on 18–19 October 2004".
    {
        "slug": "invitacion-seminario",
        "kind": LetterTemplate.Kind.INVITATION,
        "name": "Invitación a un seminario",
        "subject_es": "Invitación: {meeting}",
        "subject_en": "Invitation: {meeting}",
        "body_es": "La Secretaría Técnica de la Conferencia Regional sobre Migración, a solicitud de la Presidencia "
        "Pro-Tempore y de los países patrocinadores ({sponsors}), tiene el agrado de invitarle al {meeting}, que se "
        "celebrará en {city}, {when}.\n\nLa información administrativa y logística se encuentra en la Secretaría "
        "Virtual.",
        "body_en": "At the request of the Pro-Tempore Presidency and of the sponsor countries ({sponsors}), the "
        "Technical Secretariat of the Regional Conference on Migration is pleased to invite you to the {meeting}, to "
        "be held in {city}, {when}.\n\nThe administrative and logistics information is on the Virtual Secretariat.",
    },
    {
        "slug": "agradecimiento-ponentes",
        "kind": LetterTemplate.Kind.THANKS,
        "name": "Agradecimiento a ponentes en nombre de los patrocinadores",
        "subject_es": "Agradecimiento por su participación en el {meeting}",
        "subject_en": "Thank you for taking part in the {meeting}",
        "body_es": "En nombre de {on_behalf_of}, patrocinadores del {meeting}, celebrado en {city}, {when}, la "
        "Secretaría Técnica de la Conferencia Regional sobre Migración le agradece su valiosa ponencia y su aporte a "
        "las discusiones.\n\nSu contribución enriquece el trabajo de la Conferencia en la atención de la salud de "
        "las personas migrantes en la región.",
        "body_en": "On behalf of {on_behalf_of}, sponsors of the {meeting}, held in {city}, {when}, the Technical "
        "Secretariat of the Regional Conference on Migration thanks you for your valuable presentation and your "
        "contribution to the discussions.\n\nYour contribution enriches the Conference's work on the health of "
        "migrants in the region.",
    },
    {
        "slug": "certificado-asistencia",
        "kind": LetterTemplate.Kind.CERTIFICATE,
        "name": "Certificado de asistencia",
        "subject_es": "Certificado de asistencia: {meeting}",
        "subject_en": "Certificate of attendance: {meeting}",
        "body_es": "La Secretaría Técnica de la Conferencia Regional sobre Migración certifica que {name} "
        "({delegation}) asistió al {meeting}, celebrado en {city}, {when}.",
        "body_en": "The Technical Secretariat of the Regional Conference on Migration certifies that {name} "
        "({delegation}) attended the {meeting}, held in {city}, {when}.",
    },
]

# Speakers of the seminar (demo people; the seed report does not name them).
SPEAKERS = [
    ("Marta", "Castillo", "GT", "marta.castillo@demo.example.org", ("es",)),
    ("Jorge", "Villalobos", "MX", "jorge.villalobos@demo.example.org", ("es",)),
    ("Catherine", "Leblanc", "CA", "catherine.leblanc@demo.example.org", ("en", "es")),
]

RS = Registration.Status
Ev = ParticipationEvent.Kind


def _event(invitation, kind, at, registration=None, note=""):
    ParticipationEvent.objects.get_or_create(
        invitation=invitation, registration=registration, kind=kind, defaults={"at": at, "note": note}
    )


def _invite(meeting, *, category, for_delegation, country=None, organization=None, person=None, quota=1):
    lookup = {"meeting": meeting, "for_delegation": for_delegation}
    if for_delegation:
        lookup.update({"country": country} if country else {"organization": organization})
        person = focal_point_for(country=country, organization=organization, on=SENT.date())
    else:
        lookup["person"] = person
    email = (person.email if person else "") or (organization.email if organization else "")
    invitation, _ = Invitation.objects.update_or_create(
        **lookup,
        defaults={
            "category": category,
            "organization": organization or (person.organization if person and not for_delegation else None),
            "person": person,
            "email": email,
            "language": language_for(person=person, country=country or (person.country if person else None)),
            "quota": quota,
            "sent_at": SENT,
        },
    )
    _event(invitation, Ev.INVITED, SENT, note=email)
    return invitation


def _answer(invitation, accepted: bool, day: int):
    at = SENT + datetime.timedelta(days=day)
    invitation.status = Invitation.Status.ACCEPTED if accepted else Invitation.Status.DECLINED
    invitation.responded_at = at
    invitation.save(update_fields=["status", "responded_at"])
    _event(invitation, Ev.ACCEPTED if accepted else Ev.DECLINED, at)


def _register(invitation, person, *, role, day, status=RS.ATTENDED, listed=True, **logistics):
    at = SENT + datetime.timedelta(days=day)
    registration, _ = Registration.objects.update_or_create(
        meeting=invitation.meeting,
        person=person,
        defaults={
            "invitation": invitation,
            "role": role,
            "status": status,
            "registered_at": at,
            "decided_at": at + datetime.timedelta(days=2),
            "listed_publicly": listed,
            "arrival": datetime.datetime(2004, 10, 17, 18, 0, tzinfo=datetime.UTC),
            "departure": datetime.datetime(2004, 10, 20, 12, 0, tzinfo=datetime.UTC),
            "interpretation_language": "es",
            **logistics,
        },
    )
    if invitation.for_delegation:
        _event(invitation, Ev.NAMED, at, registration, person.full_name)
    _event(invitation, Ev.REGISTERED, at, registration, person.full_name)
    if status in (RS.APPROVED, RS.ATTENDED):
        _event(invitation, Ev.APPROVED, at + datetime.timedelta(days=2), registration)
    if status == RS.ATTENDED:
        _event(invitation, Ev.ATTENDED, datetime.datetime(2004, 10, 18, 14, 0, tzinfo=datetime.UTC), registration)
    return registration


def _activity_once(*, kind, meeting, obj, on, summary_es, summary_en):
    exists = Activity.objects.filter(kind=kind, meeting=meeting, occurred_at=on).exists()
    if not exists:
        activity_record(kind=kind, meeting=meeting, obj=obj, on=on, summary_es=summary_es, summary_en=summary_en)


def load(*, stdout, style):
    meeting = Meeting.objects.filter(kind=Meeting.Kind.SEMINAR, start_date=SEMINAR_DATE).first()
    if meeting is None:
        stdout.write(style.WARNING("  participation: the 'Migración y Salud' seminar is not in the demo; skipped."))
        return
    templates = {t["slug"]: LetterTemplate.objects.update_or_create(slug=t["slug"], defaults=t)[0] for t in TEMPLATES}
    countries = {c.iso2: c for c in Country.objects.filter(status=Country.Status.MEMBER)}
    if not countries:
        return

    # Member states: each invitation to the country's focal point; two places per delegation.
    state_invitations = {
        iso2: _invite(meeting, category=InviteeCategory.DELEGATION, for_delegation=True, country=c, quota=2)
        for iso2, c in countries.items()
    }
    for iso2, day in [("PA", 3), ("GT", 2), ("HN", 6), ("MX", 4), ("CA", 5), ("SV", 7)]:
        if iso2 in state_invitations:
            _answer(state_invitations[iso2], True, day)
    if "BZ" in state_invitations:
        _answer(state_invitations["BZ"], False, 9)

    def named(iso2, given, family):
        person = Person.objects.filter(given_name=given, family_name=family).first()
        if person and iso2 in state_invitations:
            _register(state_invitations[iso2], person, role=Registration.Role.HEAD, day=8, hotel="Hotel Camino Real")

    named("PA", "Ana María", "Ríos")
    named("GT", "Carlos", "Méndez")
    named("HN", "Hilda", "Zelaya")

    # Observer organisations, through their focal point or the organisation's address.
    for org in Organization.objects.filter(kind=Organization.Kind.OBSERVER):
        invitation = _invite(meeting, category=InviteeCategory.OBSERVER, for_delegation=True, organization=org, quota=2)
        ruiz = Person.objects.filter(organization=org, given_name="Olga", family_name="Ruiz").first()
        if ruiz:
            _answer(invitation, True, 4)
            _register(invitation, ruiz, role=Registration.Role.HEAD, day=6, hotel="Hotel Camino Real")

    # Civil society: the RRCOM's representative, invited personally.
    rosa = Person.objects.filter(given_name="Rosa", family_name="Pérez").first()
    if rosa:
        invitation = _invite(meeting, category=InviteeCategory.CIVIL_SOCIETY, for_delegation=False, person=rosa)
        _answer(invitation, True, 5)
        _register(invitation, rosa, role=Registration.Role.PARTICIPANT, day=5, hotel="Hotel Del Centro",
                  dietary_needs="Vegetariana")  # fmt: skip

    # Speakers (ponentes), invited personally; all three spoke and are thanked.
    speaker_regs = []
    for given, family, iso2, email, languages in SPEAKERS:
        person, _ = Person.objects.update_or_create(
            given_name=given,
            family_name=family,
            defaults={"email": email, "country": countries.get(iso2), "languages": list(languages)},
        )
        invitation = _invite(meeting, category=InviteeCategory.SPEAKER, for_delegation=False, person=person)
        _answer(invitation, True, 2)
        speaker_regs.append(
            _register(
                invitation,
                person,
                role=Registration.Role.PARTICIPANT,
                day=3,
                hotel="Hotel Camino Real",
                needs_visa=iso2 == "CA",
            )  # fmt: skip
        )

    _activity_once(
        kind=Activity.Kind.INVITATIONS_SENT, meeting=meeting, obj=meeting, on=SENT,
        summary_es="Seminario «Migración y Salud»: invitaciones e información logística enviadas a ponentes, "
        "representantes de gobiernos, organizaciones observadoras y de la sociedad civil",
        summary_en="“Migration and Health” seminar: invitations and logistics information sent to speakers, "
        "government representatives, observer organisations and civil society",
    )  # fmt: skip

    # The thank-you letters to the speakers of the approved agenda, on behalf of Canada and Mexico.
    template = templates["agradecimiento-ponentes"]
    letter, _ = Letter.objects.update_or_create(
        meeting=meeting,
        template=template,
        sent_at=THANKS_SENT,
        defaults={"kind": template.kind, "letter_date": THANKS_SENT.date(), "on_behalf": Letter.OnBehalf.SPONSORS},
    )
    addressees = agenda_speakers(meeting) or addressees_of(
        Registration.objects.filter(pk__in=[r.pk for r in speaker_regs]).select_related(
            "person", "invitation", "invitation__country", "invitation__organization", "person__country",
            "person__organization",
        )
    )  # fmt: skip
    draft = letter_compose(
        meeting=meeting, template=template, addressees=addressees, by=None, letter_date=THANKS_SENT.date(),
        on_behalf=Letter.OnBehalf.SPONSORS,
    )  # fmt: skip
    Letter.objects.filter(pk=letter.pk).update(
        signed_on_behalf_of=draft.letter.signed_on_behalf_of, signed_on_behalf_of_en=draft.letter.signed_on_behalf_of_en
    )
    letter.recipients.exclude(person__in=[a.person for a in addressees if a.person]).delete()
    for recipient in draft.recipients:
        LetterRecipient.objects.update_or_create(
            letter=letter,
            person=recipient.person,
            defaults={
                "name": recipient.name,
                "email": recipient.email,
                "language": recipient.language,
                "subject": recipient.subject,
                "body": recipient.body,
                "salutation": recipient.salutation,
                "delegation": recipient.delegation,
                "sent_at": THANKS_SENT if recipient.email else None,
                "send_count": 1 if recipient.email else 0,
                "not_sent_reason": recipient.not_sent_reason,
            },
        )
    _activity_once(
        kind=Activity.Kind.LETTER_SENT, meeting=meeting, obj=letter, on=THANKS_SENT,
        summary_es="Seminario «Migración y Salud»: cartas de agradecimiento a los ponentes enviadas en nombre de "
        "Canadá y México",
        summary_en="“Migration and Health” seminar: thank-you letters sent to the speakers on behalf of Canada and "
        "Mexico",
    )  # fmt: skip
    count = Invitation.objects.filter(meeting=meeting).count()
    stdout.write(f"  participation: {count} invitations, {len(draft.recipients)} speakers thanked")
