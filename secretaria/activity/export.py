"""The activity record as a table: CSV and XLSX downloads of what the filters select."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font


def _headers() -> list[str]:
    return [
        _("Date"),
        _("Kind"),
        _("Meeting or engagement"),
        _("Summary (Spanish)"),
        _("Summary (English)"),
        _("Done by"),
        _("Entered by hand"),
    ]


def rows(activities) -> list[list[str]]:
    out = []
    for a in activities:
        where = a.meeting.title if a.meeting_id else a.engagement
        out.append(
            [
                timezone.localtime(a.occurred_at).strftime("%Y-%m-%d %H:%M"),
                a.get_kind_display(),
                str(where),
                a.summary_es,
                a.summary_en,
                (a.actor.get_full_name() or a.actor.get_username()) if a.actor else "",
                _("yes") if a.manual else "",
            ]
        )
    return out


def as_csv(activities) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(_headers())
    writer.writerows(rows(activities))
    # With a BOM, so a spreadsheet opens the accents right.
    return ("\ufeff" + buf.getvalue()).encode()


def as_xlsx(activities) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Activity record")[:31]
    ws.append(_headers())
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows(activities):
        ws.append(row)
    for col, width in zip("ABCDEFG", (17, 28, 40, 60, 60, 22, 10), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
