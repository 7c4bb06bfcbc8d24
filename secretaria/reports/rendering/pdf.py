"""The report as PDF with fpdf2: DejaVu Sans embedded (Debian's fonts-dejavu-core), the headings
in the document outline, the process's header and page numbers on every page, the charts with
their text alternative (the image's /Alt and a caption)."""

from __future__ import annotations

import io

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from secretaria.core.pdf import add_unicode_fonts
from secretaria.reports.rendering import HEADER, amount
from secretaria.reports.rendering.charts import bar_png


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

    def footer(self):
        self.set_y(-14)
        self.set_font("DejaVu", "", 8)
        word = "Página" if self.lang == "es" else "Page"
        self.cell(0, 6, f"{word} {self.page_no()} / {{nb}}", align="C")


def render(report, sections: list[dict], lang: str) -> bytes:
    pdf = _ReportPDF(lang)
    title = report.title_es if lang == "es" else report.title_en
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.set_author(HEADER[lang])
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if report.symbol:
        pdf.set_font("DejaVu", "", 10)
        pdf.cell(0, 6, report.symbol, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for section in sections:
        pdf.ln(4)
        pdf.start_section(section[f"title_{lang}"], level=0)
        pdf.set_font("DejaVu", "B", 13)
        pdf.multi_cell(width, 7, section[f"title_{lang}"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for p in section["paragraphs"]:
            if p["style"] == "heading":
                pdf.ln(2)
                pdf.start_section(p[lang][:120], level=1)
                pdf.set_font("DejaVu", "B", 11)
                pdf.multi_cell(width, 6, p[lang], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            elif p["style"] == "bullet":
                pdf.set_font("DejaVu", "", 10)
                pdf.set_x(pdf.l_margin + 4)
                pdf.multi_cell(width - 4, 5.5, f"• {p[lang]}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            else:
                pdf.set_font("DejaVu", "", 10)
                pdf.multi_cell(width, 5.5, p[lang], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        for table in section.get("tables", []):
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 10)
            pdf.multi_cell(width, 6, table[f"title_{lang}"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
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
            pdf.multi_cell(width, 4.5, chart[f"alt_{lang}"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
