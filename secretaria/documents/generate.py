"""Real files generated from text: the demo data's documents and the test suite's samples."""

from __future__ import annotations

import datetime
import io
import zipfile
from xml.sax.saxutils import escape

_LATIN1_FIXES = {"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "…": "...", "•": "-"}


def _latin1(text: str) -> str:
    # fpdf2's core fonts cover Latin-1 (all Spanish letters and ¿¡); typographic quotes and dashes are mapped.
    for bad, good in _LATIN1_FIXES.items():
        text = text.replace(bad, good)
    return text.encode("latin-1", "replace").decode("latin-1")


def pdf_bytes(title: str, paragraphs: list[str], *, subtitle: str = "", author: str = "") -> bytes:
    from fpdf import FPDF  # noqa: PLC0415 - heavy document writer, loaded only when a sample is generated

    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime.datetime(2004, 1, 1, tzinfo=datetime.UTC))
    pdf.set_title(_latin1(title))
    if author:
        pdf.set_author(_latin1(author))
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    if subtitle:
        pdf.set_font("Helvetica", size=9)
        pdf.multi_cell(0, 5, _latin1(subtitle))
        pdf.ln(4)
    pdf.set_font("Helvetica", style="B", size=14)
    pdf.multi_cell(0, 7, _latin1(title))
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, _latin1(paragraph))
        pdf.ln(3)
    return bytes(pdf.output())


def docx_bytes(title: str, paragraphs: list[str], *, subtitle: str = "") -> bytes:
    import docx  # noqa: PLC0415 - heavy document writer, loaded only when a sample is generated

    document = docx.Document()
    document.core_properties.created = datetime.datetime(2004, 1, 1, tzinfo=datetime.UTC)
    if subtitle:
        document.add_paragraph(subtitle)
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pptx_bytes(title: str, bullets: list[str]) -> bytes:
    from pptx import Presentation  # noqa: PLC0415 - heavy document writer, loaded only when a sample is generated

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = title
    body = slide.placeholders[1].text_frame
    body.text = bullets[0] if bullets else ""
    for bullet in bullets[1:]:
        body.add_paragraph().text = bullet
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def xlsx_bytes(rows: list[list]) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 - heavy document writer, loaded only when a sample is generated

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def odt_bytes(paragraphs: list[str]) -> bytes:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:text>"
        + "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
        + "</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def rtf_bytes(paragraphs: list[str]) -> bytes:
    def encode(text: str) -> str:
        return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in text)

    body = "".join(f"{encode(p)}\\par\n" for p in paragraphs)
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "}").encode("ascii")
