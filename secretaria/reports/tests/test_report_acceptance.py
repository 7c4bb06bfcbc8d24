"""Acceptance: from the demo data alone, the May–November 2004 report carries every item of the
seed's introduction and sections A and C, grouped as the seed groups them, in the DOCX and the PDF
(read back as text), in Spanish and in English. Section B and the fund's figures come from the
outreach and fund apps' providers (not on this branch)."""

import re

import pytest
from django.core.management import CommandError, call_command
from docx import Document as Docx
from pypdf import PdfReader

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
        ("Actualización de tecnología (hardware/software)", ["cerca del fin de su vida útil", "por lo menos 6-7 años"]),
        ("Nuevos servicios a los usuarios", ["videos", "listas de correo de difusión automática"]),
        ("Migración a los nuevos servidores", ["se hará a finales de diciembre de 2004"]),
        ("Boletines informativos sobre cambios/actualizaciones", ["Boletín de cambios y actualizaciones"]),
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
        ("Technology update (hardware and software)", ["end of their life"]),
        ("Migration to the new servers", ["end of December 2004"]),
        ("Bulletins on changes and updates", ["Bulletin of changes and updates"]),
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
        following = [text.find(_flat(h), at + 1) for h, _ in SEED[lang] if text.find(_flat(h), at + 1) > at]
        end = min(following) if following else len(text)
        for item in items:
            assert _flat(item) in text[at:end], f"{item!r} is not under {heading!r}"
        position = at


@pytest.fixture
def demo(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - discarded output


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_may_november_2004_report_carries_the_seed_in_docx_and_pdf(demo, tmp_path, lang):
    docx_path, pdf_path = tmp_path / f"r-{lang}.docx", tmp_path / f"r-{lang}.pdf"
    args = ["--from", "2004-05-01", "--to", "2004-11-30", "--lang", lang]
    call_command("activity_report", *args, "--format", "docx", str(docx_path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("activity_report", *args, "--format", "pdf", str(pdf_path), stdout=open("/dev/null", "w"))  # noqa: SIM115

    docx = Docx(str(docx_path))
    _assert_seed("\n".join(p.text for p in docx.paragraphs), lang)
    headings = [p.text for p in docx.paragraphs if p.style.name == "Heading 2"]
    assert any(h.startswith(SEED[lang][2][0][:20]) for h in headings)
    pdf = PdfReader(str(pdf_path))
    _assert_seed("\n".join(page.extract_text() for page in pdf.pages), lang)
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
