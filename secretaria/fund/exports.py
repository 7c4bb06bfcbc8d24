"""XLSX of the fund's statements, access log and statistics (core.spreadsheets writes the cells)."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from secretaria.core.spreadsheets import new_workbook, workbook_bytes, xlsx_append

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


def statistics_xlsx(stats) -> bytes:
    wb = new_workbook(_("Statistics"))
    ws = wb.active
    xlsx_append(ws, [_("Reserve fund for assisted return — statistics"), str(stats.start), str(stats.end)])
    if stats.suppressed:
        xlsx_append(ws, [_("Counts under 5 are shown as “<5”.")])
    xlsx_append(ws, [_("Cases submitted in the period"), stats.cases])
    for table in stats.tables:
        xlsx_append(ws, [])
        xlsx_append(ws, [table.title, _("Cases")])
        for label, value in table.rows:
            xlsx_append(ws, [label, value])
    xlsx_append(ws, [])
    for label, value in stats.money:
        xlsx_append(ws, [label, value])
    xlsx_append(ws, [])
    xlsx_append(ws, [_("Contributions received in the period"), _("US$")])
    for name, amount in stats.contributions:
        xlsx_append(ws, [name, amount])
    return workbook_bytes(wb)


def statistics_pdf(stats) -> bytes:
    from fpdf import FPDF  # noqa: PLC0415 - fpdf2 is heavy, loaded only when a PDF is written

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)

    def line(text, *, bold=False, size=10):
        pdf.set_font("Helvetica", "B" if bold else "", size)
        safe = str(text).replace("—", "-").replace("–", "-").replace("“", '"').replace("”", '"')
        pdf.multi_cell(0, 6, safe.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")

    line(_("Reserve fund for assisted return — statistics"), bold=True, size=14)
    line(f"{stats.start} - {stats.end}")
    if stats.suppressed:
        line(_("Counts under 5 are shown as “<5”."))
    line(f"{_('Cases submitted in the period')}: {stats.cases}", bold=True)
    for table in stats.tables:
        line(table.title, bold=True)
        for label, value in table.rows:
            line(f"    {label}: {value}")
    line(_("Money"), bold=True)
    for label, value in stats.money:
        line(f"    {label}: {value}")
    line(_("Contributions received in the period"), bold=True)
    for name, amount in stats.contributions:
        line(f"    {name}: {amount}")
    return bytes(pdf.output())
