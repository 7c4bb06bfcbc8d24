"""What the writers (``docx``, ``pdf``, ``xlsx``) and the package share: the formats and their
content types, the process's header, a table's amounts and the files' names. The writers import
this module, never the package, so ``rendering`` can load them without an import circle."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.text import slugify

from secretaria.core.i18n import number_text

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
