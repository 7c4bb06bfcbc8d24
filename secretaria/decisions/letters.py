"""Follow-up letters as text, PDF (fpdf2) and DOCX (python-docx), from the ES/EN templates in
``templates/decisions/letters/``: the templates are the letter's wording in each language."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import formats, translation

from secretaria.core.i18n import pick
from secretaria.decisions.models import FollowUpLetter
from secretaria.directory.selectors import presidency_on


@dataclass
class LetterContent:
    subject: str
    body: str
    email_body: str

    def blocks(self) -> list[tuple[str, str]]:
        """("para" | "item", text) in reading order; list items are lines starting with "- "."""
        out: list[tuple[str, str]] = []
        for chunk in self.body.split("\n\n"):
            lines = [line.rstrip() for line in chunk.strip().splitlines() if line.strip()]
            paragraph: list[str] = []
            for line in lines:
                if line.startswith("- "):
                    if paragraph:
                        out.append(("para", " ".join(paragraph)))
                        paragraph = []
                    out.append(("item", line[2:].strip()))
                else:
                    paragraph.append(line.strip())
            if paragraph:
                out.append(("para", "\n".join(paragraph)))
        return out


def letter_content(letter: FollowUpLetter) -> LetterContent:
    lang = letter.language
    meeting = letter.meeting
    with translation.override(lang):
        presidency = presidency_on(letter.letter_date)
        context = {
            "country": pick(letter.country, "name", lang),
            "meeting_title": pick(meeting, "title", lang),
            "meeting_city": meeting.city,
            "meeting_date": formats.date_format(meeting.start_date, "YEAR_MONTH_FORMAT"),
            "letter_date": formats.date_format(letter.letter_date, "DATE_FORMAT"),
            "ppt": pick(presidency.country, "name", lang) if presidency else "",
            "items": letter.items,
        }
        subject = render_to_string(f"decisions/letters/subject_{lang}.txt", context).strip()
        body = render_to_string(f"decisions/letters/follow_up_{lang}.txt", context).strip()
        email_body = render_to_string(f"decisions/letters/email_{lang}.txt", context).strip()
    return LetterContent(subject=subject, body=body, email_body=email_body)


_TYPOGRAPHY = str.maketrans({"—": "-", "–": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "\u00a0": " "})


def _latin1(text: str) -> str:
    # fpdf2's core fonts cover Latin-1 (all of Spanish); typographic marks are mapped to
    # ASCII and anything else replaced, so no font file has to ship with the code.
    return text.translate(_TYPOGRAPHY).encode("latin-1", "replace").decode("latin-1")


def render_pdf(letter: FollowUpLetter) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    content = letter_content(letter)
    pdf = FPDF(format="Letter")
    pdf.set_title(_latin1(content.subject))
    pdf.set_author(_latin1("Secretaría Técnica de la Conferencia Regional sobre Migración"))
    pdf.set_margins(25, 20, 25)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    heading = (
        "Conferencia Regional sobre Migración - Secretaría Técnica"
        if letter.language == "es"
        else "Regional Conference on Migration - Technical Secretariat"
    )
    pdf.cell(0, 8, _latin1(heading), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.set_font("Helvetica", size=11)
    for kind, text in content.blocks():
        if kind == "item":
            pdf.set_x(pdf.l_margin + 5)
            pdf.multi_cell(0, 6, _latin1("- " + text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        else:
            pdf.multi_cell(0, 6, _latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(3)
    return bytes(pdf.output())


def render_docx(letter: FollowUpLetter) -> bytes:
    from docx import Document

    content = letter_content(letter)
    document = Document()
    document.core_properties.title = content.subject
    document.core_properties.author = "Secretaría Técnica de la Conferencia Regional sobre Migración"
    document.add_heading(
        "Conferencia Regional sobre Migración — Secretaría Técnica"
        if letter.language == "es"
        else "Regional Conference on Migration — Technical Secretariat",
        level=1,
    )
    for kind, text in content.blocks():
        if kind == "item":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
