"""The one CSV/XLSX writer: no cell typed by a person can run as a formula; numbers stay numbers."""

import csv
import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook

from secretaria.core import spreadsheets

PAYLOADS = ['=HYPERLINK("http://evil.example/","Click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_csv_cells_that_would_run_as_formulas_start_with_an_apostrophe():
    data = spreadsheets.csv_bytes([["name", "n"], *[[p, 3] for p in PAYLOADS], ["Ana María", -5]])
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [row[0] for row in rows[1:-1]] == ["'" + p for p in PAYLOADS]
    assert rows[-1] == ["Ana María", "-5"]  # real numbers are written as they are


def test_xlsx_text_is_never_a_formula_and_numbers_and_dates_stay_typed():
    data = spreadsheets.xlsx_bytes(
        [["name", "amount", "day"], *[[p, Decimal("3600.50"), datetime.date(2004, 5, 20)] for p in PAYLOADS]],
        sheet_title="Participantes: [lista]",
    )
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Participantes   lista "
    assert sheet["A1"].font.bold
    for number, payload in enumerate(PAYLOADS, start=2):
        cell = sheet.cell(row=number, column=1)
        assert cell.data_type == "s" and cell.value == payload
        assert sheet.cell(row=number, column=2).value == 3600.5
        assert sheet.cell(row=number, column=3).value == datetime.datetime(2004, 5, 20)
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
