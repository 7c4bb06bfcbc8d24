"""Acceptance: from the demo data alone, the May–November 2004 report carries every item of the
seed's introduction and sections A, B (outreach and advocacy, from the outreach app) and C, and the
reserve fund's figures (from the fund app, small counts suppressed), grouped as the seed groups
them, in the DOCX and the PDF (read back as text), in Spanish and in English."""

import datetime
import io
import re

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from docx import Document as Docx
from pypdf import PdfReader

from secretaria.documents.models import Document
from secretaria.fund import demo as fund_demo
from secretaria.fund import selectors as fund_selectors

D = datetime.date

pytestmark = pytest.mark.django_db

# Each group: its heading (a fragment) and the items the seed lists under it, in order of the groups.
SEED = {
    "es": [
        ("Introducción", ["Gerard Pascua", "finales de julio de 2004 el Sr. Luis Monzón", "Roberto Kozak",
                          "Sr. José Pires", "período mayo-noviembre de 2004"]),
        ("Seguimiento de decisiones emanadas de la IX Conferencia Regional sobre Migración",
         ["La carta de seguimiento fue enviada a los países miembros el 6 de julio de 2004",
          "protocolo entre la OIM y la CRM para la utilización del fondo de reserva"]),
        ("Seminario sobre Migración y Salud (patrocinado por Canadá y México), Ciudad de Guatemala, 18 y 19 de octubre de 2004",
         ["Colaboración con los países patrocinadores en la elaboración de la agenda",
          "Preparación de la invitación e información logística y envío de las mismas a los participantes (ponentes, "
          "representantes de gobiernos, organizaciones observadoras y de la sociedad civil)",
          "contratación y financiamiento de los servicios de interpretación, traducción y equipo audiovisual",
          "Publicación, en la Secretaría Virtual, de documentos",
          "Moderación del evento a cargo del Coordinador, a petición de los países patrocinadores",
          "Suministro de servicios de administración y apoyo en informática",
          "agradecimiento a los ponentes enviadas en nombre de Canadá y México"]),
        ("Taller sobre la Convención de Palermo",
         ["Preparación de las comunicaciones preliminares sobre asuntos administrativos, financieros, operativos y logísticos",
          "Visita a Panamá para coordinar trabajo con la Presidencia Pro-Témpore",
          "Preparación para la aprobación de la Presidencia Pro-Témpore de las agendas preliminares y anotadas",
          "contratación y financiamiento de los servicios de interpretación",
          "Publicación, en la Secretaría Virtual, de documentos de trabajo e información administrativo/logística",
          "Preparación de los informes de actividades y financieros respectivos"]),
        ("Eventos a los que asistió con la aprobación de la Presidencia Pro-Témpore",
         ["el Coordinador fue invitado a participar en varios eventos",
          "«La Dinámica de las Políticas Migratorias» en el Instituto Interamericano de Derechos Humanos, San José, "
          "Costa Rica, julio de 2004",
          "ACNUR para conmemorar la Declaración de Cartagena, San José, Costa Rica, julio de 2004",
          "Red Regional de Organizaciones Civiles para las Migraciones (RRCOM), Ciudad de Guatemala, agosto de 2004",
          "Foro Mundial sobre Movimientos Humanos y Migración, Barcelona, septiembre de 2004",
          "Grupo de Trabajo de la OEA", "Consejo Nacional de Migración de Costa Rica"]),
        ("Documentos presentados",
         ["«¿Son prematuras las discusiones en torno a un acuerdo global de gestión de la migración?»",
          "«Notas para una presentación del Coordinador de la Secretaría Técnica de la CRM en la Sesión Especial del "
          "Grupo de Trabajo de la OEA", "«La Dinámica de las Políticas Migratorias», Consejo Nacional de Migración"]),
        ("Reuniones informales",
         ["funcionarios de migración de Costa Rica", "Guatemala, El Salvador y México, Ciudad de Guatemala",
          "representantes del ACNUR, San José", "Canadá, Ottawa", "Estados Unidos, Washington D.C."]),
        ("Documentos de investigación y de promoción",
         ["documentos de investigación migratoria", "afiche", "folleto"]),
        ("Consultas atendidas",
         ["Universidad de Toronto sobre remesas", "Global Rights (Washington D.C.) sobre el papel de las ONG"]),
        ("Actualización de tecnología (hardware/software)", ["cerca del fin de su vida útil", "por lo menos 6-7 años"]),
        ("Nuevos servicios a los usuarios", ["videos", "listas de correo de difusión automática"]),
        ("Migración a los nuevos servidores", ["se hará a finales de diciembre de 2004"]),
        ("Boletines informativos sobre cambios/actualizaciones", ["Boletín de cambios y actualizaciones"]),
        ("Fondo de reserva para casos de retorno voluntario en situaciones de alta vulnerabilidad",
         ["se recibieron contribuciones por USD 33.650,00 y se presentaron 11 casos",
          "el saldo disponible del fondo era de USD 31.113,50"]),
        ("Casos presentados en el período, por resultado", ["Cerrado: <5", "Rechazada: <5", "Viaje realizado: <5"]),
    ],
    "en": [
        ("Introduction", ["Gerard Pascua", "Mr Luis Monzón succeeded at the end of July 2004", "Roberto Kozak",
                          "Mr José Pires", "May–November 2004"]),
        ("Follow-up of the decisions of the Ninth Regional Conference on Migration",
         ["The follow-up letter was sent to the member countries on 6 July 2004", "reserve fund for voluntary return"]),
        ("Seminar on Migration and Health (sponsored by Canada and Mexico), Guatemala City, 18–19 October 2004",
         ["Work with the sponsor countries on the agenda", "Invitations and logistics information prepared and sent",
          "contracting and financing of the services of interpretation, translation and audio-visual equipment",
          "The Coordinator moderated the event", "Administrative services and IT support provided"]),
        ("Workshop on the Palermo Convention",
         ["Preliminary communications on administrative, financial, operational and logistic matters",
          "Visit to Panama", "Preliminary and annotated agendas prepared for the approval",
          "The corresponding activity and financial reports prepared"]),
        ("Events attended with the approval of the Pro-Tempore Presidency",
         ["the Coordinator was invited to several events",
          "“The Dynamics of Migration Policies” at the Inter-American Institute of Human Rights",
          "UNHCR to commemorate the Cartagena Declaration", "(RRCOM)", "World Forum on Human Movements and Migration",
          "OAS Working Group", "National Migration Council of Costa Rica"]),
        ("Papers presented",
         ["“Are discussions on a global agreement on migration management premature?”",
          "“Notes for a presentation by the Coordinator of the RCM Technical Secretariat"]),
        ("Informal meetings",
         ["migration officials of Costa Rica", "Guatemala, El Salvador and Mexico", "representatives of UNHCR",
          "Canada, Ottawa", "United States, Washington D.C."]),
        ("Research and promotion material", ["Migration research papers", "poster", "brochure"]),
        ("Inquiries answered", ["University of Toronto", "on remittances", "Global Rights (Washington D.C.)"]),
        ("Technology update (hardware and software)", ["end of their life"]),
        ("Migration to the new servers", ["end of December 2004"]),
        ("Bulletins on changes and updates", ["Bulletin of changes and updates"]),
        ("Reserve fund for voluntary return in situations of high vulnerability",
         ["contributions of USD 33,650.00 were received and 11 cases were submitted",
          "the fund's available balance was USD 31,113.50"]),
        ("Cases submitted in the period, by outcome", ["Closed: <5", "Rejected: <5", "Travel executed: <5"]),
    ],
}  # fmt: skip


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _assert_seed(text: str, lang: str) -> None:
    text = _flat(text)
    position = 0
    for heading, items in SEED[lang]:
        at = text.find(_flat(heading), position)
        assert at >= 0, f"missing or out of order: {heading!r}"
        # The group ends at the next group's heading (not at its own title repeated in an item:
        # "Informal meetings with migration officials of…").
        following = [
            text.find(_flat(h), at + 1) for h, _ in SEED[lang] if h != heading and text.find(_flat(h), at + 1) > at
        ]
        end = min(following) if following else len(text)
        for item in items:
            assert _flat(item) in text[at:end], f"{item!r} is not under {heading!r}"
        position = at


# Told once only: the fund's protocol (section A, not the fund's section) and the visit to Panama
# (section A's mission, not again among section B's outreach).
ONCE = {"es": ["protocolo entre la OIM y la CRM", "Visita a Panamá"], "en": ["Protocol between IOM and the RCM",
                                                                             "Visit to Panama"]}  # fmt: skip
# The fund's income by source and movements, in the annex's tables (each language's notation).
FUND_CELLS = {
    "es": {"Canadá", "CAD 15.000,00", "Saldo disponible al cierre", "31.113,50", "33.650,00"},
    "en": {"Canada", "CAD 15,000.00", "Available balance at the end", "31,113.50", "33,650.00"},
}


def _assert_told_once(text: str, lang: str) -> None:
    for phrase in ONCE[lang]:
        assert _flat(text).count(phrase) == 1, f"{phrase!r} is told {_flat(text).count(phrase)} times"


@pytest.fixture
def demo(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    settings.DEV_MODE = True  # the demo accounts, without which the fund's demo (officers, cases) is skipped
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - discarded output


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_may_november_2004_report_carries_the_seed_in_docx_and_pdf(demo, tmp_path, lang):
    docx_path, pdf_path = tmp_path / f"r-{lang}.docx", tmp_path / f"r-{lang}.pdf"
    args = ["--from", "2004-05-01", "--to", "2004-11-30", "--lang", lang]
    call_command("activity_report", *args, "--format", "docx", str(docx_path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("activity_report", *args, "--format", "pdf", str(pdf_path), stdout=open("/dev/null", "w"))  # noqa: SIM115

    docx = Docx(str(docx_path))
    docx_text = "\n".join(p.text for p in docx.paragraphs)
    _assert_seed(docx_text, lang)
    _assert_told_once(docx_text, lang)
    cells = {_flat(cell.text) for table in docx.tables for row in table.rows for cell in row.cells}
    assert {*FUND_CELLS[lang]} <= cells, FUND_CELLS[lang] - cells
    headings = [p.text for p in docx.paragraphs if p.style.name == "Heading 2"]
    assert any(h.startswith(SEED[lang][2][0][:20]) for h in headings)
    pdf = PdfReader(str(pdf_path))
    pdf_text = "\n".join(page.extract_text() for page in pdf.pages)
    _assert_seed(pdf_text, lang)
    _assert_told_once(pdf_text, lang)
    for cell in FUND_CELLS[lang]:
        assert cell in _flat(pdf_text)
    outline = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert outline[0] == SEED[lang][0][0]  # the headings are the PDF's outline
    fonts = {str(f) for page in pdf.pages for f in page["/Resources"]["/Font"].values()}
    assert fonts  # embedded (DejaVu)


def test_the_command_refuses_bad_input_with_a_message(demo, tmp_path):
    out = str(tmp_path / "x.pdf")
    with pytest.raises(CommandError, match="Not a date"):
        call_command("activity_report", "--from", "2004-13-01", "--to", "2004-11-30", out)
    with pytest.raises(CommandError, match="cannot end before"):
        call_command("activity_report", "--from", "2004-12-01", "--to", "2004-11-30", out)
    with pytest.raises(CommandError, match="Unknown format"):
        call_command("activity_report", "--from", "2004-05-01", "--to", "2004-11-30", "--format", "odt", out)
    with pytest.raises(CommandError, match="No report has been issued"):
        call_command("activity_report", "--from", "2004-05-01", "--to", "2004-11-30", "--issued", out)


def _fund_state():
    """Every fund row (count and last pk per model), the ledger's balances and the protocol's document."""
    models = apps.get_app_config("fund").get_models()
    rows = {m._meta.label: (m.objects.count(), m.objects.order_by("-pk").values_list("pk", flat=True).first())
            for m in models}  # fmt: skip
    return rows, vars(fund_selectors.balances()), Document.objects.filter(symbol=fund_demo.PROTOCOL_SYMBOL).count()


def test_the_fund_demo_loads_twice_without_changes(demo):
    """The fund's part of load_demo run again (on the demo the acceptance test loads) adds nothing."""
    before = _fund_state()
    assert before[0]["fund.Case"][0] > 0 and before[2] == 1
    fund_demo.load(stdout=io.StringIO(), style=no_style())
    assert _fund_state() == before


def test_the_annex_income_by_source_includes_the_fund_and_is_cross_checked(demo, monkeypatch):
    """The May–November 2004 annex: the meetings' services by who financed them and the reserve
    fund's contributions; a fund total that is not its ledger's receipts blocks issuing."""
    from secretaria.reports import fund as report_fund
    from secretaria.reports.sections import Period, generate

    sections = {s.key: s for s in generate(Period(D(2004, 5, 1), D(2004, 11, 30)))}
    annex = sections["finance"]
    income = next(t for t in annex.tables if t.key == "income_by_source")
    rows = {row[1]: row[4] for row in income.rows}
    assert rows["Member countries' contributions to the reserve fund"] == "33650.00"
    assert rows["Sponsor countries' financing (the meetings' services)"] == "8350.00"
    assert rows["The Secretariat's funds (the meetings' services)"] == "10100.00"
    assert rows["Total"] == "52100.00" and annex.problems == []
    # The fund's own section says the same income.
    fund_income = next(t for t in sections["fund"].tables if t.key == "fund_income")
    assert fund_income.rows[-1][4] == "33650.00"

    real = report_fund.income_by_source

    def short_ledger(period):
        lines, receipts = real(period)
        return lines, receipts - 100

    monkeypatch.setattr(report_fund, "income_by_source", short_ledger)
    annex = {s.key: s for s in generate(Period(D(2004, 5, 1), D(2004, 11, 30)))}["finance"]
    assert any("Ingresos por fuente" in p and "33550.00" in p for p in annex.problems)
