"""The XLSX annex: one sheet per table of the report (the financial annex), the charts' data."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font


def _cell(value):
    try:
        return Decimal(value) if isinstance(value, str) and value.replace(".", "", 1).isdigit() else value
    except ArithmeticError:
        return value


def render(report, sections: list[dict], lang: str) -> bytes:
    wb = Workbook()
    first = wb.active
    first.title = "Informe" if lang == "es" else "Report"
    first.append([report.title_es if lang == "es" else report.title_en])
    first["A1"].font = Font(bold=True, size=13)
    first.append([f"{report.period_start} – {report.period_end}"])
    for section in sections:
        for table in section.get("tables", []):
            ws = wb.create_sheet(table["key"][:31])
            ws.append([table[f"title_{lang}"]])
            ws["A1"].font = Font(bold=True)
            ws.append(table[f"columns_{lang}"])
            for cell in ws[2]:
                cell.font = Font(bold=True)
            for row in table["rows"]:
                label = row[0] if lang == "es" else row[1]
                currencies = row[2] if lang == "es" else row[3]
                ws.append([label, currencies, _cell(row[4])])
            ws.column_dimensions["A"].width = 60
            ws.column_dimensions["B"].width = 40
            ws.column_dimensions["C"].width = 14
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
