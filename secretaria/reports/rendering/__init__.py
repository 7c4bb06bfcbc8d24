"""The report as files: DOCX (python-docx, from a template the Secretariat can replace), PDF
(fpdf2 with the DejaVu fonts embedded, headings in the outline, page numbers and the process's
header), XLSX (the financial annex's tables) and the charts (matplotlib, Agg backend)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.text import slugify

from secretaria.core.i18n import number_text
from secretaria.reports.selectors import visible

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMATS = tuple(CONTENT_TYPES)
HEADER = {
    "es": "Conferencia Regional sobre Migración · Secretaría Técnica",
    "en": "Regional Conference on Migration · Technical Secretariat",
}


def amount(value, lang: str) -> str:
    """A table's USD cell in the language's notation ("18.450,00" / "18,450.00")."""
    try:
        return number_text(Decimal(str(value)), lang)
    except (InvalidOperation, ValueError):
        return str(value)


def filename(report, lang: str, fmt: str) -> str:
    base = (
        slugify(report.symbol.replace("/", "-"))
        if report.symbol
        else f"informe-{report.period_start}-{report.period_end}"
    )
    return f"{base}-{lang}.{fmt}"


def render(report, sections: list[dict], lang: str, fmt: str) -> bytes:
    """``sections`` as resolved by ``selectors.resolve``; removed paragraphs are left out here."""
    from secretaria.reports.rendering import docx, pdf, xlsx  # noqa: PLC0415 - heavy writers, loaded when a report is rendered

    if fmt not in CONTENT_TYPES:
        raise ValueError(f"unknown format {fmt!r}")
    shown = visible(sections)
    return {"docx": docx.render, "pdf": pdf.render, "xlsx": xlsx.render}[fmt](report, shown, lang)
