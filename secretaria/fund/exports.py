"""XLSX of the fund's statements, access log and statistics (core.spreadsheets writes the cells),
and the statistics' PDF; the charts are drawn by core.charts, each with its text alternative."""

from __future__ import annotations

import io

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from secretaria.core.charts import bar_png
from secretaria.core.i18n import format_date
from secretaria.core.pdf import add_unicode_fonts
from secretaria.core.spreadsheets import new_workbook, safe_sheet_title, workbook_bytes, xlsx_append
from secretaria.fund.statistics import figure_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def statement_xlsx(statement) -> bytes:
    wb = new_workbook(_("Statement"))
    ws = wb.active
    xlsx_append(ws, [_("Reserve fund statement"), str(statement.start), str(statement.end)])
    xlsx_append(ws, [_("Opening available balance (US$)"), statement.opening])
    xlsx_append(ws, [_("Date"), _("Movement"), _("Case or contributor"), _("Amount (US$)")])
    for p in statement.postings:
        source = p.case.code if p.case_id else p.contribution.contributor
        xlsx_append(ws, [p.on, p.get_kind_display(), source, p.amount_usd])
    xlsx_append(ws, [_("Closing available balance (US$)"), statement.closing])
    return workbook_bytes(wb)


def access_log_xlsx(entries) -> bytes:
    wb = new_workbook(_("Access log"))
    ws = wb.active
    xlsx_append(ws, [_("When"), _("Who"), _("Action"), _("Case"), _("Reason"), _("Detail")])
    for e in entries:
        xlsx_append(ws, [date_format(e.at, "Y-m-d H:i"), e.user.username, e.get_action_display(),
                         e.case.code if e.case_id else "", e.reason, e.detail])  # fmt: skip
    return workbook_bytes(wb)


def chart_alt(table) -> str:
    """The chart's text alternative: its title and every figure, suppressed ones as "<5"."""
    figures = "; ".join(f"{label}: {value}" for label, value in table.rows) or "—"
    return _("Bar chart, %(title)s: %(figures)s.") % {"title": table.title, "figures": figures}


def chart_png(table) -> bytes:
    """The table as a bar chart; a suppressed count draws no bar and is labelled "<5"."""
    return bar_png(
        table.title,
        [label for label, _value in table.rows],
        [value if isinstance(value, int) else None for _label, value in table.rows],
        [str(value) for _label, value in table.rows],
    )


def statistics_xlsx(stats) -> bytes:
    """A summary sheet (cases, money, contributions) and one sheet per breakdown: its table in
    columns A–B (the chart's text alternative) and the chart's image beside it."""
    from openpyxl.drawing.image import Image  # noqa: PLC0415 - openpyxl is heavy, loaded only when a spreadsheet is written
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415

    wb = new_workbook(_("Statistics"))
    ws = wb.active
    xlsx_append(ws, [_("Reserve fund for assisted return — statistics"), str(stats.start), str(stats.end)])
    if stats.suppressed:
        xlsx_append(ws, [_("Counts under 5 are shown as “<5”.")])
    xlsx_append(ws, [_("Cases submitted in the period"), stats.cases])
    xlsx_append(ws, [])
    for label, value in stats.money:
        xlsx_append(ws, [label, value])
    xlsx_append(ws, [])
    xlsx_append(ws, [_("Contributions received in the period"), _("US$")])
    for name, amount in stats.contributions:
        xlsx_append(ws, [name, amount])
    ws.column_dimensions["A"].width = 48
    for table in stats.tables:
        sheet = wb.create_sheet(safe_sheet_title(table.title))
        xlsx_append(sheet, [table.title, _("Cases")])
        for label, value in table.rows:
            xlsx_append(sheet, [label, value])
        sheet.column_dimensions["A"].width = 36
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        if table.rows:
            xlsx_append(sheet, [])
            row = xlsx_append(sheet, [chart_alt(table)])
            sheet.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
            image = Image(io.BytesIO(chart_png(table)))
            image.width, image.height = round(image.width * 0.6), round(image.height * 0.6)
            sheet.add_image(image, "D1")
    return workbook_bytes(wb)


def statistics_pdf(stats) -> bytes:
    """The statistics for the GRCM in the active language, DejaVu Sans embedded so every name
    renders exactly; each breakdown as a chart (with its /Alt text) followed by its table."""
    from fpdf import FPDF  # noqa: PLC0415 - fpdf2 is heavy, loaded only when a PDF is written
    from fpdf.enums import XPos, YPos  # noqa: PLC0415

    title = _("Reserve fund for assisted return — statistics")
    page_word = _("Page")

    class _StatsPDF(FPDF):
        def footer(self):
            self.set_y(-14)
            self.set_font(family, "", 8)
            self.cell(0, 6, f"{page_word} {self.page_no()} / {{nb}}", align="C")

    pdf = _StatsPDF(format="A4")
    family = add_unicode_fonts(pdf)
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(title)
    pdf.set_lang(get_language() or "en")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def line(text, *, bold=False, size=10, height=6):
        pdf.set_font(family, "B" if bold else "", size)
        pdf.multi_cell(width, height, str(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def grid(rows, headings):
        pdf.set_font(family, "", 9)
        with pdf.table(col_widths=(70, 30), text_align=("LEFT", "RIGHT"), first_row_as_headings=True) as t:
            t.row([str(h) for h in headings])
            for label, value in rows:
                t.row([str(label), figure_text(value)])

    line(title, bold=True, size=14, height=8)
    line(f"{format_date(stats.start)} – {format_date(stats.end)}")
    if stats.suppressed:
        line(_("Counts under 5 are shown as “<5”."), size=9)
    pdf.ln(2)
    line(f"{_('Cases submitted in the period')}: {stats.cases}", bold=True, size=11)
    for number, table in enumerate(stats.tables, start=1):
        pdf.ln(3)
        if table.rows and pdf.will_page_break(34 + 16 * len(table.rows)):
            pdf.add_page()  # the heading, its chart and its table together
        pdf.start_section(table.title)
        line(table.title, bold=True, size=12, height=7)
        if table.rows:
            pdf.image(io.BytesIO(chart_png(table)), w=width * 0.75, alt_text=chart_alt(table))
            line(_("Figure %(number)s. %(title)s; the table below gives the figures.")
                 % {"number": number, "title": table.title}, size=8, height=4.5)  # fmt: skip
            pdf.ln(1)
            grid(table.rows, (table.title, _("Cases")))
        else:
            line("—")
    pdf.ln(3)
    if pdf.will_page_break(14 + 7 * (len(stats.money) + 1)):
        pdf.add_page()
    pdf.start_section(_("Money and time"))
    line(_("Money and time"), bold=True, size=12, height=7)
    grid(stats.money, (_("Figure"), _("Value")))
    pdf.ln(3)
    if pdf.will_page_break(14 + 7 * (len(stats.contributions) + 1)):
        pdf.add_page()
    line(_("Contributions received in the period"), bold=True, size=12, height=7)
    if stats.contributions:
        grid(stats.contributions, (_("Contributor"), _("US$")))
    else:
        line("—")
    return bytes(pdf.output())
