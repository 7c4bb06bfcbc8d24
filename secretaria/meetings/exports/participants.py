"""Files made from participation data: CSV/XLSX lists, name badges (PDF), letters (PDF and DOCX)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from secretaria.core import spreadsheets
from secretaria.core.letters import render_docx, render_pdf
from secretaria.meetings.letters import recipient_layout
from secretaria.meetings.models import LetterRecipient, Registration

_LATIN1_FALLBACKS = {
    "“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "•": "-", "\u00a0": " ",
}  # fmt: skip


def latin1(text: str) -> str:
    """fpdf2's core fonts cover Latin-1 (all of Spanish); typographic quotes and dashes are mapped."""
    for char, plain in _LATIN1_FALLBACKS.items():
        text = text.replace(char, plain)
    return text.encode("latin-1", "replace").decode("latin-1")


def _dt(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def participant_columns(full: bool) -> list[tuple[str, callable]]:
    columns = [
        (_("Family name"), lambda r: r.person.family_name),
        (_("Given name"), lambda r: r.person.given_name),
        (_("Delegation"), lambda r: r.delegation_name),
        (_("Category"), lambda r: r.invitation.get_category_display()),
        (_("Role"), lambda r: r.get_role_display()),
        (_("Status"), lambda r: r.get_status_display()),
    ]
    if full:
        columns += [
            (_("E-mail"), lambda r: r.person.email),
            (_("Arrival"), lambda r: _dt(r.arrival)),
            (_("Departure"), lambda r: _dt(r.departure)),
            (_("Hotel"), lambda r: r.hotel),
            (_("Dietary needs"), lambda r: r.dietary_needs),
            (_("Accessibility needs"), lambda r: r.accessibility_needs),
            (_("Interpretation"), lambda r: r.get_interpretation_language_display()),
            (_("Needs a visa"), lambda r: _("yes") if r.needs_visa else _("no")),
            (_("Passport number"), lambda r: r.passport_number),
            (_("Passport issued by"), lambda r: r.passport_country),
            (_("Public list"), lambda r: _("yes") if r.listed_publicly else _("no")),
        ]
    return columns


def _rows(registrations, full: bool):
    columns = participant_columns(full)
    yield [str(title) for title, _fn in columns]
    for r in registrations:
        yield [str(fn(r)) for _title, fn in columns]


def participants_csv(registrations, *, full: bool) -> bytes:
    return spreadsheets.csv_bytes(_rows(registrations, full))


def participants_xlsx(registrations, *, full: bool, title: str) -> bytes:
    return spreadsheets.xlsx_bytes(
        _rows(registrations, full), sheet_title=_("Participants"), title=title, column_widths=True
    )


def badges_pdf(registrations: list[Registration], *, meeting_title: str) -> bytes:
    """Name badges, eight per A4 page (2 × 4, 90 × 60 mm): name, delegation, category."""
    from fpdf import FPDF  # noqa: PLC0415 - a heavy document library, loaded only when a file is made

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_title(latin1(meeting_title))
    width, height, left, top = 90, 62, 12, 14
    for i, r in enumerate(registrations):
        if i % 8 == 0:
            pdf.add_page()
        col, row = i % 2, (i % 8) // 2
        x, y = left + col * (width + 6), top + row * (height + 4)
        pdf.set_draw_color(120, 120, 120)
        pdf.rect(x, y, width, height)
        pdf.set_xy(x + 4, y + 5)
        pdf.set_font("helvetica", size=8)
        pdf.multi_cell(width - 8, 4, latin1(meeting_title), align="C")
        pdf.set_xy(x + 4, y + 22)
        pdf.set_font("helvetica", "B", 16)
        pdf.multi_cell(width - 8, 7, latin1(r.person.full_name), align="C")
        pdf.set_xy(x + 4, y + 40)
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(width - 8, 5, latin1(r.delegation_name), align="C")
        pdf.set_xy(x + 4, y + 52)
        pdf.set_font("helvetica", "I", 9)
        pdf.cell(width - 8, 5, latin1(str(r.invitation.get_category_display())), align="C")
    if not registrations:
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.cell(0, 10, latin1(_("No approved participants yet.")))
    return bytes(pdf.output())


def letter_pdf(recipient: LetterRecipient) -> bytes:

    return render_pdf(recipient_layout(recipient))


def letter_docx(recipient: LetterRecipient) -> bytes:

    return render_docx(recipient_layout(recipient))
