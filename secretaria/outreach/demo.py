"""Demo outreach from the seed report (section B, and the visit to Panama of section A).

Every event the Coordinator attended with the PPT's approval, the papers presented there
("La Dinámica de las Políticas Migratorias" twice), the informal meetings, the draft poster and
brochure, the research documents and the two inquiries answered (University of Toronto's
Geography Department on remittances; Global Rights on NGOs). The report gives months, not
days: the days here are the demo's. Running it again changes nothing (found by title).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from secretaria.core.access import AccessLevel, Role
from secretaria.directory.models import Country, Organization, Person
from secretaria.documents.models import Document
from secretaria.outreach.models import AnswerTemplate, EngagementDocument, Inquiry, Material
from secretaria.outreach.models import Engagement as E
from secretaria.outreach.services import engagements as services
from secretaria.outreach.services import inquiries as inquiry_services

D = datetime.date
K = E.Kind

# Organisations the seed names that the directory's demo does not have.
EXTRA_ORGS = [
    ("IIDH", "other", "Instituto Interamericano de Derechos Humanos", "Inter-American Institute of Human Rights",
     "IIDH", "IIHR", "CR"),
    ("OEA", "international", "Organización de los Estados Americanos", "Organization of American States", "OEA",
     "OAS", "US"),
    ("FORO", "other", "Foro Mundial sobre Movimientos Humanos y Migración", "World Forum on Human Movements and "
     "Migration", "", "", None),
    ("CNM", "government", "Consejo Nacional de Migración de Costa Rica", "National Migration Council of Costa Rica",
     "CNM", "CNM", "CR"),
    ("UOFT", "other", "Universidad de Toronto, Departamento de Geografía", "University of Toronto, Department of "
     "Geography", "", "", "CA"),
    ("GR", "civil_society", "Global Rights", "Global Rights", "", "", "US"),
]  # fmt: skip


def _orgs() -> dict[str, Organization]:
    countries = {c.iso2: c for c in Country.objects.all()}
    out = {}
    for key, kind, es, en, acr_es, acr_en, iso2 in EXTRA_ORGS:
        out[key], _ = Organization.objects.get_or_create(
            name_es=es, defaults={"kind": kind, "name_en": en, "acronym_es": acr_es, "acronym_en": acr_en,
                                  "country": countries.get(iso2) if iso2 else None},
        )  # fmt: skip
    by_acronym = {o.acronym_en: o for o in Organization.objects.exclude(acronym_en="")}
    out["UNHCR"], out["RRCOM"], out["IOM"] = by_acronym.get("UNHCR"), by_acronym.get("RRCOM"), by_acronym.get("IOM")
    for iso2 in ("CR", "GT", "SV", "MX", "CA", "US", "PA"):
        out[f"gov-{iso2}"] = Organization.objects.filter(kind="government", country__iso2=iso2).order_by("pk").first()
    return out


def _doc(symbol: str) -> Document | None:
    return Document.objects.filter(symbol=symbol).first()


def _events(orgs) -> list[dict]:
    return [
        {"kind": K.PRESENTATION, "start_date": D(2004, 7, 15), "place": "San José", "country": "CR",
         "organization": orgs["IIDH"],
         "title_es": "Evento en el Instituto Interamericano de Derechos Humanos",
         "title_en": "Event at the Inter-American Institute of Human Rights",
         "summary_es": "Presentación de «La Dinámica de las Políticas Migratorias» en el Instituto Interamericano de "
                       "Derechos Humanos, San José, Costa Rica, julio de 2004.",
         "summary_en": "Presentation of “The Dynamics of Migration Policies” at the Inter-American Institute of Human "
                       "Rights, San José, Costa Rica, July 2004.",
         "purpose_es": "Promocionar los trabajos y logros de la CRM.", "purpose_en": "Promote the work and "
                       "achievements of the RCM.",
         "audience_es": "Especialistas en derechos humanos", "audience_en": "Human-rights specialists",
         "docs": [("CRM/ST/2004/PRES.1", EngagementDocument.Role.PRESENTATION)]},
        {"kind": K.OTHER, "start_date": D(2004, 7, 22), "place": "San José", "country": "CR",
         "organization": orgs["UNHCR"],
         "title_es": "Conmemoración de la Declaración de Cartagena (ACNUR)",
         "title_en": "Commemoration of the Cartagena Declaration (UNHCR)",
         "summary_es": "Actividad organizada por el ACNUR para conmemorar la Declaración de Cartagena, San José, "
                       "Costa Rica, julio de 2004.",
         "summary_en": "Event organised by UNHCR to commemorate the Cartagena Declaration, San José, Costa Rica, "
                       "July 2004.", "docs": []},
        {"kind": K.MEETING, "start_date": D(2004, 8, 12), "place": "Ciudad de Guatemala", "country": "GT",
         "organization": orgs["RRCOM"],
         "title_es": "Reunión con representantes de la RRCOM",
         "title_en": "Meeting with representatives of the RRCOM",
         "summary_es": "Reunión con representantes de la Red Regional de Organizaciones Civiles para las Migraciones "
                       "(RRCOM), Ciudad de Guatemala, agosto de 2004.",
         "summary_en": "Meeting with representatives of the Regional Network of Civil Organizations for Migration "
                       "(RRCOM), Guatemala City, August 2004.", "docs": []},
        {"kind": K.PRESENTATION, "start_date": D(2004, 9, 20), "end_date": D(2004, 9, 24), "place": "Barcelona, España",
         "country": None, "organization": orgs["FORO"],
         "title_es": "Foro Mundial sobre Movimientos Humanos y Migración",
         "title_en": "World Forum on Human Movements and Migration",
         "summary_es": "Foro Mundial sobre Movimientos Humanos y Migración, Barcelona, septiembre de 2004: se presentó "
                       "«¿Son prematuras las discusiones en torno a un acuerdo global de gestión de la migración?».",
         "summary_en": "World Forum on Human Movements and Migration, Barcelona, September 2004: the paper “Are "
                       "discussions on a global agreement on migration management premature?” was presented.",
         "docs": [("CRM/ST/2004/DOC.2", EngagementDocument.Role.PAPER)]},
        {"kind": K.MEETING, "start_date": D(2004, 10, 14), "place": "Washington D.C.", "country": "US",
         "organization": orgs["OEA"],
         "title_es": "Sesión especial del Grupo de Trabajo de la OEA sobre los derechos humanos de los migrantes",
         "title_en": "Special session of the OAS Working Group on the human rights of migrants",
         "summary_es": "Reunión del Grupo de Trabajo de la OEA que elabora el Programa Interamericano para la "
                       "Promoción y Protección de los Derechos Humanos de los Migrantes, Washington D.C., octubre de "
                       "2004: se presentaron las notas del Coordinador.",
         "summary_en": "Meeting of the OAS Working Group preparing the Inter-American Program for the Promotion and "
                       "Protection of the Human Rights of Migrants, Washington D.C., October 2004: the Coordinator's "
                       "notes were presented.",
         "docs": [("CRM/ST/2004/DOC.3", EngagementDocument.Role.PAPER)]},
        {"kind": K.PRESENTATION, "start_date": D(2004, 10, 27), "place": "San José", "country": "CR",
         "organization": orgs["CNM"],
         "title_es": "Consejo Nacional de Migración de Costa Rica", "title_en": "National Migration Council of Costa Rica",
         "summary_es": "Consejo Nacional de Migración de Costa Rica: presentación de «La Dinámica de las Políticas "
                       "Migratorias», octubre de 2004.",
         "summary_en": "National Migration Council of Costa Rica: presentation of “The Dynamics of Migration "
                       "Policies”, October 2004.",
         "docs": [("CRM/ST/2004/PRES.1", EngagementDocument.Role.PRESENTATION)]},
    ]  # fmt: skip


def _informal(orgs) -> list[dict]:
    def meeting(day, place, iso2, met, es, en, topics_es, topics_en):
        return {"kind": K.INFORMAL, "start_date": day, "place": place, "country": iso2,
                "organizations_met": [o for o in met if o], "title_es": es, "title_en": en, "summary_es": es.rstrip(".") + ".",
                "summary_en": en.rstrip(".") + ".", "topics_es": topics_es, "topics_en": topics_en,
                "confidential_notes": "Notas internas de la Secretaría Técnica sobre la conversación (demo).",
                "needs_approval": False, "docs": []}  # fmt: skip

    return [
        meeting(D(2004, 8, 5), "San José", "CR", [orgs["gov-CR"]],
                "Reunión informal con funcionarios de migración de Costa Rica, San José",
                "Informal meeting with migration officials of Costa Rica, San José",
                "Seguimiento de la IX CRM; Consejo Nacional de Migración.", "Follow-up of the IX RCM; National "
                "Migration Council."),
        meeting(D(2004, 8, 13), "Ciudad de Guatemala", "GT", [orgs["gov-GT"], orgs["gov-SV"], orgs["gov-MX"]],
                "Reuniones informales con funcionarios de migración de Guatemala, El Salvador y México, Ciudad de "
                "Guatemala",
                "Informal meetings with migration officials of Guatemala, El Salvador and Mexico, Guatemala City",
                "Seminario sobre Migración y Salud; redes de funcionarios de enlace.", "Seminar on Migration and "
                "Health; liaison-officer networks."),
        meeting(D(2004, 9, 9), "San José", "CR", [orgs["UNHCR"]],
                "Reunión informal con representantes del ACNUR, San José",
                "Informal meeting with representatives of UNHCR, San José",
                "Protección internacional en los flujos migratorios mixtos.", "International protection in mixed "
                "migration flows."),
        meeting(D(2004, 9, 30), "Ottawa", "CA", [orgs["gov-CA"]],
                "Reunión informal con funcionarios de migración de Canadá, Ottawa",
                "Informal meeting with migration officials of Canada, Ottawa",
                "Seminario sobre Migración y Salud, copatrocinado por Canadá.", "Seminar on Migration and Health, "
                "co-sponsored by Canada."),
        meeting(D(2004, 10, 15), "Washington D.C.", "US", [orgs["gov-US"]],
                "Reunión informal con funcionarios de migración de los Estados Unidos, Washington D.C.",
                "Informal meeting with migration officials of the United States, Washington D.C.",
                "Programa Interamericano de la OEA; trata de personas.", "The OAS Inter-American Program; "
                "trafficking in persons."),
    ]  # fmt: skip


def _mission(orgs) -> dict:
    return {
        "kind": K.MISSION, "start_date": D(2004, 11, 3), "end_date": D(2004, 11, 5), "place": "Ciudad de Panamá",
        "country": "PA", "organization": orgs["gov-PA"],
        "title_es": "Visita a Panamá para coordinar con la Presidencia Pro-Témpore",
        "title_en": "Visit to Panama to coordinate with the Pro-Tempore Presidency",
        "summary_es": "Visita a Panamá para coordinar el trabajo con la Presidencia Pro-Témpore y negociar la "
                      "contratación de interpretación y equipo audiovisual para el taller y las reuniones de "
                      "diciembre de 2004.",
        "summary_en": "Visit to Panama to coordinate with the Pro-Tempore Presidency and negotiate the interpretation "
                      "and audio-visual services for the December 2004 workshop and meetings.",
        "purpose_es": "Taller sobre la Convención de Palermo y reuniones de las Redes y del GRCM de diciembre de 2004.",
        "purpose_en": "Workshop on the Palermo Convention and the December 2004 meetings of the networks and the RCGM.",
        "topics_es": "Agendas preliminares; interpretación; equipo audiovisual.",
        "topics_en": "Preliminary agendas; interpretation; audio-visual equipment.", "docs": [],
    }  # fmt: skip


def _engagement(spec, *, monzon, ppt, at):
    spec = dict(spec)
    docs = spec.pop("docs")
    existing = E.objects.filter(title_es=spec["title_es"]).first()
    if existing is not None:
        return existing, False
    iso2 = spec.pop("country")
    spec["country"] = Country.objects.filter(iso2=iso2).first() if iso2 else None
    spec.setdefault("access_level", AccessLevel.MEMBERS)
    people_met = spec.pop("organizations_met", [])
    engagement = services.engagement_create(
        by=None, secretariat_people=[monzon] if monzon else [], organizations_met=people_met, notify=False, **spec
    )
    if engagement.needs_approval:
        services.engagement_approve(engagement=engagement, by=None, comment="", on=at, notify=False)
        if ppt is not None:
            E.objects.filter(pk=engagement.pk).update(decided_by=ppt, requested_at=at - datetime.timedelta(days=7))
    services.engagement_close(engagement=engagement, by=None, to=E.Status.ATTENDED)
    for symbol, role in docs:
        document = _doc(symbol)
        if document is not None:
            services.deliverable_add(engagement=engagement, by=None, document=document, role=role)
    return engagement, True


def _moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _materials():
    """The seed reports drafts of a poster and a brochure: the drafts themselves were published
    (for the members to review), so the report, which counts published material only, lists them."""
    specs = [
        ("poster", "Afiche de promoción de la CRM (borrador)", "RCM promotion poster (draft)",
         "Borrador de un afiche de promoción de la CRM.", "Draft of a poster promoting the RCM.", D(2004, 10, 20),
         "CRM/ST/2004/PROM.1"),
        ("brochure", "Folleto informativo de la CRM (borrador)", "RCM information brochure (draft)",
         "Borrador de un folleto de promoción de la CRM.", "Draft of a brochure promoting the RCM.", D(2004, 10, 25),
         "CRM/ST/2004/PROM.2"),
        ("research", "Documentos de investigación migratoria", "Migration research papers",
         "Preparación de documentos de investigación migratoria.", "Migration research papers prepared.",
         D(2004, 9, 15), "CRM/ST/2004/DOC.2"),
    ]  # fmt: skip
    for kind, es, en, sum_es, sum_en, day, symbol in specs:
        if Material.objects.filter(title_es=es).exists():
            continue
        document = _doc(symbol)
        material = services.material_create(by=None, kind=kind, title_es=es, title_en=en, summary_es=sum_es,
                                            summary_en=sum_en, date=day, campaign="Promoción de la CRM 2004",
                                            document=document)  # fmt: skip
        if document is not None:
            services.material_advance(material=material, by=None, at=_moment(day))
            services.material_advance(material=material, by=None, at=_moment(day, 15))


INQUIRIES = [
    {"name": "Departamento de Geografía", "organization_name": "University of Toronto, Department of Geography",
     "email": "geography.inquiry@demo.example.org", "country": "CA", "language": "en", "topic": "Remesas / remittances",
     "subject": "Remittances in the RCM countries", "org": "UOFT",
     "text": "We are studying remittances in Central America and Mexico. Does the Conference have data or documents "
             "on remittance flows and policies in its member countries?",
     "received": D(2004, 8, 23), "answered": D(2004, 8, 27),
     "summary_es": "Consulta del Departamento de Geografía de la Universidad de Toronto sobre remesas, contestada.",
     "summary_en": "Inquiry from the University of Toronto's Geography Department on remittances, answered.",
     "answer": "Thank you for your inquiry. The Conference has discussed remittances in its Plan of Action; we "
               "attach the public documents and the contacts of the liaison officers who follow the subject."},
    {"name": "Global Rights", "organization_name": "Global Rights (Washington, D.C.)",
     "email": "ngo.guide@demo.example.org", "country": "US", "language": "en",
     "topic": "Papel de las ONG en la CRM / role of NGOs", "subject": "The role of NGOs in the Puebla Process",
     "org": "GR",
     "text": "Global Rights is preparing an introductory guide for NGOs on using regional mechanisms to promote human "
             "rights. How can NGOs take part in the Regional Conference on Migration?",
     "received": D(2004, 9, 27), "answered": D(2004, 10, 4),
     "summary_es": "Consulta de Global Rights (Washington D.C.) sobre el papel de las ONG en la CRM, contestada.",
     "summary_en": "Inquiry from Global Rights (Washington D.C.) on the role of NGOs in the RCM, answered.",
     "answer": "Civil society takes part in the Conference through the Regional Network of Civil Organizations for "
               "Migration (RRCOM), which meets before the Vice-Ministerial meeting and presents its views there."},
]  # fmt: skip


def _inquiries(orgs, st_user):
    template = AnswerTemplate.objects.filter(slug="informacion-general").first()
    version = template.current if template else None
    if version is None:
        version = inquiry_services.template_save(
            slug="informacion-general", by=None, name_es="Información general", name_en="General information",
            subject_es="Su consulta {reference}", subject_en="Your inquiry {reference}",
            body_es="Estimado/a {name}:\n\nGracias por su consulta. [[respuesta]]\n\nSecretaría Técnica de la CRM",
            body_en="Dear {name},\n\nThank you for your inquiry. [[answer]]\n\nTechnical Secretariat of the RCM",
        )  # fmt: skip
        # Written when the Secretariat began answering inquiries on the platform, not today.
        type(version).objects.filter(pk=version.pk).update(
            created_at=datetime.datetime(2004, 7, 1, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-6)))
        )
        version.refresh_from_db()
    countries = {c.iso2: c for c in Country.objects.all()}
    for spec in INQUIRIES:
        if Inquiry.objects.filter(summary_es=spec["summary_es"]).exists():
            continue
        inquiry = inquiry_services.inquiry_receive(
            name=spec["name"], email=spec["email"], organization_name=spec["organization_name"],
            organization=orgs.get(spec["org"]), country=countries.get(spec["country"]), language=spec["language"],
            topic=spec["topic"], subject=spec["subject"], text=spec["text"], channel=Inquiry.Channel.EMAIL,
            received_at=_moment(spec["received"], 9), send=False, summary_es=spec["summary_es"],
            summary_en=spec["summary_en"],
        )  # fmt: skip
        if st_user is not None:
            inquiry_services.inquiry_assign(inquiry=inquiry, by=None, to=st_user, at=_moment(spec["received"], 11))
        _subject, body = inquiry_services.template_fill(version, inquiry)
        body = body.replace("[[answer]]", spec["answer"])
        inquiry_services.inquiry_reply(inquiry=inquiry, by=None, body=body, template_version=version,
                                       documents=[d for d in [_doc("CRM/ST/2004/DOC.2")] if d] if spec["org"] == "GR"
                                       else [], at=_moment(spec["answered"], 14), send=False)  # fmt: skip
        inquiry_services.inquiry_set_status(inquiry=inquiry, by=None, to=Inquiry.Status.CLOSED,
                                            at=_moment(spec["answered"], 15))  # fmt: skip


def _mission_costs(mission, orgs):
    if mission.costs.exists():
        return
    services.mission_cost_add(engagement=mission, by=None, kind="travel", description="San José – Panamá – San José",
                              amount=Decimal("412.00"), currency="USD", funder="secretariat")  # fmt: skip
    services.mission_cost_add(engagement=mission, by=None, kind="lodging", description="2 noches",
                              amount=Decimal("180.00"), currency="USD", funder="secretariat")  # fmt: skip
    services.mission_cost_add(engagement=mission, by=None, kind="allowance", amount=Decimal("150.00"),
                              currency="USD", funder="iom")  # fmt: skip


def load(*, stdout, style):
    orgs = _orgs()
    monzon = Person.objects.filter(given_name="Luis", family_name="Monzón").first()
    User = get_user_model()
    ppt = User.objects.filter(role=Role.PPT, country__iso2="PA").order_by("pk").first()
    st_user = User.objects.filter(role=Role.SECRETARIAT).order_by("pk").first()
    created = 0
    for spec in _events(orgs):
        _e, new = _engagement(spec, monzon=monzon, ppt=ppt, at=_moment(spec["start_date"] - datetime.timedelta(days=5)))
        created += new
    for spec in _informal(orgs):
        _e, new = _engagement(spec, monzon=monzon, ppt=None, at=_moment(spec["start_date"]))
        created += new
    spec = _mission(orgs)
    mission, new = _engagement(
        spec, monzon=monzon, ppt=ppt, at=_moment(spec["start_date"] - datetime.timedelta(days=10))
    )
    created += new
    _mission_costs(mission, orgs)
    _materials()
    _inquiries(orgs, st_user)
    stdout.write(style.SUCCESS(f"Outreach: {created} engagements created, {E.objects.count()} in all; "
                               f"{Inquiry.objects.count()} inquiries."))  # fmt: skip
