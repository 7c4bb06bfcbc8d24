"""The report as Word: the Secretariat's template (settings.REPORTS_DOCX_TEMPLATE, a .docx whose
styles "Title", "Heading 1" to "Heading 4", "List Bullet" and "List Number" (with their " 2"/" 3"
levels), "Quote" and "Table Grid" are used) or python-docx's default one; the process's header and
page numbers in the header/footer, tables by row, charts as pictures with their text alternative
in the picture and under it. An edited paragraph's rich text keeps its bold, italics, links, lists,
quotes, subheadings and tables (``richtext.blocks``)."""

from __future__ import annotations

import io

from django.conf import settings
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from secretaria.reports import richtext
from secretaria.reports.rendering.charts import bar_png
from secretaria.reports.rendering.common import HEADER, amount


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


BLOCK_STYLES = {"h3": "Heading 3", "h4": "Heading 4", "quote": "Quote", "bullet": "List Bullet",
                "number": "List Number"}  # fmt: skip


def _hyperlink(paragraph, href: str):
    """A w:hyperlink to ``href`` in ``paragraph``; its runs are added by the caller."""
    rel = paragraph.part.relate_to(href, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    paragraph._p.append(link)
    return link


def _runs(doc, paragraph, runs) -> None:
    link_el, link_href = None, None
    for r in runs:
        if r.text == "\n":
            paragraph.add_run().add_break()
            continue
        run = paragraph.add_run(r.text)
        run.bold, run.italic = r.bold or None, r.italic or None
        if r.href:
            run.font.underline = True
            run.font.color.rgb = RGBColor(0x1F, 0x5F, 0x8B)
            if link_href != r.href:
                link_el, link_href = _hyperlink(paragraph, r.href), r.href
            link_el.append(run._r)  # the run moves into the hyperlink
        else:
            link_el, link_href = None, None


def _rich(doc, html: str, style: str) -> None:
    """A paragraph's rich text: its blocks as Word paragraphs (headings, lists, quotes, tables) and
    runs (bold, italics, links). The first plain block takes the paragraph's own style."""
    first = True
    for block in richtext.blocks(html):
        if block.kind == "table":
            width = max(len(row) for row in block.rows)
            grid = doc.add_table(rows=0, cols=width)
            grid.style = _style(doc, "Table Grid")
            for row in block.rows:
                cells = grid.add_row().cells
                for cell, runs in zip(cells, row, strict=False):
                    _runs(doc, cell.paragraphs[0], runs)
            continue
        name = BLOCK_STYLES.get(block.kind, style if first else "Normal")
        if block.kind in ("bullet", "number") and block.level:
            name = f"{name} {min(block.level + 1, 3)}"
        _runs(doc, doc.add_paragraph(style=_style(doc, name, BLOCK_STYLES.get(block.kind, "Normal"))), block.runs)
        first = first and block.kind not in ("p",)


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
            if p.get(f"html_{lang}") and p["style"] != "heading":
                _rich(doc, p[f"html_{lang}"], style)
            else:
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
