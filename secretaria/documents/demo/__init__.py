"""Demo documents from the seed report (the Secretariat's activity report, May–November 2004).

Real files are generated from the texts below (PDF with fpdf2, DOCX with python-docx) and
go through the same services as an upload; their text is extracted here, synchronously, so
the demo is searchable at once. Running it again changes nothing: documents are found by
symbol, and a language version that exists is left alone.
"""

from __future__ import annotations

import datetime
import io

from secretaria.core.access import AccessLevel
from secretaria.directory.models import Group, Organization
from secretaria.documents import generate, services
from secretaria.documents.demo.texts import (
    LETTER_ES,
    OAS_NOTES_ES,
    PAPER_EN,
    PAPER_ES,
    PRESENTATION_ES,
    REPORT_EN,
    REPORT_ES,
    SEMINAR_AGENDA_EN,
    SEMINAR_AGENDA_ES,
    SEMINAR_LOGISTICS_ES,
    ST_HEADER,
    ST_HEADER_EN,
)
from secretaria.documents.models import Document, DocumentFile, ExtractionState, Topic
from secretaria.documents.tasks import extract_document_file

TOPICS = [
    ("seguimiento-crm", "Seguimiento de la Conferencia", "Follow-up of the Conference"),
    ("migracion-salud", "Migración y salud", "Migration and health"),
    ("politicas-migratorias", "Políticas migratorias", "Migration policy"),
    ("gobernanza-global", "Gobernanza global de la migración", "Global governance of migration"),
    ("derechos-humanos", "Derechos humanos de los migrantes", "Human rights of migrants"),
    ("fondo-reserva", "Fondo de reserva para el retorno", "Reserve fund for assisted return"),
    ("secretaria-virtual", "Secretaría Virtual", "Virtual Secretariat"),
]


def _topics() -> dict[str, Topic]:
    topics = {}
    for slug, es, en in TOPICS:
        topics[slug], _created = Topic.objects.update_or_create(slug=slug, defaults={"name_es": es, "name_en": en})
    return topics


def _secretariat() -> Organization:
    org = Organization.objects.filter(kind=Organization.Kind.SECRETARIAT).order_by("pk").first()
    if org is None:
        org = Organization.objects.create(
            kind=Organization.Kind.SECRETARIAT,
            name_es="Secretaría Técnica de la Conferencia Regional sobre Migración",
            name_en="Technical Secretariat of the Regional Conference on Migration",
            acronym_es="ST",
            acronym_en="TS",
        )
    return org


def _documents(topics, st, grcm):
    return [
        {
            "symbol": "CRM/ST/2004/7",
            "doc_type": Document.Type.LETTER,
            "date": datetime.date(2004, 7, 6),
            "title_es": "Carta de seguimiento de los compromisos de la IX CRM",
            "title_en": "Follow-up letter on the commitments of the IX RCM",
            "summary_es": "Carta enviada a los países miembros el 6 de julio de 2004, a petición de la Presidencia "
            "Pro-Témpore, con la documentación de seguimiento de los compromisos de la IX CRM (Panamá, mayo de "
            "2004).",
            "summary_en": "Letter sent to the member countries on 6 July 2004, at the request of the Pro-Tempore "
            "Presidency, with the follow-up documents on the commitments of the IX RCM (Panama, May 2004).",
            "topics": [topics["seguimiento-crm"], topics["fondo-reserva"]],
            "access_level": AccessLevel.MEMBERS,
            "files": [("es", "Carta de seguimiento IX CRM.pdf", "pdf", "Carta de seguimiento", LETTER_ES)],
        },
        {
            "symbol": "CRM/SEM-SALUD/2004/1",
            "doc_type": Document.Type.PRELIMINARY_AGENDA,
            "date": datetime.date(2004, 9, 20),
            "title_es": "Agenda del Seminario sobre Migración y Salud",
            "title_en": "Agenda of the Seminar on Migration and Health",
            "summary_es": "Seminario patrocinado por Canadá y México, Ciudad de Guatemala, 18 y 19 de octubre de 2004.",
            "summary_en": "Seminar sponsored by Canada and Mexico, Guatemala City, 18-19 October 2004.",
            "topics": [topics["migracion-salud"]],
            "access_level": AccessLevel.PUBLIC,
            "files": [
                ("es", "Agenda Seminario Migración y Salud.pdf", "pdf", "Agenda", SEMINAR_AGENDA_ES),
                ("en", "Agenda Seminar Migration and Health.pdf", "pdf", "Agenda", SEMINAR_AGENDA_EN),
            ],
        },
        {
            "symbol": "CRM/SEM-SALUD/2004/2",
            "doc_type": Document.Type.LOGISTICS_NOTE,
            "date": datetime.date(2004, 9, 27),
            "title_es": "Información administrativa y logística del Seminario sobre Migración y Salud",
            "title_en": "Administrative and logistics information for the Seminar on Migration and Health",
            "summary_es": "Sede, inscripción, documentos, alojamiento y contacto para los participantes.",
            "summary_en": "",
            "topics": [topics["migracion-salud"]],
            "access_level": AccessLevel.PUBLIC,
            "files": [
                (
                    "es",
                    "Información logística Seminario Salud.docx",
                    "docx",
                    "Información administrativa y logística",
                    SEMINAR_LOGISTICS_ES,
                ),
            ],  # fmt: skip
        },
        {
            "symbol": "CRM/ST/2004/PRES.1",
            "doc_type": Document.Type.PRESENTATION,
            "date": datetime.date(2004, 7, 15),
            "title_es": "La Dinámica de las Políticas Migratorias",
            "title_en": "The Dynamics of Migration Policies",
            "summary_es": "Presentación del Coordinador de la Secretaría Técnica en el Instituto Interamericano de "
            "Derechos Humanos (San José, julio de 2004) y ante el Consejo Nacional de Migración de Costa Rica "
            "(octubre de 2004).",
            "summary_en": "",
            "topics": [topics["politicas-migratorias"], topics["derechos-humanos"]],
            "access_level": AccessLevel.PUBLIC,
            "files": [
                (
                    "es",
                    "La Dinámica de las Políticas Migratorias.pdf",
                    "pdf",
                    "La Dinámica de las Políticas Migratorias",
                    PRESENTATION_ES,
                ),
            ],  # fmt: skip
        },
        {
            "symbol": "CRM/ST/2004/DOC.2",
            "doc_type": Document.Type.WORKING_DOCUMENT,
            "date": datetime.date(2004, 9, 1),
            "title_es": "¿Son prematuras las discusiones en torno a un acuerdo global de gestión de la migración?",
            "title_en": "Are discussions on a global agreement on migration management premature?",
            "summary_es": "Documento presentado en el Foro Mundial sobre Movimientos Humanos y Migración, "
            "Barcelona, septiembre de 2004.",
            "summary_en": "Paper presented at the World Forum on Human Movements and Migration, Barcelona, "
            "September 2004.",
            "topics": [topics["gobernanza-global"]],
            "access_level": AccessLevel.PUBLIC,
            "files": [
                ("es", "Son prematuras las discusiones.pdf", "pdf", PAPER_ES[0], PAPER_ES[1:]),
                ("en", "Are discussions premature.pdf", "pdf", PAPER_EN[0], PAPER_EN[1:]),
            ],
        },
        {
            "symbol": "CRM/ST/2004/DOC.3",
            "doc_type": Document.Type.WORKING_DOCUMENT,
            "date": datetime.date(2004, 10, 14),
            "title_es": "Notas para una presentación del Coordinador de la Secretaría Técnica de la CRM en la Sesión "
            "Especial del Grupo de Trabajo de la OEA",
            "title_en": "Notes for a presentation by the Coordinator of the RCM Technical Secretariat at the "
            "Special Session of the OAS Working Group",
            "summary_es": "Grupo de Trabajo que prepara el Programa Interamericano para la Promoción y Protección "
            "de los Derechos Humanos de los Migrantes, Washington D.C., octubre de 2004.",
            "summary_en": "",
            "topics": [topics["derechos-humanos"]],
            "access_level": AccessLevel.OBSERVERS,
            "files": [("es", "Notas Grupo de Trabajo OEA.docx", "docx", "Notas para una presentación", OAS_NOTES_ES)],
        },
        {
            "symbol": "CRM/ST/2004/PROM.1",
            "doc_type": Document.Type.OTHER,
            "date": datetime.date(2004, 10, 20),
            "title_es": "Afiche de promoción de la CRM (borrador)",
            "title_en": "RCM promotion poster (draft)",
            "summary_es": "Borrador de un afiche de promoción de la Conferencia Regional sobre Migración.",
            "summary_en": "Draft of a poster promoting the Regional Conference on Migration.",
            "topics": [topics["seguimiento-crm"]],
            "access_level": AccessLevel.PUBLIC,
            "files": [
                (
                    "es",
                    "Afiche CRM borrador.pdf",
                    "pdf",
                    "Afiche de promoción de la CRM",
                    ["Borrador para revisión de los países miembros.", "Conferencia Regional sobre Migración."],
                )
            ],
        },
        {
            "symbol": "CRM/ST/2004/PROM.2",
            "doc_type": Document.Type.OTHER,
            "date": datetime.date(2004, 10, 25),
            "title_es": "Folleto informativo de la CRM (borrador)",
            "title_en": "RCM information brochure (draft)",
            "summary_es": "Borrador de un folleto de promoción de la Conferencia Regional sobre Migración.",
            "summary_en": "Draft of a brochure promoting the Regional Conference on Migration.",
            "topics": [topics["seguimiento-crm"]],
            "access_level": AccessLevel.PUBLIC,
            "files": [
                (
                    "es",
                    "Folleto CRM borrador.pdf",
                    "pdf",
                    "Folleto informativo de la CRM",
                    ["Borrador para revisión de los países miembros.", "Qué es la CRM, sus países y su plan."],
                )
            ],
        },
        {
            "symbol": "CRM/ST/2004/INF.2",
            "doc_type": Document.Type.REPORT,
            "date": datetime.date(2004, 11, 30),
            "title_es": "Informe de actividades de la Secretaría Técnica, mayo-noviembre de 2004",
            "title_en": "Activity report of the Technical Secretariat, May-November 2004",
            "summary_es": "Informe semestral presentado al Grupo Regional de Consulta sobre Migración.",
            "summary_en": "Six-monthly report to the Regional Consultation Group on Migration.",
            "topics": [topics["seguimiento-crm"], topics["secretaria-virtual"], topics["migracion-salud"]],
            "access_level": AccessLevel.MEMBERS,
            "group": grcm,
            "files": [
                ("es", "Informe ST mayo-noviembre 2004.pdf", "pdf", "Informe de actividades", REPORT_ES),
                ("en", "TS report May-November 2004.docx", "docx", "Activity report", REPORT_EN),
            ],
        },
    ]


def _file_content(kind: str, title: str, paragraphs: list[str], language: str) -> bytes:
    header = ST_HEADER if language == "es" else ST_HEADER_EN
    if kind == "docx":
        return generate.docx_bytes(title, paragraphs, subtitle=header)
    return generate.pdf_bytes(title, paragraphs, subtitle=header, author="Secretaría Técnica de la CRM")


def load(*, stdout, style):
    topics = _topics()
    st = _secretariat()
    grcm = Group.objects.filter(slug="grcm").first()
    created = 0
    for spec in _documents(topics, st, grcm):
        files = spec.pop("files")
        document = Document.objects.filter(symbol=spec["symbol"]).first()
        if document is None:
            document = services.document_create(by=None, author=st, **spec)
            created += 1
        for language, name, kind, title, paragraphs in files:
            if not DocumentFile.objects.filter(document=document, language=language).exists():
                content = _file_content(kind, title, paragraphs, language)
                services.document_add_file(
                    document=document, by=None, fileobj=io.BytesIO(content), name=name, language=language
                )
        # Synchronous here so the demo is searchable at once; uploads go through the worker.
        for doc_file in DocumentFile.objects.filter(document=document, extraction_state=ExtractionState.PENDING):
            extract_document_file.call(file_id=doc_file.pk, sha256=doc_file.sha256)
        document.refresh_from_db()
        if document.status == Document.Status.DRAFT:
            # A 2004 document was created and published in 2004, not on the day of the load.
            services.document_backdate(document=document)
            services.document_publish(document=document, by=None, at=services.historical_moment(document.date))
    stdout.write(style.SUCCESS(f"Documents: {created} created, {Document.objects.count()} in all."))
