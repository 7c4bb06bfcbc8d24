"""The agenda as a PDF (fpdf2) and a Word document (python-docx), in Spanish or English.

The PDF uses fpdf2's core Helvetica, which covers Latin-1 (all of Spanish); characters
outside it (typographic dashes and quotes) are replaced by their plain equivalents so a
newcomer's machine needs no extra font.
"""

from __future__ import annotations

import io

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from secretaria.core.i18n import date_range_text, pick
from secretaria.meetings.models import AgendaItem, AgendaVersion

_LATIN1 = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "-"})


def _latin1(text: str) -> str:
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


# "lunes 18 de octubre de 2004" / "Monday 18 October 2004".
DAY_HEADING = {"es": r"l j \d\e F \d\e Y", "en": "l j F Y"}


def _day_heading(day, lang: str) -> str:
    # Only the first letter: str.capitalize() would write "Monday 18 october 2004".
    text = date_format(day, DAY_HEADING.get(lang, "l j F Y"))
    return text[:1].upper() + text[1:]


def _heading(version: AgendaVersion, lang: str) -> tuple[str, str, str]:
    meeting = version.meeting
    title = pick(meeting, "title", lang)
    kind = {"preliminary": _("Preliminary agenda"), "annotated": _("Annotated agenda")}[version.kind]
    if version.state != AgendaVersion.State.APPROVED:
        kind = f"{kind} ({_('draft')} v{version.number})"
    place = ", ".join(
        x for x in [meeting.city_in(lang), pick(meeting.country, "name", lang) if meeting.country else ""] if x
    )
    dates = date_range_text(meeting.start_date, meeting.end_date, lang)
    return title, kind, f"{place} · {dates}" if place else dates


def _when(item: AgendaItem) -> str:
    if not item.start_time:
        return ""
    return f"{item.start_time:%H:%M}" + (f"-{item.end_time:%H:%M}" if item.end_time else "")


def _people(people) -> str:
    return ", ".join(
        p.full_name + (f" ({p.organization.acronym or p.organization.name})" if p.organization_id else "")
        for p in people
    )


def _days(version: AgendaVersion):
    """Items grouped by day, in order (items without a day come first)."""
    groups: list[tuple] = []
    for item in version.items.all():
        if not groups or groups[-1][0] != item.day:
            groups.append((item.day, []))
        groups[-1][1].append(item)
    return groups


def agenda_pdf(version: AgendaVersion, lang: str) -> bytes:
    from fpdf import FPDF  # noqa: PLC0415 - a heavy document library, loaded only when a file is made

    with translation.override(lang):
        title, kind, subtitle = _heading(version, lang)
        pdf = FPDF(format="A4")
        pdf.set_auto_page_break(auto=True, margin=15)
        pdf.set_title(_latin1(f"{kind} - {title}"))
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 15)
        pdf.multi_cell(0, 8, _latin1(title), new_x="LMARGIN", new_y="NEXT", align="C")
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, _latin1(subtitle), new_x="LMARGIN", new_y="NEXT", align="C")
        pdf.set_font("Helvetica", "B", 13)
        pdf.ln(3)
        pdf.multi_cell(0, 7, _latin1(kind.upper()), new_x="LMARGIN", new_y="NEXT", align="C")
        intro = pick(version, "introduction", lang)
        if intro:
            pdf.ln(2)
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, _latin1(intro), new_x="LMARGIN", new_y="NEXT")
        for day, items in _days(version):
            pdf.ln(4)
            if day:
                pdf.set_font("Helvetica", "B", 12)
                pdf.multi_cell(
                    0,
                    7,
                    _latin1(_day_heading(day, lang)),
                    new_x="LMARGIN",
                    new_y="NEXT",
                )
            session = None
            for item in items:
                item_session = pick(item, "session", lang)
                if item_session and item_session != session:
                    session = item_session
                    pdf.set_font("Helvetica", "BI", 11)
                    pdf.multi_cell(0, 6, _latin1(session), new_x="LMARGIN", new_y="NEXT")
                pdf.set_font("Helvetica", "B", 10)
                when = _when(item)
                pdf.multi_cell(
                    0, 5, _latin1(f"{when}  {pick(item, 'title', lang)}" if when else pick(item, "title", lang)),
                    new_x="LMARGIN", new_y="NEXT",
                )  # fmt: skip
                pdf.set_font("Helvetica", "", 10)
                description = pick(item, "description", lang)
                if description:
                    pdf.multi_cell(0, 5, _latin1(description), new_x="LMARGIN", new_y="NEXT")
                for label, people in ((_("Moderators"), item.moderators.all()), (_("Speakers"), item.speakers.all())):
                    names = _people(people)
                    if names:
                        pdf.set_font("Helvetica", "I", 9)
                        pdf.multi_cell(0, 5, _latin1(f"{label}: {names}"), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
        return bytes(pdf.output())


def agenda_docx(version: AgendaVersion, lang: str) -> bytes:
    from docx import Document  # noqa: PLC0415 - a heavy document library, loaded only when a file is made

    with translation.override(lang):
        title, kind, subtitle = _heading(version, lang)
        doc = Document()
        doc.core_properties.title = f"{kind} - {title}"
        doc.core_properties.language = lang
        doc.add_heading(title, level=0)
        doc.add_paragraph(subtitle)
        doc.add_heading(kind, level=1)
        intro = pick(version, "introduction", lang)
        if intro:
            doc.add_paragraph(intro)
        for day, items in _days(version):
            if day:
                doc.add_heading(_day_heading(day, lang), level=2)
            session = None
            for item in items:
                item_session = pick(item, "session", lang)
                if item_session and item_session != session:
                    session = item_session
                    doc.add_heading(session, level=3)
                paragraph = doc.add_paragraph()
                when = _when(item)
                if when:
                    paragraph.add_run(f"{when}  ")
                paragraph.add_run(pick(item, "title", lang)).bold = True
                description = pick(item, "description", lang)
                if description:
                    doc.add_paragraph(description)
                for label, people in ((_("Moderators"), item.moderators.all()), (_("Speakers"), item.speakers.all())):
                    names = _people(people)
                    if names:
                        doc.add_paragraph().add_run(f"{label}: {names}").italic = True
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue()
