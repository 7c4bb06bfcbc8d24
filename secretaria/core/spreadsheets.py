"""The one place that writes CSV and XLSX files, so no export can carry a live formula.

Names, organisations, notes and file names in our exports are typed by people outside the
Secretariat; a cell such as ``=HYPERLINK("http://…","Click")`` would run when the Secretariat
opens the file (CSV or formula injection, OWASP). So:

- in CSV, a text cell that starts with ``= + - @``, a tab or a carriage return gets a leading
  apostrophe, which spreadsheet programs read as "this is text";
- in XLSX, every text cell is written as a string cell (openpyxl would otherwise store a text
  starting with ``=`` as a formula), so it shows exactly what was typed and never runs.

Numbers, decimals and dates stay typed in XLSX (sums and number formats keep working).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet program will evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def write_csv(fh, rows: Iterable[Iterable[Any]]) -> None:
    """Write ``rows`` to the text file ``fh`` (opened with ``newline=""``), neutralised."""
    writer = csv.writer(fh)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])


def csv_bytes(rows: Iterable[Iterable[Any]]) -> bytes:
    """UTF-8 CSV with a BOM, so that spreadsheet programs read the accents right."""
    out = io.StringIO()
    write_csv(out, rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_append(sheet, values: Iterable[Any]) -> int:
    """Append one row to an openpyxl worksheet, text as text; returns the row's number."""
    from openpyxl.cell.cell import Cell  # noqa: PLC0415 - openpyxl is heavy, loaded only when a spreadsheet is written or read

    cells = []
    for value in values:
        cell = Cell(sheet, value=value)
        if isinstance(value, str):
            # openpyxl stores a text that starts with "=" as a formula; force a string cell.
            cell.data_type = "s"
        cells.append(cell)
    sheet.append(cells)
    return sheet.max_row


def new_workbook(sheet_title: str = ""):
    """An openpyxl workbook whose first sheet is titled ``sheet_title`` (cut to Excel's 31)."""
    from openpyxl import Workbook  # noqa: PLC0415 - openpyxl is heavy, loaded only when a spreadsheet is written or read

    workbook = Workbook()
    if sheet_title:
        workbook.active.title = safe_sheet_title(sheet_title)
    return workbook


def safe_sheet_title(title: str) -> str:
    # Excel refuses these characters in sheet names and names longer than 31.
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    return title[:31] or "Sheet"


def workbook_bytes(workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_bytes(
    rows: Iterable[Iterable[Any]],
    *,
    sheet_title: str = "",
    title: str = "",
    bold_header: bool = True,
    column_widths: bool = False,
) -> bytes:
    """One sheet holding ``rows`` (the first one a bold, frozen header), as XLSX bytes."""
    from openpyxl.styles import Font  # noqa: PLC0415 - openpyxl is heavy, loaded only when a spreadsheet is written or read

    workbook = new_workbook(sheet_title)
    sheet = workbook.active
    for index, row in enumerate(rows):
        number = xlsx_append(sheet, row)
        if index == 0 and bold_header:
            for cell in sheet[number]:
                cell.font = Font(bold=True)
            sheet.freeze_panes = "A2"
    if column_widths:
        for column in sheet.columns:
            width = max(len(str(c.value if c.value is not None else "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 50)
    if title:
        workbook.properties.title = title
    return workbook_bytes(workbook)
