"""The report as files: DOCX (python-docx, from a template the Secretariat can replace), PDF
(fpdf2 with the DejaVu fonts embedded, headings in the outline, page numbers and the process's
header), XLSX (the financial annex's tables) and the charts (matplotlib, Agg backend).

The shared names live in ``rendering.common`` (re-exported here); the writers import that module,
never this package, so there is no import circle (a contract in pyproject.toml checks it)."""

from __future__ import annotations

from secretaria.reports.rendering import xlsx
from secretaria.reports.rendering.common import CONTENT_TYPES, FORMATS, HEADER, amount, filename
from secretaria.reports.selectors import visible

__all__ = ["CONTENT_TYPES", "FORMATS", "HEADER", "amount", "filename", "render"]


def render(report, sections: list[dict], lang: str, fmt: str) -> bytes:
    """``sections`` as resolved by ``selectors.resolve``; removed paragraphs are left out here."""
    if fmt not in CONTENT_TYPES:
        raise ValueError(f"unknown format {fmt!r}")
    shown = visible(sections)
    if fmt == "xlsx":  # openpyxl is loaded by the site anyway (other XLSX exports)
        return xlsx.render(report, shown, lang)
    # Weight, not a circle: fpdf2 (with fontTools and Pillow) and python-docx are loaded only in the
    # process that renders a report, not in every web worker at start-up.
    from secretaria.reports.rendering import docx, pdf  # noqa: PLC0415 - heavy writers, see above

    return {"docx": docx.render, "pdf": pdf.render}[fmt](report, shown, lang)
