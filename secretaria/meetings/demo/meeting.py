"""Demo meetings from the Technical Secretariat's report of May–November 2004.

The IX CRM (Panama, May 2004), the "Migración y Salud" seminar sponsored by Canada and
Mexico (Guatemala City, 18–19 October 2004, moderated by the Secretariat's coordinator),
the workshop on the Palermo Convention and the December 2004 meetings of the two
liaison-officer networks and the GRCM in Panama, with agendas that went through the
Pro-Tempore Presidency (Panama).

The report gives the month of the IX CRM and of the December meetings but not the days;
the days below are the demo's choice. It does not reproduce the seminar's programme: the
sessions below follow the themes the report and the Conference's work on migration and
health name, and their speakers are people of the demo directory.

Idempotent: meetings are found by slug; agendas, logistics and the activity record are
written once (the workflow services are only run for a meeting with no agenda yet).
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from secretaria.core.access import AccessLevel
from secretaria.directory.models import Country, Group, Person
from secretaria.documents.models import Document
from secretaria.meetings import services
from secretaria.meetings.models import AgendaVersion, Meeting, MeetingDocument

D = datetime.date
T = datetime.time


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, T(hour)))


def _meeting(slug: str, *, by, created: datetime.date, **fields) -> Meeting:
    status = fields.pop("status", Meeting.Status.HELD)
    existing = Meeting.objects.filter(slug=slug).first()
    if existing is not None:
        meeting = services.meeting_update(meeting=existing, by=by, **fields)
    else:
        meeting = services.meeting_create(by=by, slug=slug, on=_at(created), **fields)
    if meeting.status != status:
        # The path a meeting really takes, backdated to the days before it.
        path = {
            Meeting.Status.HELD: ["invitations_sent", "registration_open", "held"],
            Meeting.Status.REPORT_PUBLISHED: ["invitations_sent", "registration_open", "held", "report_published"],
        }[status]
        steps = [
            meeting.start_date - datetime.timedelta(days=40),
            meeting.start_date - datetime.timedelta(days=30),
            meeting.end_date,
            meeting.end_date + datetime.timedelta(days=45),
        ]
        for step, day in zip(path, steps, strict=False):
            services.meeting_set_status(meeting=meeting, status=step, by=by, on=_at(day, 17))
    return meeting


def _agenda(meeting, *, st, ppt, items, submitted: datetime.date, approved: datetime.date, annotations=None,
            sponsors_comment: datetime.date | None = None) -> None:  # fmt: skip
    """Preliminary agenda (optionally sent to sponsors), approved by the PPT; then, with
    ``annotations`` (title_es → (annotation es, annotation en)), the annotated agenda."""
    if meeting.agenda_versions.exists():
        return
    drafted = (sponsors_comment or submitted) - datetime.timedelta(days=10)
    version = services.agenda_start_draft(meeting=meeting, by=st, on=_at(drafted))
    for order, item in enumerate(items, start=1):
        services.agenda_item_save(version=version, by=st, order=order, **item)
    if sponsors_comment:
        services.agenda_open_for_comment(version=version, by=st, on=_at(sponsors_comment), notify=False)
    services.agenda_submit(version=version, by=st, on=_at(submitted), notify=False)
    services.agenda_approve(version=version, by=ppt, on=_at(approved, 15), notify=False)
    if not annotations:
        return
    annotated = services.agenda_start_draft(
        meeting=meeting, kind=AgendaVersion.Kind.ANNOTATED, by=st, on=_at(approved + datetime.timedelta(days=2))
    )
    for item in annotated.items.all():
        if item.title_es in annotations:
            es, en = annotations[item.title_es]
            services.agenda_item_save(version=annotated, by=st, item=item, description_es=es, description_en=en)
    services.agenda_submit(version=annotated, by=st, on=_at(approved + datetime.timedelta(days=5)), notify=False)
    services.agenda_approve(version=annotated, by=ppt, on=_at(approved + datetime.timedelta(days=7), 15), notify=False)


def _item(day, start, end, title_es, title_en, *, session=("", ""), speakers=(), moderators=(), desc=("", "")):
    return {
        "day": day,
        "start_time": T(*start) if start else None,
        "end_time": T(*end) if end else None,
        "title_es": title_es,
        "title_en": title_en,
        "session_es": session[0],
        "session_en": session[1],
        "description_es": desc[0],
        "description_en": desc[1],
        "speakers": list(speakers),
        "moderators": list(moderators),
    }


def load(*, stdout, style):
    User = get_user_model()  # noqa: N806 - the model class
    # The demo accounts exist only in DEV_MODE; without them the steps are recorded without an actor.
    st, ppt = User.objects.filter(username="st").first(), User.objects.filter(username="ppt").first()
    c = {country.iso2: country for country in Country.objects.all()}
    group = {g.slug: g for g in Group.objects.all()}
    monzon = Person.objects.get(given_name="Luis", family_name="Monzón")
    pires = Person.objects.get(given_name="José", family_name="Pires")
    rios = Person.objects.get(given_name="Ana María", family_name="Ríos")
    mendez = Person.objects.get(given_name="Carlos", family_name="Méndez")
    zelaya = Person.objects.get(given_name="Hilda", family_name="Zelaya")

    # --- IX CRM -----------------------------------------------------------------------
    ix = _meeting(
        "ix-crm-2004", by=st, created=D(2004, 2, 2), status=Meeting.Status.REPORT_PUBLISHED,
        kind=Meeting.Kind.CONFERENCE,
        title_es="IX Conferencia Regional sobre Migración", title_en="Ninth Regional Conference on Migration",
        description_es="Reunión Viceministerial anual de la Conferencia, celebrada en Panamá bajo la Presidencia "
        "Pro-Tempore de Panamá. Adoptó la Declaración y las decisiones de la IX CRM, a las que la Secretaría "
        "Técnica dio seguimiento con la carta enviada a los países miembros el 6 de julio de 2004.",
        description_en="The Conference's annual Vice-Ministerial meeting, held in Panama under the Pro-Tempore "
        "Presidency of Panama. It adopted the Declaration and decisions of the IX RCM, which the Technical "
        "Secretariat followed up with the letter sent to member countries on 6 July 2004.",
        start_date=D(2004, 5, 20), end_date=D(2004, 5, 21), time_zone="America/Panama",
        city="Ciudad de Panamá", city_en="Panama City", country=c["PA"], host_countries=[c["PA"]],
        working_languages=["es", "en"],
        interpretation=True, access_level=AccessLevel.PUBLIC,
    )  # fmt: skip
    # The IX CRM's agenda was approved in April 2004, before the Secretaría Virtual recorded who
    # drafted, submitted and approved an agenda: it comes in as imported, with no actor.
    _agenda(
        ix, st=None, ppt=None, submitted=D(2004, 4, 20), approved=D(2004, 4, 27),
        items=[
            _item(D(2004, 5, 20), (9, 0), (9, 45), "Ceremonia de inauguración", "Opening ceremony",
                  speakers=[rios, pires]),
            _item(D(2004, 5, 20), (10, 0), (12, 30), "Informe de la Presidencia Pro-Tempore y del GRCM",
                  "Report of the Pro-Tempore Presidency and of the RCGM", session=("Sesión plenaria", "Plenary session"),
                  speakers=[rios]),
            _item(D(2004, 5, 20), (14, 0), (17, 0), "Informe de actividades y financiero de la Secretaría Técnica",
                  "Activity and financial report of the Technical Secretariat",
                  session=("Sesión plenaria", "Plenary session")),
            _item(D(2004, 5, 21), (9, 0), (12, 0), "Fondo de reserva para el retorno de migrantes en situación de "
                  "alta vulnerabilidad", "Reserve fund for the return of highly vulnerable migrants",
                  session=("Sesión plenaria", "Plenary session"), speakers=[pires]),
            _item(D(2004, 5, 21), (14, 0), (16, 30), "Adopción de la Declaración y de las decisiones de la IX CRM",
                  "Adoption of the Declaration and decisions of the IX RCM",
                  session=("Sesión de clausura", "Closing session"), moderators=[rios]),
        ],
    )  # fmt: skip

    # --- Seminar on Migration and Health -----------------------------------------------
    day1, day2 = D(2004, 10, 18), D(2004, 10, 19)
    seminar = _meeting(
        "seminario-migracion-y-salud-2004", by=st, created=D(2004, 8, 16), kind=Meeting.Kind.SEMINAR,
        title_es="Seminario sobre Migración y Salud", title_en="Seminar on Migration and Health",
        description_es="Seminario patrocinado por Canadá y México. La Secretaría Técnica colaboró con los países "
        "patrocinadores en la elaboración de la agenda, preparó y envió la invitación y la información "
        "logística, coordinó la interpretación, la traducción y el equipo audiovisual, y su Coordinador moderó el "
        "evento a petición de los patrocinadores.",
        description_en="A seminar sponsored by Canada and Mexico. The Technical Secretariat worked with the "
        "sponsoring countries on the agenda, prepared and sent the invitation and logistics information, "
        "arranged interpretation, translation and audio-visual equipment, and its Coordinator moderated the "
        "event at the sponsors' request.",
        start_date=day1, end_date=day2, time_zone="America/Guatemala", city="Ciudad de Guatemala", city_en="Guatemala City",
        country=c["GT"], host_countries=[c["GT"]], sponsor_countries=[c["CA"], c["MX"]],
        working_languages=["es", "en"], interpretation=True, access_level=AccessLevel.PUBLIC,
        registration_deadline=D(2004, 10, 4),
    )  # fmt: skip
    mod = {"moderators": [monzon]}
    _agenda(
        seminar, st=st, ppt=ppt, sponsors_comment=D(2004, 9, 6), submitted=D(2004, 9, 17), approved=D(2004, 9, 22),
        items=[
            _item(day1, (8, 30), (9, 0), "Inscripción de participantes", "Registration of participants"),
            _item(day1, (9, 0), (9, 45), "Inauguración", "Opening", speakers=[rios, pires],
                  desc=("Palabras de la Presidencia Pro-Tempore, de los países patrocinadores y de la OIM.",
                        "Remarks by the Pro-Tempore Presidency, the sponsoring countries and IOM.")),
            _item(day1, (10, 0), (12, 30), "La salud de las personas migrantes en la región: panorama y desafíos",
                  "The health of migrants in the region: overview and challenges",
                  session=("Sesión I", "Session I"), speakers=[pires], **mod),
            _item(day1, (14, 0), (17, 0), "Migración y VIH/SIDA", "Migration and HIV/AIDS",
                  session=("Sesión II", "Session II"), **mod),
            _item(day2, (9, 0), (12, 0), "Acceso a servicios de salud de migrantes en tránsito y retornados",
                  "Access to health services for migrants in transit and returnees",
                  session=("Sesión III", "Session III"), speakers=[mendez], **mod),
            _item(day2, (14, 0), (15, 30), "Conclusiones y recomendaciones al GRCM",
                  "Conclusions and recommendations to the RCGM", session=("Sesión de clausura", "Closing session"),
                  **mod),
            _item(day2, (15, 30), (16, 0), "Clausura", "Closing", speakers=[rios]),
        ],
    )  # fmt: skip
    services.logistics_save(
        meeting=seminar, by=st, is_published=True, on=_at(D(2004, 9, 24)),
        venue_es="El seminario se celebra en la Ciudad de Guatemala los días 18 y 19 de octubre de 2004. La "
        "Secretaría Técnica comunica el lugar exacto con la invitación.",
        venue_en="The seminar takes place in Guatemala City on 18 and 19 October 2004. The Technical Secretariat "
        "gives the exact venue with the invitation.",
        transport_es="Aeropuerto Internacional La Aurora (GUA). Indique a la Secretaría Técnica su hora de llegada "
        "y de salida al inscribirse.",
        transport_en="La Aurora International Airport (GUA). Give the Technical Secretariat your arrival and "
        "departure times when you register.",
        visas_es="Consulte con el consulado de Guatemala si su pasaporte requiere visa. La Secretaría Técnica "
        "envía, a quien lo pida, una carta de invitación para el trámite.",
        visas_en="Check with Guatemala's consulate whether your passport needs a visa. The Technical Secretariat "
        "sends a letter of invitation for the application to anyone who asks.",
        contacts_es="Secretaría Técnica de la CRM, San José, Costa Rica.",
        contacts_en="RCM Technical Secretariat, San José, Costa Rica.",
        other_es="Interpretación simultánea español–inglés durante todo el seminario.",
        other_en="Simultaneous Spanish–English interpretation throughout the seminar.",
    )  # fmt: skip

    # --- December 2004 in Panama ------------------------------------------------------
    december = [
        ("taller-convencion-palermo-2004", Meeting.Kind.WORKSHOP, None, D(2004, 12, 6), D(2004, 12, 6),
         "Taller sobre la Convención de Palermo",
         "Workshop on the Palermo Convention", AccessLevel.PUBLIC,
         "Taller sobre la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y sus "
         "Protocolos contra el tráfico ilícito de migrantes y la trata de personas.",
         "Workshop on the United Nations Convention against Transnational Organized Crime and its Protocols "
         "against the smuggling of migrants and trafficking in persons."),
        ("red-trafico-trata-2004-12", Meeting.Kind.NETWORK, "red-trafico-trata", D(2004, 12, 7), D(2004, 12, 7),
         "Reunión de la Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la Trata "
         "de Personas", "Meeting of the Liaison Officer Network to Combat Migrant Smuggling and Trafficking in "
         "Persons", AccessLevel.MEMBERS, "", ""),
        ("red-proteccion-consular-2004-12", Meeting.Kind.NETWORK, "red-proteccion-consular", D(2004, 12, 7),
         D(2004, 12, 7), "Reunión de la Red de Funcionarios de Enlace para la Protección Consular",
         "Meeting of the Liaison Officer Network for Consular Protection", AccessLevel.MEMBERS, "", ""),
        ("grcm-panama-2004-12", Meeting.Kind.GRCM, "grcm", D(2004, 12, 8), D(2004, 12, 9),
         "Reunión del Grupo Regional de Consulta sobre Migración", "Meeting of the Regional Consultation Group on "
         "Migration", AccessLevel.MEMBERS,
         "Reunión técnica que recibe el informe semestral de actividades y financiero de la Secretaría Técnica "
         "(mayo–noviembre de 2004) y el informe del fondo de reserva.",
         "Technical meeting that receives the Technical Secretariat's six-monthly activity and financial report "
         "(May–November 2004) and the reserve fund's report."),
    ]  # fmt: skip
    for slug, kind, group_slug, start, end, title_es, title_en, level, desc_es, desc_en in december:
        meeting = _meeting(
            slug, by=st, created=D(2004, 9, 1), kind=kind, title_es=title_es, title_en=title_en,
            description_es=desc_es, description_en=desc_en, start_date=start, end_date=end,
            time_zone="America/Panama", city="Ciudad de Panamá", city_en="Panama City", country=c["PA"],
            host_countries=[c["PA"]],
            group=group.get(group_slug) if group_slug else None, working_languages=["es", "en"],
            interpretation=True, access_level=level,
        )  # fmt: skip
        opening = _item(start, (9, 0), (9, 30), "Apertura", "Opening", speakers=[rios])
        if kind == Meeting.Kind.GRCM:
            items = [
                opening,
                _item(
                    start,
                    (9, 30),
                    (11, 0),
                    "Informe de la Presidencia Pro-Tempore",
                    "Report of the Pro-Tempore Presidency",
                    speakers=[rios],
                ),
                _item(
                    start,
                    (11, 0),
                    (13, 0),
                    "Informe semestral de actividades y financiero de la Secretaría Técnica (mayo–noviembre de 2004)",
                    "Six-monthly activity and financial report of the Technical Secretariat (May–November 2004)",
                    speakers=[monzon],
                ),
                _item(
                    start,
                    (14, 30),
                    (17, 0),
                    "Informe del fondo de reserva para el retorno de migrantes en situación de alta vulnerabilidad",
                    "Report of the reserve fund for the return of highly vulnerable migrants",
                    speakers=[pires],
                ),
                _item(
                    end,
                    (9, 0),
                    (12, 0),
                    "Informes de las Redes de Funcionarios de Enlace y del taller sobre la Convención de Palermo",
                    "Reports of the liaison-officer networks and of the Palermo Convention workshop",
                    speakers=[mendez, zelaya],
                ),
                _item(end, (14, 0), (16, 0), "Preparación de la X CRM", "Preparation of the X RCM", moderators=[rios]),
            ]
            annotations = {
                "Informe semestral de actividades y financiero de la Secretaría Técnica (mayo–noviembre de 2004)": (
                    "El Coordinador presenta las actividades de apoyo técnico y logístico, de acercamiento y las "
                    "mejoras a la Secretaría Virtual; el GRCM toma nota del informe financiero.",
                    "The Coordinator presents the technical and logistical support, outreach and the "
                    "improvements to the Virtual Secretariat; the RCGM takes note of the financial report.",
                ),
                "Informe del fondo de reserva para el retorno de migrantes en situación de alta vulnerabilidad": (
                    "La OIM informa sobre el protocolo entre la OIM y la CRM para el uso del fondo.",
                    "IOM reports on the protocol between IOM and the RCM on the use of the fund.",
                ),
            }
        else:
            topic = {
                Meeting.Kind.WORKSHOP: ("La Convención y sus Protocolos: obligaciones de los Estados",
                                        "The Convention and its Protocols: obligations of States"),
                "red-trafico-trata": ("Intercambio de información sobre casos de tráfico ilícito y trata",
                                      "Exchange of information on smuggling and trafficking cases"),
                "red-proteccion-consular": ("Protección consular de migrantes en situación de vulnerabilidad",
                                            "Consular protection of migrants in vulnerable situations"),
            }[group_slug or kind]  # fmt: skip
            items = [
                opening,
                _item(start, (9, 30), (12, 30), *topic, moderators=[monzon]),
                _item(
                    start,
                    (14, 0),
                    (16, 0),
                    "Conclusiones e informe al GRCM",
                    "Conclusions and report to the RCGM",
                    moderators=[monzon],
                ),
            ]
            annotations = {
                topic[0]: (
                    "Documento de trabajo preparado por la Secretaría Técnica; los países presentan su experiencia.",
                    "Working paper prepared by the Technical Secretariat; countries present their experience.",
                )
            }
        _agenda(meeting, st=st, ppt=ppt, items=items, submitted=D(2004, 11, 8), approved=D(2004, 11, 12),
                annotations=annotations)  # fmt: skip

    # --- Documents of the documents app's demo, on the meetings' pages ---------------
    links = [
        ("seminario-migracion-y-salud-2004", "CRM/SEM-SALUD/2004/1", MeetingDocument.Role.AGENDA, D(2004, 9, 24)),
        ("seminario-migracion-y-salud-2004", "CRM/SEM-SALUD/2004/2", MeetingDocument.Role.LOGISTICS, D(2004, 9, 24)),
        ("ix-crm-2004", "CRM/ST/2004/7", MeetingDocument.Role.OUTCOME, D(2004, 7, 6)),
        ("grcm-panama-2004-12", "CRM/ST/2004/INF.2", MeetingDocument.Role.REPORT, D(2004, 11, 30)),
    ]
    for slug, symbol, role, day in links:
        document = Document.objects.filter(symbol=symbol).first()
        if document is not None:
            services.meeting_document_link(
                meeting=Meeting.objects.get(slug=slug), document=document, role=role, by=st, on=_at(day)
            )
