"""The report as Word: the Secretariat's template (settings.REPORTS_DOCX_TEMPLATE, a .docx whose
styles "Title", "Heading 1", "Heading 2", "List Bullet" and "Table Grid" are used) or python-docx's
default one; the process's header and page numbers in the header/footer, tables by row, charts as
pictures with their text alternative in the picture and under it."""

from __future__ import annotations

import io

from django.conf import settings
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from secretaria.reports.rendering import HEADER, amount
from secretaria.reports.rendering.charts import bar_png


def _page_number(paragraph) -> None:
    run = paragraph.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _style(doc, name: str, fallback: str = "Normal"):
    try:
        return doc.styles[name]
    except KeyError:
        return doc.styles[fallback]


def render(report, sections: list[dict], lang: str) -> bytes:
    template = getattr(settings, "REPORTS_DOCX_TEMPLATE", "") or None
    doc = Document(template)
    section0 = doc.sections[0]
    section0.header.paragraphs[0].text = HEADER[lang]
    footer = section0.footer.paragraphs[0]
    footer.text = "Página " if lang == "es" else "Page "
    _page_number(footer)
    doc.add_paragraph(report.title_es if lang == "es" else report.title_en, style=_style(doc, "Title"))
    if report.symbol:
        doc.add_paragraph(report.symbol)
    for section in sections:
        doc.add_paragraph(section[f"title_{lang}"], style=_style(doc, "Heading 1"))
        for p in section["paragraphs"]:
            style = {"heading": "Heading 2", "bullet": "List Bullet"}.get(p["style"], "Normal")
            doc.add_paragraph(p[lang], style=_style(doc, style))
        for table in section.get("tables", []):
            doc.add_paragraph(table[f"title_{lang}"], style=_style(doc, "Heading 2"))
            grid = doc.add_table(rows=1, cols=3)
            grid.style = _style(doc, "Table Grid")
            for cell, text in zip(grid.rows[0].cells, table[f"columns_{lang}"], strict=True):
                cell.text = text
                cell.paragraphs[0].runs[0].bold = True
            for row in table["rows"]:
                cells = grid.add_row().cells
                values = (
                    (row[0], row[2], amount(row[4], lang)) if lang == "es" else (row[1], row[3], amount(row[4], lang))
                )
                for cell, text in zip(cells, values, strict=True):
                    cell.text = str(text)
        for chart in section.get("charts", []):
            doc.add_picture(io.BytesIO(bar_png(chart, lang)), width=Cm(15))
            # The text alternative: in the picture's description and as a caption.
            doc.inline_shapes[-1]._inline.docPr.set("descr", chart[f"alt_{lang}"])
            caption = doc.add_paragraph(chart[f"alt_{lang}"])
            caption.runs[0].font.size = Pt(9)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
