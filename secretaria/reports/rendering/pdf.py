"""The report as PDF with fpdf2: DejaVu Sans embedded (Debian's fonts-dejavu-core), the headings
in the document outline and tagged (/H1, /H2, /P in the structure tree), the process's header and page numbers on every page, the charts with
their text alternative (the image's /Alt and a caption); an edited paragraph's rich text (bold,
italics, links, lists, quotes, subheadings, tables) through fpdf2's HTML writer."""

from __future__ import annotations

import io
from contextlib import contextmanager, nullcontext

from fpdf import FPDF, FontFace, TextStyle
from fpdf.enums import XPos, YPos

from secretaria.core.pdf import add_unicode_fonts
from secretaria.reports import richtext
from secretaria.reports.rendering.charts import bar_png
from secretaria.reports.rendering.common import HEADER, amount


class _ReportPDF(FPDF):
    def __init__(self, lang: str):
        super().__init__(format="A4")
        self.lang = lang
        add_unicode_fonts(self)
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, margin=20)

    def header(self):
        self.set_font("DejaVu", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, HEADER[self.lang], align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.ln(2)

    @contextmanager
    def tagged(self, struct_type: str, height: float):
        """Mark what is written inside as a structure element (/H1, /H2) of the tagged PDF.

        fpdf2 builds a structure tree for its images' /Figure and links, not for text: this reuses
        its builder (``struct_builder``, ``_add_marked_content``, not public API, checked by a test).
        A marked sequence may not cross a page, so the page breaks first when ``height`` won't fit;
        a page break inside (a wrong ``height``) is an error, as in fpdf2's own marked sequences."""
        if self.will_page_break(height):
            self.add_page()
        mcid = self.struct_builder.next_mcid_for_page(self.page)
        self._add_marked_content(struct_type=struct_type, mcid=mcid)
        self._out(f"{struct_type} <</MCID {mcid}>> BDC")
        page = self.page
        yield
        if self.page != page:
            raise RuntimeError("a page break inside a tagged text")
        self._out("EMC")

    def footer(self):
        self.set_y(-14)
        self.set_font("DejaVu", "", 8)
        word = "Página" if self.lang == "es" else "Page"
        self.cell(0, 6, f"{word} {self.page_no()} / {{nb}}", align="C")


TAG_STYLES = {
    "h3": FontFace(family="DejaVu", emphasis="BOLD", size_pt=11),
    "h4": FontFace(family="DejaVu", emphasis="BOLD", size_pt=10),
    "a": FontFace(color=(31, 95, 139), emphasis="UNDERLINE"),
    "blockquote": TextStyle(
        font_family="DejaVu", font_style="I", color=(60, 60, 60), l_margin=8, t_margin=1, b_margin=1
    ),
}


def _rich(pdf: FPDF, html: str, bullet: bool) -> None:
    """An edited paragraph's rich text through fpdf2's HTML writer: bold, italics, links, lists,
    quotes, subheadings and tables. A bullet paragraph of one plain block stays a bullet."""
    html = richtext.clean(html)  # cleaned when saved; again here: the writer would follow <img> paths
    found = richtext.blocks(html)
    if bullet and len(found) == 1 and found[0].kind == "p" and html.startswith("<p>") and html.endswith("</p>"):
        html = f"<ul><li>{html[3:-4]}</li></ul>"
    pdf.set_font("DejaVu", "", 10)
    pdf.write_html(html, font_family="DejaVu", ul_bullet_char="•", li_prefix_color=(0, 0, 0), tag_styles=TAG_STYLES)
    pdf.ln(1)


def _text(pdf: _ReportPDF, tag: str, w: float, h: float, text: str, indent: float = 0, outline=None,
          **kwargs) -> None:  # fmt: skip
    """``multi_cell`` marked as ``tag`` (/H1, /H2, /P) of the structure tree, ``indent`` mm from the
    left margin, with ``outline`` (title, level) as a bookmark; a text taller than a page (a marked
    sequence may not cross one) is written unmarked."""
    kwargs = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT, **kwargs}
    pdf.set_x(pdf.l_margin + indent)
    height = pdf.multi_cell(w, h, text, dry_run=True, output="HEIGHT", **kwargs)
    with pdf.tagged(tag, height) if height <= pdf.eph else nullcontext():
        if outline:
            pdf.start_section(*outline)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(w, h, text, **kwargs)


def render(report, sections: list[dict], lang: str) -> bytes:
    pdf = _ReportPDF(lang)
    title = report.title_es if lang == "es" else report.title_en
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.set_author(HEADER[lang])
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("DejaVu", "B", 15)
    _text(pdf, "/H1", width, 8, title, align="L")
    if report.symbol:
        pdf.set_font("DejaVu", "", 10)
        _text(pdf, "/P", width, 6, report.symbol, align="L")
    for section in sections:
        pdf.ln(4)
        pdf.set_font("DejaVu", "B", 13)
        _text(pdf, "/H1", width, 7, section[f"title_{lang}"], outline=(section[f"title_{lang}"], 0), align="L")
        for p in section["paragraphs"]:
            if p.get(f"html_{lang}") and p["style"] != "heading":
                _rich(pdf, p[f"html_{lang}"], p["style"] == "bullet")
            elif p["style"] == "heading":
                pdf.ln(2)
                pdf.set_font("DejaVu", "B", 11)
                _text(pdf, "/H2", width, 6, p[lang], outline=(p[lang][:120], 1), align="L")
            elif p["style"] == "bullet":
                pdf.set_font("DejaVu", "", 10)
                _text(pdf, "/P", width - 4, 5.5, f"• {p[lang]}", indent=4)
            else:
                pdf.set_font("DejaVu", "", 10)
                _text(pdf, "/P", width, 5.5, p[lang])
            pdf.ln(1)
        for table in section.get("tables", []):
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 10)
            _text(pdf, "/P", width, 6, table[f"title_{lang}"], align="L")
            pdf.set_font("DejaVu", "", 8)
            with pdf.table(col_widths=(50, 35, 15), text_align=("LEFT", "LEFT", "RIGHT")) as grid:
                grid.row(table[f"columns_{lang}"])
                for row in table["rows"]:
                    values = (
                        (row[0], row[2], amount(row[4], lang))
                        if lang == "es"
                        else (row[1], row[3], amount(row[4], lang))
                    )
                    grid.row([str(v) for v in values])
        for chart in section.get("charts", []):
            pdf.ln(2)
            pdf.image(io.BytesIO(bar_png(chart, lang)), w=width * 0.9, alt_text=chart[f"alt_{lang}"])
            pdf.set_font("DejaVu", "", 8)
            _text(pdf, "/P", width, 4.5, chart[f"alt_{lang}"])
    return bytes(pdf.output())
