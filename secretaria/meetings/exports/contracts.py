"""The financial report of a meeting: XLSX (openpyxl) and PDF (fpdf2), in one language.

Both files say the same things: every service with its supplier, funder, status, amount in
its currency, the rate and the amount in US dollars; then the totals by funder and by kind.
The PDF uses fpdf2's core fonts (Latin-1), which cover Spanish; other characters are
replaced by their nearest Latin-1 equivalent.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretaria.core import spreadsheets
from secretaria.core.i18n import date_range_text, date_text, number_text, pick
from secretaria.meetings.models import ContractedService, Meeting
from secretaria.meetings.selectors.contracts import CostLine, cost_summary

MONEY_FORMAT = "#,##0.00"


def _meeting_heading(meeting: Meeting, lang: str) -> tuple[str, str]:
    title = pick(meeting, "title", lang)
    place = ", ".join(
        part for part in (meeting.city_in(lang), pick(meeting.country, "name", lang) if meeting.country else "") if part
    )
    dates = date_range_text(meeting.start_date, meeting.end_date, lang)
    return title, " · ".join(part for part in (place, dates) if part)


def _service_row(service: ContractedService, lang: str) -> list:
    return [
        str(service.get_kind_display()),
        pick(service.supplier, "name", lang),
        pick(service, "description", lang),
        service.funder_label
        if service.funder != service.Funder.SPONSOR_COUNTRY
        else pick(service.funder_country, "name", lang),
        str(service.get_status_display()),
        service.currency,
        service.amount,
        service.usd_rate,
        service.amount_usd,
    ]


def _service_headers() -> list[str]:
    return [
        _("Service"), _("Supplier"), _("Description"), _("Financed by"), _("Status"), _("Currency"),
        _("Amount"), _("Rate per USD"), _("Amount in USD"),
    ]  # fmt: skip


def _line_headers(first: str) -> list[str]:
    return [first, _("Services"), _("In original currencies"), _("Committed (USD)"), _("of which paid (USD)"),
            _("Quoted, not committed (USD)"), _("Total committed + quoted (USD)")]  # fmt: skip


def _currencies_text(line: CostLine) -> str:
    return "; ".join(f"{code} {number_text(amount)}" for code, amount in line.currencies())


def _line_row(line: CostLine, label: str | None = None) -> list:
    return [label or line.label, line.count, _currencies_text(line), line.usd_committed, line.usd_paid,
            line.usd_quoted, line.usd_total]  # fmt: skip


def financial_report_xlsx(meeting: Meeting, services, *, lang: str) -> bytes:
    from openpyxl.styles import Font  # noqa: PLC0415 - a heavy document library, loaded only when a file is made
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - a heavy document library, loaded only when a file is made

    services = list(services)
    with translation.override(lang):
        summary = cost_summary(services)
        title, subtitle = _meeting_heading(meeting, lang)
        book = spreadsheets.new_workbook(_("Services"))
        sheet = book.active
        spreadsheets.xlsx_append(sheet, [title])
        sheet["A1"].font = Font(bold=True, size=13)
        spreadsheets.xlsx_append(sheet, [subtitle])
        spreadsheets.xlsx_append(sheet, [])
        spreadsheets.xlsx_append(sheet, _service_headers())
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
        for service in services:
            spreadsheets.xlsx_append(sheet, _service_row(service, lang))
            row = sheet.max_row
            sheet.cell(row=row, column=7).number_format = MONEY_FORMAT
            sheet.cell(row=row, column=8).number_format = "#,##0.0000"
            sheet.cell(row=row, column=9).number_format = MONEY_FORMAT
        for index, width in enumerate((28, 34, 50, 24, 14, 10, 16, 14, 16), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width

        totals = book.create_sheet(spreadsheets.safe_sheet_title(_("Totals")))
        spreadsheets.xlsx_append(totals, [title])
        totals["A1"].font = Font(bold=True, size=13)
        spreadsheets.xlsx_append(totals, [subtitle])
        for heading, lines in ((_("Financed by"), summary.by_funder), (_("Service"), summary.by_kind)):
            spreadsheets.xlsx_append(totals, [])
            spreadsheets.xlsx_append(totals, _line_headers(heading))
            for cell in totals[totals.max_row]:
                cell.font = Font(bold=True)
            for line in [*lines, summary.total]:
                label = _("Total") if line is summary.total else None
                spreadsheets.xlsx_append(totals, _line_row(line, label))
                row = totals.max_row
                for column in (4, 5, 6, 7):
                    totals.cell(row=row, column=column).number_format = MONEY_FORMAT
                if line is summary.total:
                    for cell in totals[row]:
                        cell.font = Font(bold=True)
        spreadsheets.xlsx_append(totals, [])
        spreadsheets.xlsx_append(
            totals,
            [
                _(
                    "Amounts in US dollars at each service's exchange rate on the day of contracting. Committed: "
                    "contracted, delivered or paid; the paid amount is part of it, not added to it. Quoted: offers "
                    "not yet committed. The total is committed plus quoted. Cancelled services are not counted."
                )
            ],
        )
        for index, width in enumerate((34, 10, 40, 16, 16, 16, 16), start=1):
            totals.column_dimensions[get_column_letter(index)].width = width
        return spreadsheets.workbook_bytes(book)


_LATIN1_REPLACEMENTS = {"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "→": "->", "€": "EUR"}


def latin1(text) -> str:
    text = str(text)
    for char, replacement in _LATIN1_REPLACEMENTS.items():
        text = text.replace(char, replacement)
    return text.encode("latin-1", "replace").decode("latin-1")


def _money(value: Decimal) -> str:
    """In the active language's notation: 4.500,00 in Spanish, 4,500.00 in English."""
    return number_text(value)


def _rate(value: Decimal) -> str:
    return number_text(value, decimals=max(0, -value.normalize().as_tuple().exponent))


def financial_report_pdf(meeting: Meeting, services, *, lang: str) -> bytes:
    from fpdf import FPDF  # noqa: PLC0415 - a heavy document library, loaded only when a file is made

    services = list(services)
    with translation.override(lang):
        summary = cost_summary(services)
        title, subtitle = _meeting_heading(meeting, lang)
        pdf = FPDF(orientation="L", unit="mm", format="A4")
        pdf.set_auto_page_break(auto=True, margin=15)
        pdf.set_title(latin1(_("Financial report") + " — " + title))
        pdf.set_author(latin1(_("Technical Secretariat of the Regional Conference on Migration")))
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 7, latin1(_("Financial report") + ": " + title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5, latin1(subtitle), new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(
            0, 5,
            latin1(_("Prepared on %(date)s. Restricted: Technical Secretariat and Pro-Tempore Presidency.")
                    % {"date": date_text(timezone.localdate(), lang)}),
            new_x="LMARGIN", new_y="NEXT",
        )  # fmt: skip
        pdf.ln(3)

        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 7, latin1(_("Services")), new_x="LMARGIN", new_y="NEXT")
        widths = (34, 52, 58, 36, 24, 30, 20, 23)
        headers = [_("Service"), _("Supplier"), _("Description"), _("Financed by"), _("Status"), _("Amount"),
                   _("Rate per USD"), _("Amount in USD")]  # fmt: skip
        _pdf_row(pdf, headers, widths, bold=True)
        for service in services:
            row = _service_row(service, lang)
            _pdf_row(
                pdf,
                [row[0], row[1], row[2], row[3], row[4], f"{service.currency} {_money(service.amount)}",
                 _rate(service.usd_rate), _money(service.amount_usd)],
                widths,
            )  # fmt: skip
        if not services:
            pdf.set_font("Helvetica", "I", 9)
            pdf.cell(0, 6, latin1(_("No services recorded for this meeting.")), new_x="LMARGIN", new_y="NEXT")

        line_widths = (62, 18, 75, 30, 30, 30, 32)
        for heading, lines in ((_("Totals by funder"), summary.by_funder), (_("Totals by service"), summary.by_kind)):
            pdf.ln(4)
            pdf.set_font("Helvetica", "B", 11)
            pdf.cell(0, 7, latin1(heading), new_x="LMARGIN", new_y="NEXT")
            _pdf_row(pdf, _line_headers(""), line_widths, bold=True)
            for line in [*lines, summary.total]:
                is_total = line is summary.total
                values = _line_row(line, _("Total") if is_total else None)
                values = [values[0], str(values[1]), values[2], *[_money(v) for v in values[3:]]]
                _pdf_row(pdf, values, line_widths, bold=is_total)
        pdf.ln(3)
        pdf.set_font("Helvetica", "I", 8)
        pdf.multi_cell(
            0, 4,
            latin1(_(
                "Amounts in US dollars at each service's exchange rate on the day of contracting. Committed: "
                "contracted, delivered or paid; the paid amount is part of it, not added to it. Quoted: offers "
                "not yet committed. The total is committed plus quoted. Cancelled services are not counted."
            )),
            new_x="LMARGIN", new_y="NEXT",
        )  # fmt: skip
        return bytes(pdf.output())


def _pdf_row(pdf, values, widths, *, bold: bool = False) -> None:
    """A table row whose cells wrap; the row is as tall as its tallest cell."""
    pdf.set_font("Helvetica", "B" if bold else "", 8)
    texts = [latin1(value) for value in values]
    line_height = 4
    heights = [
        len(pdf.multi_cell(width, line_height, text, dry_run=True, output="LINES")) * line_height
        for width, text in zip(widths, texts, strict=True)
    ]
    height = max(heights) if heights else line_height
    if pdf.will_page_break(height):
        pdf.add_page()
    x, y = pdf.get_x(), pdf.get_y()
    for width, text in zip(widths, texts, strict=True):
        pdf.rect(pdf.get_x(), y, width, height)
        pdf.multi_cell(width, line_height, text, new_x="RIGHT", new_y="TOP")
    pdf.set_xy(x, y + height)
