"""A letter laid out for signing, as PDF (fpdf2), Word (python-docx) or plain text.

The apps that write letters (meetings, decisions) fill a ``LetterLayout`` — letterhead, place
and date, addressee, subject, salutation, body, closing, signature — already in the letter's
language; this module only lays it out, so every letter of the platform looks the same.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

_TYPOGRAPHY = str.maketrans(
    {"—": "-", "–": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "•": "-", "\u00a0": " "}
)


def latin1(text: str) -> str:
    """fpdf2's core fonts cover Latin-1 (all of Spanish); typographic marks are mapped to ASCII and
    anything else replaced, so no font file has to ship with the code."""
    return str(text).translate(_TYPOGRAPHY).encode("latin-1", "replace").decode("latin-1")


def text_blocks(body: str) -> list[tuple[str, str]]:
    """("para" | "item", text) in reading order; paragraphs are separated by a blank line and list
    items are lines starting with "- "."""
    out: list[tuple[str, str]] = []
    for chunk in body.split("\n\n"):
        lines = [line.rstrip() for line in chunk.strip().splitlines() if line.strip()]
        paragraph: list[str] = []
        for line in lines:
            if line.startswith("- "):
                if paragraph:
                    out.append(("para", "\n".join(paragraph)))
                    paragraph = []
                out.append(("item", line[2:].strip()))
            else:
                paragraph.append(line.strip())
        if paragraph:
            out.append(("para", "\n".join(paragraph)))
    return out


@dataclass
class LetterLayout:
    lang: str
    letterhead: list[str]
    place_date: str
    subject: str
    salutation: str
    body: str
    closing: str
    signature: list[str]
    addressee: list[str] = field(default_factory=list)
    subject_label: str = ""
    on_behalf: str = ""
    page_label: str = "{page}"

    def blocks(self) -> list[tuple[str, str]]:
        return text_blocks(self.body)

    def as_text(self, *, with_letterhead: bool = True) -> str:
        """The whole letter as plain text (the e-mail's body, the preview, tests)."""
        parts = ["\n".join(self.letterhead) if with_letterhead else "", self.place_date]
        if self.addressee:
            parts.append("\n".join(self.addressee))
        parts.append(f"{self.subject_label} {self.subject}".strip())
        parts.append(self.salutation)
        parts += [("- " + text) if kind == "item" else text for kind, text in self.blocks()]
        if self.on_behalf:
            parts.append(self.on_behalf)
        parts.append(self.closing)
        parts.append("\n".join(self.signature))
        return "\n\n".join(part for part in parts if part)


def render_pdf(layout: LetterLayout, *, paper: str = "A4") -> bytes:
    from fpdf import FPDF  # noqa: PLC0415 - heavy PDF/DOCX writers, loaded only when a letter is rendered
    from fpdf.enums import XPos, YPos  # noqa: PLC0415 - heavy PDF/DOCX writers, loaded only when a letter is rendered

    class _Letter(FPDF):
        def header(self):
            self.set_font("Helvetica", "B", 13)
            self.set_text_color(20, 50, 90)
            self.cell(0, 6, latin1(layout.letterhead[0]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_font("Helvetica", "", 10.5)
            for line in layout.letterhead[1:2]:
                self.cell(0, 5, latin1(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_font("Helvetica", "", 8)
            self.set_text_color(90, 90, 90)
            for line in layout.letterhead[2:]:
                self.cell(0, 4, latin1(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_draw_color(20, 50, 90)
            self.set_line_width(0.5)
            self.line(self.l_margin, self.get_y() + 2, self.w - self.r_margin, self.get_y() + 2)
            self.set_text_color(0, 0, 0)
            self.ln(8)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.set_text_color(110, 110, 110)
            self.cell(0, 5, latin1(layout.page_label.format(page=self.page_no())), align="C")

    pdf = _Letter(format=paper, unit="mm")
    pdf.set_margins(25, 18, 25)
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_title(latin1(layout.subject))
    pdf.set_author(latin1(layout.signature[-1] if layout.signature else layout.letterhead[0]))
    pdf.set_lang(layout.lang)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, latin1(layout.place_date), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    for line in layout.addressee:
        pdf.multi_cell(0, 5.5, latin1(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if layout.addressee:
        pdf.ln(4)
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, latin1(f"{layout.subject_label} {layout.subject}".strip()), new_x=XPos.LMARGIN,
                   new_y=YPos.NEXT)  # fmt: skip
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, latin1(layout.salutation), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    previous = None
    for kind, text in layout.blocks():
        if previous == "item" and kind != "item":
            pdf.ln(2)
        previous = kind
        if kind == "item":
            # A hanging indent: the item's wrapped lines stay under its first word.
            margin = pdf.l_margin
            pdf.set_x(margin + 4)
            pdf.cell(4, 6, "-")
            pdf.set_left_margin(margin + 8)
            pdf.multi_cell(0, 6, latin1(text), align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_left_margin(margin)
            pdf.ln(1)
        else:
            pdf.multi_cell(0, 6, latin1(text), align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(3)
    if layout.on_behalf:
        pdf.multi_cell(0, 6, latin1(layout.on_behalf), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    pdf.multi_cell(0, 6, latin1(layout.closing), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    # Room for the hand signature, kept on the page of the name it belongs to.
    if pdf.get_y() + 22 + 6 * len(layout.signature) > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.ln(20)
    for i, line in enumerate(layout.signature):
        pdf.set_font("Helvetica", "B" if i == 0 and len(layout.signature) > 1 else "", 11)
        pdf.cell(0, 5.5, latin1(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def render_docx(layout: LetterLayout) -> bytes:
    from docx import Document  # noqa: PLC0415 - heavy PDF/DOCX writers, loaded only when a letter is rendered
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415 - heavy PDF/DOCX writers, loaded only when a letter is rendered
    from docx.shared import Pt, RGBColor  # noqa: PLC0415 - heavy PDF/DOCX writers, loaded only when a letter is rendered

    document = Document()
    document.core_properties.title = layout.subject
    document.core_properties.author = layout.signature[-1] if layout.signature else layout.letterhead[0]
    document.core_properties.language = layout.lang
    header = document.sections[0].header
    first = header.paragraphs[0]
    run = first.add_run(layout.letterhead[0])
    run.bold, run.font.size, run.font.color.rgb = True, Pt(13), RGBColor(0x14, 0x32, 0x5A)
    for i, line in enumerate(layout.letterhead[1:]):
        run = header.add_paragraph().add_run(line)
        run.font.size = Pt(10.5 if i == 0 else 8)
    date = document.add_paragraph(layout.place_date)
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if layout.addressee:
        document.add_paragraph("\n".join(layout.addressee))
    document.add_paragraph().add_run(f"{layout.subject_label} {layout.subject}".strip()).bold = True
    document.add_paragraph(layout.salutation)
    for kind, text in layout.blocks():
        if kind == "item":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if layout.on_behalf:
        document.add_paragraph(layout.on_behalf)
    document.add_paragraph(layout.closing)
    document.add_paragraph("\n\n")
    signature = document.add_paragraph()
    for i, line in enumerate(layout.signature):
        run = signature.add_run(line)
        run.bold = i == 0 and len(layout.signature) > 1
        if i < len(layout.signature) - 1:
            run.add_break()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
