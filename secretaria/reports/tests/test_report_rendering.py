"""The rendered files: DOCX with the template's styles, the header, charts with their text
alternative; PDF with embedded fonts, the outline and page numbers; the XLSX annex."""

import datetime
import io

import pytest
from docx import Document as Docx
from openpyxl import load_workbook
from pypdf import PdfReader

from secretaria.reports import rendering
from secretaria.reports.models import Report
from secretaria.reports.sections import Chart, Paragraph, Section, Table

D = datetime.date


def _content():
    table = Table("by_kind", "Gastos por servicio", "Spending by service", ["Servicio", "Monedas", "USD"],
                  ["Service", "Currencies", "USD"],
                  [["Interpretación", "Interpretation", "USD 3.600,00", "USD 3,600.00", "3600.00"],
                   ["Total", "Total", "", "", "3600.00"]])  # fmt: skip
    chart = Chart("chart", "Gastos (USD)", "Spending (USD)", ["Interpretación"], ["Interpretation"], [3600.0], "USD",
                  "Gastos (USD): Interpretación, USD 3.600,00.", "Spending (USD): Interpretation, USD 3,600.00.")  # fmt: skip
    section = Section("finance", "Anexo financiero", "Financial annex",
                      [Paragraph("h", "Seminario", "Seminar", "heading"), Paragraph("b", "Moderación.", "Moderation.")],
                      tables=[table], charts=[chart])  # fmt: skip
    data = section.as_dict()
    data["paragraphs"] = [{**p, "state": "kept"} for p in data["paragraphs"]]
    return [data]


def _report():
    return Report(period_start=D(2004, 5, 1), period_end=D(2004, 11, 30), title_es="Informe de prueba",
                  title_en="Test report", symbol="CRM/ST/2004/INF.2")  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_docx_has_the_header_styles_table_and_chart_alternative(lang):
    doc = Docx(io.BytesIO(rendering.render(_report(), _content(), lang, "docx")))
    assert rendering.HEADER[lang] in doc.sections[0].header.paragraphs[0].text
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["Seminario" if lang == "es" else "Seminar"] == "Heading 2"
    assert styles["Moderación." if lang == "es" else "Moderation."] == "List Bullet"
    cells = [c.text for row in doc.tables[0].rows for c in row.cells]
    assert ("3.600,00" if lang == "es" else "3,600.00") in cells
    alt = (
        "Gastos (USD): Interpretación, USD 3.600,00."
        if lang == "es"
        else "Spending (USD): Interpretation, USD 3,600.00."
    )
    assert doc.inline_shapes[0]._inline.docPr.get("descr") == alt and alt in styles
    assert "PAGE" in doc.sections[0].footer._element.xml


def test_the_pdf_embeds_dejavu_has_an_outline_and_numbers_its_pages():
    pdf = PdfReader(io.BytesIO(rendering.render(_report(), _content(), "es", "pdf")))
    text = pdf.pages[0].extract_text()
    assert "Conferencia Regional sobre Migración · Secretaría Técnica" in text and "Página 1 / 1" in text
    fonts = [f.get_object() for f in pdf.pages[0]["/Resources"]["/Font"].values()]
    assert any("DejaVu" in str(f["/BaseFont"]) for f in fonts)
    assert any("/FontFile2" in f["/DescendantFonts"][0].get_object()["/FontDescriptor"] for f in fonts)
    assert [o.title for o in pdf.outline if not isinstance(o, list)] == ["Anexo financiero"]
    assert pdf.metadata.title == "Informe de prueba"


def test_the_xlsx_annex_has_a_sheet_per_table_with_numbers():
    wb = load_workbook(io.BytesIO(rendering.render(_report(), _content(), "en", "xlsx")))
    sheet = wb["by_kind"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[1] == ["Service", "Currencies", "USD"]
    assert rows[2][0] == "Interpretation" and float(rows[2][2]) == 3600.0


def test_the_pdf_is_tagged_with_its_headings(tmp_path):
    """A structure tree (StructTreeRoot, marked content): /H1 for the title and each section, /H2 for
    a group heading, /P for the text, each holding its text, beside the charts' /Figure."""
    import shutil
    import subprocess

    data = rendering.render(_report(), _content(), "es", "pdf")
    root = PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    document = root["/StructTreeRoot"].get_object()["/K"][0].get_object()
    kinds = [str(k.get_object()["/S"]) for k in document["/K"]]
    assert kinds == ["/H1", "/P", "/H1", "/H2", "/P", "/P", "/Figure", "/P"]
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return  # poppler-utils absent: the tree was checked above with pypdf
    (tmp_path / "r.pdf").write_bytes(data)
    tree = subprocess.run([pdfinfo, "-struct-text", str(tmp_path / "r.pdf")], capture_output=True, check=True).stdout
    tree = tree.decode()
    assert 'H1 (block)\n    "Anexo financiero"' in tree and 'H2 (block)\n    "Seminario"' in tree
    assert 'P (block)\n    "• Moderación."' in tree
