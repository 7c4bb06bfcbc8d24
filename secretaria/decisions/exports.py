"""The matrix and the progress log as CSV and XLSX (through core.spreadsheets)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from secretaria.core import spreadsheets
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


def to_csv(rows: list[list]) -> bytes:
    return spreadsheets.csv_bytes(rows)


def to_xlsx(rows: list[list], title: str) -> bytes:
    return spreadsheets.xlsx_bytes(rows, sheet_title=title)
