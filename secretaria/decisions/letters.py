"""Follow-up letters as text, PDF and DOCX. The wording of each language is in
``templates/decisions/letters/``; the letterhead, the addressee, the salutation and the signature
come from the directory, and ``secretaria.core.letters`` lays the letter out."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from secretaria.core.i18n import date_range_text, date_text, pick
from secretaria.core.letters import LetterLayout
from secretaria.core.letters import render_docx as layout_docx
from secretaria.core.letters import render_pdf as layout_pdf
from secretaria.decisions.models import FollowUpLetter
from secretaria.decisions.selectors import focal_point_people
from secretaria.directory.letters import letterhead, salutation, signatory
from secretaria.directory.selectors import presidency_on

PLACE = "San José, Costa Rica"


@dataclass
class LetterContent:
    subject: str
    body: str
    email_body: str
    layout: LetterLayout

    def blocks(self) -> list[tuple[str, str]]:
        """("para" | "item", text) in reading order; list items are lines starting with "- "."""
        return self.layout.blocks()

    @property
    def text(self) -> str:
        """The whole letter as it is printed."""
        return self.layout.as_text()


def letter_content(letter: FollowUpLetter) -> LetterContent:
    lang = letter.language
    meeting = letter.meeting
    with translation.override(lang):
        presidency = presidency_on(letter.letter_date)
        country = pick(letter.country, "name", lang)
        people = focal_point_people(country=letter.country, on=letter.letter_date)
        # One focal point: addressed to them by name; several or none: to the delegation.
        person = people[0] if len(people) == 1 else None
        greeting = salutation(person, lang, delegation=letter.country)
        signer = signatory(letter.letter_date, lang)
        addressee = [person.full_name] if person else []
        addressee.append(
            _("Focal points of %(country)s to the Regional Conference on Migration") % {"country": country}
        )
        context = {
            "country": country,
            "meeting_title": pick(meeting, "title", lang),
            "meeting_city": meeting.city_in(lang),
            "meeting_dates": date_range_text(meeting.start_date, meeting.end_date, lang),
            "letter_date": date_text(letter.letter_date, lang),
            "ppt": pick(presidency.country, "name", lang) if presidency else "",
            "items": letter.items,
            "salutation": greeting,
            "signature": signer.lines,
        }
        subject = render_to_string(f"decisions/letters/subject_{lang}.txt", context).strip()
        body = render_to_string(f"decisions/letters/follow_up_{lang}.txt", context).strip()
        email_body = render_to_string(f"decisions/letters/email_{lang}.txt", context).strip()
        layout = LetterLayout(
            lang=lang,
            letterhead=letterhead(lang).lines,
            place_date=f"{PLACE}, {context['letter_date']}",
            addressee=addressee,
            subject_label=str(_("Subject:")),
            subject=subject,
            salutation=greeting,
            body=body,
            closing=str(_("Yours sincerely,")),
            signature=signer.lines,
            page_label=str(_("Page %(page)s")) % {"page": "{page}"},
        )
    return LetterContent(subject=subject, body=body, email_body=email_body, layout=layout)


def render_pdf(letter: FollowUpLetter) -> bytes:
    return layout_pdf(letter_content(letter).layout, paper="Letter")


def render_docx(letter: FollowUpLetter) -> bytes:
    return layout_docx(letter_content(letter).layout)
