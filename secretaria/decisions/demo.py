"""Demo data: decisions of the IX CRM (Panama, May 2004) and their follow-up.

From the seed report (ST activities May–November 2004): at the Pro-Tempore Presidency's
request the Secretariat prepared documentation on the commitments agreed at the IX CRM and
sent the follow-up letter to the member countries on 6 July 2004; it prepared with IOM and
the PPT the protocol for the reserve fund; the seminar on migration and health sponsored by
Canada and Mexico was held in Guatemala City on 18–19 October 2004; the liaison-officer
networks and the GRCM met in Panama in December 2004. A few commitments are done, most
pending. Idempotent: everything is keyed on natural keys.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from secretaria.accounts.models import User
from secretaria.activity.models import Activity
from secretaria.core.access import AccessLevel
from secretaria.decisions.models import (
    Commitment,
    CommitmentParty,
    Decision,
    FollowUpLetter,
    PartyStatus,
    ProgressNote,
    Theme,
    country_language,
)
from secretaria.directory.models import Country, Group, Organization
from secretaria.meetings.models import Meeting
from secretaria.search import services as search_services

D = datetime.date
LETTER_DATE = D(2004, 7, 6)
MEMBERS = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]

THEMES = {
    "plan-of-action": ("Plan de Acción", "Plan of Action"),
    "reserve-fund": ("Fondo de reserva y retorno", "Reserve fund and return"),
    "migration-health": ("Migración y salud", "Migration and health"),
    "trafficking-smuggling": ("Tráfico ilícito y trata de personas", "Migrant smuggling and trafficking in persons"),
    "secretariat": ("Secretaría Técnica y Secretaría Virtual", "Technical Secretariat and Virtual Secretariat"),
}

# number, paragraph, theme, kind, access, country detail public, text ES, text EN, commitments
# commitment: (description ES, description EN, due date or None, before-GRCM?, parties)
# party: ("country", iso2) | ("secretariat",) | ("ppt",) | ("network", slug) | ("organization", "IOM"),
#        with its history: [(date, status, note ES)]
DECISIONS = [
    (
        1,
        "",
        "plan-of-action",
        "operational",
        AccessLevel.PUBLIC,
        True,
        "Dar seguimiento a la ejecución del Plan de Acción de la Conferencia Regional sobre Migración; cada país "
        "miembro informará al GRCM sobre las acciones nacionales realizadas.",
        "Follow up the implementation of the Plan of Action of the Regional Conference on Migration; each member "
        "country will report to the RCGM on the national actions taken.",
        [
            (
                "Presentar al GRCM un informe sobre las acciones nacionales en el marco del Plan de Acción.",
                "Submit to the RCGM a report on national actions under the Plan of Action.",
                None,
                True,
                [("country", iso2) for iso2 in MEMBERS],
            ),
            (
                "Preparar la documentación de seguimiento de los compromisos de la IX CRM y enviar la carta de "
                "seguimiento a los países miembros.",
                "Prepare the follow-up documentation on the commitments of the IX RCM and send the follow-up letter "
                "to the member countries.",
                D(2004, 7, 31),
                False,
                [("secretariat",)],
            ),
        ],
    ),
    (
        2,
        "",
        "reserve-fund",
        "informational",
        AccessLevel.PUBLIC,
        False,
        "Fortalecer la asistencia a migrantes regionales en situaciones de alta vulnerabilidad mediante el fondo "
        "de reserva administrado por la OIM:",
        "Strengthen assistance to regional migrants in highly vulnerable situations through the reserve fund "
        "administered by IOM:",
        [],
    ),
    (
        2,
        "a",
        "reserve-fund",
        "operational",
        AccessLevel.PUBLIC,
        False,
        "preparar, en conjunto con la OIM y la Presidencia Pro-Tempore, el protocolo entre la OIM y la CRM para la "
        "utilización del fondo de reserva para casos de retorno voluntario en situaciones de alta vulnerabilidad;",
        "prepare, together with IOM and the Pro-Tempore Presidency, the protocol between IOM and the RCM for the use "
        "of the reserve fund for voluntary return in highly vulnerable situations;",
        [
            (
                "Redactar el protocolo OIM–CRM del fondo de reserva y someterlo al GRCM.",
                "Draft the IOM–RCM protocol of the reserve fund and submit it to the RCGM.",
                None,
                True,
                [("secretariat",), ("ppt",), ("organization", "IOM")],
            ),
        ],
    ),
    (
        2,
        "b",
        "reserve-fund",
        "operational",
        AccessLevel.MEMBERS,
        False,
        "informar semestralmente al GRCM sobre el uso del fondo de reserva.",
        "report to the RCGM every six months on the use of the reserve fund.",
        [
            (
                "Presentar al GRCM el informe semestral del fondo de reserva.",
                "Submit the six-monthly report of the reserve fund to the RCGM.",
                None,
                True,
                [("organization", "IOM"), ("secretariat",)],
            ),
        ],
    ),
    (
        3,
        "",
        "migration-health",
        "operational",
        AccessLevel.PUBLIC,
        True,
        "Realizar un seminario sobre Migración y Salud, con el patrocinio de Canadá y México.",
        "Hold a seminar on Migration and Health, sponsored by Canada and Mexico.",
        [
            (
                "Organizar el seminario «Migración y Salud» (Ciudad de Guatemala, 18 y 19 de octubre de 2004).",
                'Organise the seminar "Migration and Health" (Guatemala City, 18–19 October 2004).',
                D(2004, 10, 18),
                False,
                [("country", "CA"), ("country", "MX"), ("country", "GT"), ("secretariat",)],
            ),
        ],
    ),
    (
        4,
        "",
        "trafficking-smuggling",
        "operational",
        AccessLevel.MEMBERS,
        False,
        "Convocar las reuniones de las Redes de Funcionarios de Enlace y un taller sobre la Convención de Palermo "
        "antes de la reunión del GRCM de diciembre de 2004.",
        "Convene the meetings of the liaison-officer networks and a workshop on the Palermo Convention before the "
        "RCGM meeting of December 2004.",
        [
            (
                "Reunir a las Redes de Funcionarios de Enlace y realizar el taller sobre la Convención de Palermo.",
                "Hold the meetings of the liaison-officer networks and the workshop on the Palermo Convention.",
                D(2004, 12, 1),
                False,
                [("ppt",), ("secretariat",), ("network", "red-trafico-trata"), ("network", "red-proteccion-consular")],
            ),
            (
                "Designar o confirmar a los funcionarios de enlace nacionales de ambas redes.",
                "Designate or confirm the national liaison officers of both networks.",
                D(2004, 9, 30),
                False,
                [("country", iso2) for iso2 in ("CR", "SV", "GT", "HN", "NI", "PA", "DO")],
            ),
        ],
    ),
    (
        5,
        "",
        "secretariat",
        "operational",
        AccessLevel.PUBLIC,
        False,
        "Renovar el equipo y los programas de la Secretaría Virtual para mejorar el acceso a los sitios, los foros "
        "de discusión y la seguridad.",
        "Renew the hardware and software of the Virtual Secretariat to improve access to the sites, the discussion "
        "forums and security.",
        [
            (
                "Adquirir el equipo nuevo y migrar el contenido de los sitios de la Secretaría Virtual.",
                "Acquire the new equipment and migrate the content of the Virtual Secretariat's sites.",
                D(2004, 12, 31),
                False,
                [("secretariat",)],
            ),
        ],
    ),
]

# (decision number, paragraph, commitment index, party key) -> [(date, new status, note ES / EN)]
HISTORY = {
    (1, "", 1, "st"): [
        (D(2004, 6, 15), "in_progress", "Documentación de seguimiento en preparación a petición de la PPT."),
        (LETTER_DATE, "done", "Carta de seguimiento enviada a los países miembros."),
    ],
    (1, "", 0, "CR"): [(D(2004, 9, 20), "done", "Informe nacional enviado a la Secretaría Técnica.")],
    (1, "", 0, "MX"): [(D(2004, 10, 4), "done", "Informe nacional enviado.")],
    (1, "", 0, "CA"): [(D(2004, 9, 1), "in_progress", "Informe en consulta con las dependencias.")],
    (1, "", 0, "GT"): [
        (D(2004, 8, 16), "in_progress", "Recopilando información de la Dirección General de Migración.")
    ],
    (2, "a", 0, "st"): [(D(2004, 8, 30), "done", "Protocolo preparado con la OIM y la Presidencia Pro-Tempore.")],
    (2, "a", 0, "ppt"): [(D(2004, 8, 30), "done", "La PPT revisó y aprobó el borrador del protocolo.")],
    (2, "a", 0, "org"): [(D(2004, 8, 30), "in_progress", "Revisión jurídica en la sede de la OIM.")],
    (3, "", 0, "CA"): [(D(2004, 10, 19), "done", "Seminario realizado en Ciudad de Guatemala.")],
    (3, "", 0, "MX"): [(D(2004, 10, 19), "done", "Seminario realizado en Ciudad de Guatemala.")],
    (3, "", 0, "GT"): [(D(2004, 10, 19), "done", "Sede del seminario.")],
    (3, "", 0, "st"): [
        (D(2004, 9, 10), "in_progress", "Agenda preparada con los países patrocinadores; invitaciones enviadas."),
        (D(2004, 10, 19), "done", "Logística, interpretación y publicación de documentos en la Secretaría Virtual."),
    ],
    (4, "", 0, "st"): [(D(2004, 11, 5), "in_progress", "Visita a Panamá; servicios de interpretación contratados.")],
    (4, "", 0, "ppt"): [(D(2004, 11, 5), "in_progress", "Agendas preliminares aprobadas.")],
    (5, "", 0, "st"): [
        (D(2004, 11, 15), "in_progress", "Equipo adquirido; migración prevista para diciembre de 2004.")
    ],
}


def _grcm_december(meeting_model):
    return (
        meeting_model.objects.filter(kind=meeting_model.Kind.GRCM, start_date__range=(D(2004, 11, 1), D(2004, 12, 31)))
        .order_by("start_date")
        .first()
    )


def _ix_crm(meeting_model, panama):
    meeting = meeting_model.objects.filter(slug="ix-crm-2004").first()
    if meeting is None:
        meeting = meeting_model.objects.create(
            slug="ix-crm-2004",
            kind=meeting_model.Kind.CONFERENCE,
            title_es="IX Conferencia Regional sobre Migración",
            title_en="IX Regional Conference on Migration",
            start_date=D(2004, 5, 20),
            end_date=D(2004, 5, 21),
            city="Ciudad de Panamá",
            country=panama,
            working_languages=["es", "en"],
            interpretation=True,
            access_level=AccessLevel.PUBLIC,
            status=meeting_model.Status.HELD,
        )
    return meeting


def _party(commitment, spec, countries, groups, iom):
    kind = spec[0]
    lookup = {"commitment": commitment, "kind": kind}
    if kind == "country":
        lookup["country"] = countries.get(spec[1])
        if lookup["country"] is None:
            return None
    elif kind == "network":
        lookup["group"] = groups.get(spec[1])
        if lookup["group"] is None:
            return None
    elif kind == "organization":
        if iom is None:
            return None
        lookup["organization"] = iom
    party, _ = CommitmentParty.objects.get_or_create(**lookup)
    return party


def _history_key(party) -> str:
    return "org" if party.kind == CommitmentParty.Kind.ORGANIZATION else party.key


def load(*, stdout, style):
    countries = {c.iso2: c for c in Country.objects.filter(iso2__in=MEMBERS)}
    groups = {g.slug: g for g in Group.objects.filter(slug__in=["red-trafico-trata", "red-proteccion-consular"])}
    iom = Organization.objects.filter(acronym_en="IOM").first()
    st_user = User.objects.filter(username="st").first()
    # A person's name reads the same in both languages; "Secretaría Técnica" showed on English pages.
    author_name = st_user.display_name if st_user else ""

    meeting = _ix_crm(Meeting, countries.get("PA"))
    grcm = _grcm_december(Meeting)
    themes = {
        slug: Theme.objects.update_or_create(slug=slug, defaults={"name_es": es, "name_en": en})[0]
        for slug, (es, en) in THEMES.items()
    }

    parties_by_key = {}
    for number, paragraph, theme, kind, access, public_detail, text_es, text_en, commitments in DECISIONS:
        decision, _ = Decision.objects.update_or_create(
            meeting=meeting,
            number=number,
            paragraph=paragraph,
            defaults={
                "theme": themes[theme],
                "kind": kind,
                "access_level": access,
                "country_detail_public": public_detail,
                "text_es": text_es,
                "text_en": text_en,
            },
        )
        for index, (desc_es, desc_en, due, before_grcm, party_specs) in enumerate(commitments):
            commitment, _ = Commitment.objects.update_or_create(
                decision=decision,
                order=index + 1,
                defaults={
                    "description_es": desc_es,
                    "description_en": desc_en,
                    "due_date": due if not (before_grcm and grcm) else None,
                    "due_before_meeting": grcm if before_grcm else None,
                },
            )
            if before_grcm and grcm is None:
                commitment.due_date = D(2004, 12, 1)
                commitment.save(update_fields=["due_date"])
            for spec in party_specs:
                party = _party(commitment, spec, countries, groups, iom)
                if party is not None:
                    parties_by_key[(number, paragraph, index, _history_key(party))] = party

    # The log: status changes as they happened, then each party's status from its last entry.
    for key, party in parties_by_key.items():
        status = PartyStatus.PENDING
        for on, new_status, note in HISTORY.get(key, []):
            ProgressNote.objects.get_or_create(
                party=party,
                kind=ProgressNote.Kind.UPDATE,
                occurred_on=on,
                status_to=new_status,
                defaults={
                    "status_from": status,
                    "text": note,
                    "author": st_user,
                    "author_name": author_name,
                    "recorded_at": timezone.make_aware(datetime.datetime.combine(on, datetime.time(10, 0))),
                },
            )
            status = new_status
        changed = party.notes.filter(kind=ProgressNote.Kind.UPDATE).order_by("-occurred_on").first()
        CommitmentParty.objects.filter(pk=party.pk).update(
            status=status, status_changed_at=changed.recorded_at if changed else None
        )

    # The follow-up letters of 6 July 2004: every country commitment was still open then.
    letters = 0
    sent_at = timezone.make_aware(datetime.datetime.combine(LETTER_DATE, datetime.time(11, 0)))
    for iso2, country in sorted(countries.items()):
        country_parties = [p for (n, par, i, k), p in parties_by_key.items() if k == iso2]
        if not country_parties:
            continue
        lang = country_language(iso2)
        items = []
        for party in country_parties:
            commitment = party.commitment
            items.append(
                {
                    "party_id": party.pk,
                    "decision": commitment.decision.label_in(lang),
                    "decision_text": commitment.decision.text_es if lang == "es" else commitment.decision.text_en,
                    "commitment": commitment.description_es if lang == "es" else commitment.description_en,
                    "status": PartyStatus.PENDING.value,
                    "status_label": "Pendiente" if lang == "es" else "Pending",
                    "deadline": commitment.deadline_in(lang),
                }
            )
        letter, _ = FollowUpLetter.objects.update_or_create(
            meeting=meeting,
            country=country,
            letter_date=LETTER_DATE,
            defaults={
                "language": lang,
                "status": FollowUpLetter.Status.SENT,
                "sent_at": sent_at,
                "items": items,
                "created_by": st_user,
            },
        )
        for party in country_parties:
            ProgressNote.objects.get_or_create(
                party=party,
                kind=ProgressNote.Kind.LETTER,
                letter=letter,
                defaults={
                    "occurred_on": LETTER_DATE,
                    "recorded_at": sent_at,
                    "author": st_user,
                    "author_name": author_name,
                    "text": "Carta de seguimiento de la IX CRM enviada / Follow-up letter on the IX RCM sent",
                },
            )
        letters += 1
    Activity.objects.get_or_create(
        kind=Activity.Kind.FOLLOW_UP_SENT,
        meeting=meeting,
        occurred_at=sent_at,
        defaults={
            "actor": st_user,
            "summary_es": "Carta de seguimiento de los compromisos de la IX CRM enviada a los países miembros, "
            "a petición de la Presidencia Pro-Tempore",
            "summary_en": "Follow-up letter on the commitments of the IX RCM sent to the member countries, at the "
            "request of the Pro-Tempore Presidency",
        },
    )
    for decision in Decision.objects.filter(meeting=meeting).select_related("meeting", "theme"):
        search_services.index_object("decision", decision)
    stdout.write(
        f"Decisions: {Decision.objects.filter(meeting=meeting).count()} decisions of the IX CRM, "
        f"{len(parties_by_key)} responsible parties, {letters} follow-up letters of 6 July 2004."
    )
