"""The matrix and the progress log as CSV and XLSX (openpyxl)."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from secretaria.decisions.models import PartyStatus
from secretaria.decisions.selectors import Matrix


def _status_label(status: str | None) -> str:
    return str(PartyStatus(status).label) if status else ""


def matrix_rows(matrix: Matrix) -> list[list]:
    header = [_("Meeting"), _("Decision"), _("Theme"), _("Progress (%)")] + [
        f"{column.abbr} — {column.name}" for column in matrix.columns
    ]
    rows = [header]
    for row in matrix.rows:
        decision = row.decision
        rows.append(
            [
                decision.meeting.title,
                decision.label,
                decision.theme.name if decision.theme else "",
                row.progress.percent if row.progress.percent is not None else "",
            ]
            + [_status_label(status) for status in row.cells]
        )
    rows.append(
        [_("Progress (%)"), "", "", matrix.total.percent if matrix.total.percent is not None else ""]
        + [column.progress.percent if column.progress.percent is not None else "" for column in matrix.columns]
    )
    return rows


def log_rows(notes) -> list[list]:
    rows = [
        [
            _("Date"),
            _("Recorded"),
            _("Meeting"),
            _("Decision"),
            _("Commitment"),
            _("Responsible"),
            _("Kind"),
            _("Status before"),
            _("Status after"),
            _("By"),
            _("Note"),
            _("Evidence"),
            _("Evidence (documents)"),
        ]
    ]
    for note in notes:
        commitment = note.party.commitment
        rows.append(
            [
                note.occurred_on.isoformat(),
                note.recorded_at.strftime("%Y-%m-%d %H:%M"),
                commitment.decision.meeting.title,
                commitment.decision.label,
                commitment.description,
                note.party.name,
                note.get_kind_display(),
                _status_label(note.status_from),
                _status_label(note.status_to),
                note.author_name,
                note.text,
                note.evidence_url,
                " ".join(document.symbol for document in getattr(note, "visible_evidence", [])),
            ]
        )
    return rows


def _safe_cell(value):
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def to_csv(rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([_safe_cell(value) for value in row])
    # A BOM so that spreadsheet programs read the accents as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(rows: list[list], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append([_safe_cell(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
