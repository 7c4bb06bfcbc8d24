"""The letters of a meeting (invitations, thanks, certificates) as they are signed.

A ``LetterTemplate`` holds the body in both languages with placeholders; ``merge_context`` fills
them from the meeting (its sponsors, dates, city) and the addressee; ``recipient_layout`` adds what
the directory gives (letterhead, salutation, signatory) and the letter's date and "on behalf of",
and ``secretaria.core.letters`` lays it out as PDF, Word or text.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from secretaria.core.i18n import date_range_text, date_text, pick
from secretaria.core.letters import LetterLayout
from secretaria.directory.letters import letterhead, salutation, signatory
from secretaria.directory.models import Person
from secretaria.directory.selectors import presidency_on
from secretaria.meetings.models import Letter, LetterRecipient, LetterTemplate, Meeting

PLACEHOLDERS = (
    "{salutation}",
    "{name}",
    "{meeting}",
    "{dates}",
    "{when}",
    "{city}",
    "{sponsors}",
    "{on_behalf_of}",
    "{delegation}",
)

# Where the Secretariat signs.
PLACE = {"es": "San José, Costa Rica", "en": "San José, Costa Rica"}


def join_names(names: list[str], lang: str) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    joiner = " y " if lang == "es" else " and "
    return ", ".join(names[:-1]) + joiner + names[-1]


def sponsors_text(meeting: Meeting, lang: str) -> str:
    """ "Canadá y México"; organisations by name after the countries."""
    names = [pick(c, "name", lang) for c in meeting.sponsor_countries.all()]
    names += [pick(o, "name", lang) for o in meeting.sponsor_organizations.all()]
    return join_names(names, lang)


def sponsors_on_behalf(meeting: Meeting, lang: str) -> str:
    """ "los Gobiernos de Canadá y México" / "the Governments of Canada and Mexico"."""
    countries = [pick(c, "name", lang) for c in meeting.sponsor_countries.all()]
    parts = []
    if countries:
        if lang == "es":
            parts.append(
                ("los Gobiernos de " if len(countries) > 1 else "el Gobierno de ") + join_names(countries, lang)
            )
        else:
            parts.append(
                ("the Governments of " if len(countries) > 1 else "the Government of ") + join_names(countries, lang)
            )
    parts += [pick(o, "name", lang) for o in meeting.sponsor_organizations.all()]
    return join_names(parts, lang)


def ppt_on_behalf(on: datetime.date, lang: str) -> str:
    term = presidency_on(on)
    if term is None:
        return ""
    country = pick(term.country, "name", lang)
    return f"la Presidencia Pro-Tempore de {country}" if lang == "es" else f"the Pro-Tempore Presidency of {country}"


def on_behalf_texts(*, meeting: Meeting, choice: str, on: datetime.date, other_es: str = "", other_en: str = ""):
    """(Spanish, English) text of the "on behalf of" choice; empty for the Secretariat itself."""
    if choice == Letter.OnBehalf.SPONSORS:
        return sponsors_on_behalf(meeting, "es"), sponsors_on_behalf(meeting, "en")
    if choice == Letter.OnBehalf.PPT:
        return ppt_on_behalf(on, "es"), ppt_on_behalf(on, "en")
    if choice == Letter.OnBehalf.OTHER:
        return other_es.strip(), (other_en.strip() or other_es.strip())
    return "", ""


def merge_context(
    *,
    meeting: Meeting,
    person: Person | None,
    name: str,
    lang: str,
    delegation: str = "",
    on_behalf_of: str = "",
) -> dict:
    country = meeting.country
    city = meeting.city_in(lang) + (f", {pick(country, 'name', lang)}" if country else "")
    return {
        "salutation": salutation(person, lang),
        "name": name,
        "meeting": pick(meeting, "title", lang),
        "dates": date_range_text(meeting.start_date, meeting.end_date, lang),
        "when": date_range_text(meeting.start_date, meeting.end_date, lang, phrase=True),
        "city": city,
        "sponsors": sponsors_text(meeting, lang),
        "on_behalf_of": on_behalf_of,
        "delegation": delegation,
    }


class _SafeDict(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def merge(text: str, context: dict) -> str:
    """Fill {placeholders}; unknown ones stay as written, stray braces never raise."""
    try:
        return text.format_map(_SafeDict(context))
    except (ValueError, IndexError, AttributeError):
        out = text
        for key, value in context.items():
            out = out.replace("{" + key + "}", str(value))
        return out


@dataclass
class Merged:
    subject: str
    body: str
    salutation: str


def merge_for(
    *, template: LetterTemplate, meeting: Meeting, person, name: str, lang: str, delegation: str, on_behalf_of: str
) -> Merged:
    context = merge_context(
        meeting=meeting, person=person, name=name, lang=lang, delegation=delegation, on_behalf_of=on_behalf_of
    )
    body_template = getattr(template, f"body_{lang}") or template.body_es
    certificate = template.kind == LetterTemplate.Kind.CERTIFICATE
    # A template that writes its own salutation keeps it; otherwise the letter adds the directory's.
    greeting = "" if certificate or "{salutation}" in body_template else context["salutation"]
    return Merged(
        subject=merge(getattr(template, f"subject_{lang}") or template.subject_es, context),
        body=merge(body_template, context),
        salutation=greeting,
    )


def layout(
    *,
    lang: str,
    letter_date: datetime.date,
    subject: str,
    body: str,
    greeting: str,
    addressee: list[str],
    on_behalf: str = "",
    certificate: bool = False,
) -> LetterLayout:
    with translation.override(lang):
        signer = signatory(letter_date, lang)
        return LetterLayout(
            lang=lang,
            letterhead=letterhead(lang).lines,
            place_date=f"{PLACE[lang]}, {date_text(letter_date, lang)}",
            addressee=addressee,
            subject_label="" if certificate else str(_("Subject:")),
            subject=subject,
            salutation=greeting,
            body=body,
            closing="" if certificate else str(_("Yours sincerely,")),
            on_behalf=(str(_("On behalf of %(whom)s")) % {"whom": on_behalf}) if on_behalf else "",
            signature=signer.lines,
            page_label=str(_("Page %(page)s")) % {"page": "{page}"},
        )


def recipient_layout(recipient: LetterRecipient) -> LetterLayout:
    letter = recipient.letter
    lang = recipient.language if recipient.language in ("es", "en") else "es"
    template_body = getattr(letter.template, f"body_{lang}") or letter.template.body_es
    on_behalf = recipient.on_behalf_text
    certificate = letter.kind == LetterTemplate.Kind.CERTIFICATE
    return layout(
        lang=lang,
        letter_date=letter.letter_date,
        subject=recipient.subject,
        body=recipient.body,
        greeting=recipient.salutation,
        addressee=[] if certificate else [line for line in (recipient.name, recipient.delegation) if line],
        # Said in the text when the template has a place for it, else above the signature.
        on_behalf="" if "{on_behalf_of}" in template_body else on_behalf,
        certificate=certificate,
    )
