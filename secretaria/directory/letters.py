"""What the directory gives a letter: the salutation of its addressee, the letterhead and the signatory.

Letters of the meetings (invitations, thanks, certificates) and of the decisions (follow-up
letters) take these from here, so both are addressed and signed the same way.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from secretaria.core.i18n import pick
from secretaria.directory.models import Country, Person, Post
from secretaria.directory.selectors import post_holder_on, secretariat_organization

# Honorifics that say the person's gender when the directory has no gender for them.
_FEMININE = {"sra", "sra.", "srta", "srta.", "señora", "dra", "dra.", "licda", "licda.", "mrs", "mrs.", "ms", "ms."}
_MASCULINE = {"sr", "sr.", "señor", "dr", "dr.", "lic", "lic.", "mr", "mr."}
_DOCTOR = {"dr", "dr.", "dra", "dra."}


def _gender(person: Person) -> str:
    if person.gender:
        return person.gender
    honorific = person.honorific.strip().lower()
    if honorific in _FEMININE:
        return Person.Gender.FEMALE
    if honorific in _MASCULINE:
        return Person.Gender.MALE
    return ""


def salutation(person: Person | None, lang: str, *, delegation: Country | str | None = None) -> str:
    """The salutation line, punctuation included ("Estimada Sra. Castillo:", "Dear Ms Castillo,").

    From the person's honorific and gender where the directory has them; otherwise a
    gender-neutral one: "Estimada delegación de Guatemala:" / "Dear colleagues of Guatemala," for
    a letter to a delegation, "Cordial saludo:" / "Dear colleague," for a person.
    """
    lang = "en" if lang == "en" else "es"
    gender = _gender(person) if person is not None else ""
    with translation.override(lang):
        if person is not None and gender:
            female = gender == Person.Gender.FEMALE
            honorific = person.honorific.strip()
            # The directory's honorifics are Spanish ("Sra.", "Licda."): kept in a Spanish letter;
            # a letter in another language uses its own courtesy title ("Dr" for a doctor).
            if lang != "es" or not honorific:
                if honorific.lower() in _DOCTOR:
                    honorific = pgettext("courtesy title", "Dr")
                else:
                    honorific = pgettext("courtesy title", "Ms") if female else pgettext("courtesy title", "Mr")
            values = {"honorific": honorific, "family": person.family_name}
            if female:
                return pgettext("salutation of a letter to a woman", "Dear %(honorific)s %(family)s,") % values
            return pgettext("salutation of a letter to a man", "Dear %(honorific)s %(family)s,") % values
        if delegation:
            name = pick(delegation, "name", lang) if isinstance(delegation, Country) else str(delegation)
            return pgettext("salutation of a letter", "Dear colleagues of the delegation of %(name)s,") % {"name": name}
        return pgettext("salutation of a letter", "Dear colleague,")


@dataclass
class Letterhead:
    """The top of every page: the Conference, the Secretariat and its address."""

    lines: list[str]


def letterhead(lang: str) -> Letterhead:
    with translation.override(lang):
        lines = [str(_("Regional Conference on Migration")), str(_("Technical Secretariat"))]
        org = secretariat_organization()
        if org is not None:
            contact = [line.strip() for line in org.address.splitlines() if line.strip()]
            contact += [value for value in (org.phone, org.email, org.website) if value]
            if contact:
                lines.append(" · ".join(contact))
    return Letterhead(lines=lines)


@dataclass
class Signatory:
    """Who signs: the holder of the Secretariat's signing post on the letter's date, in the letter's language."""

    name: str
    post: str
    organization: str
    found: bool = True
    lines: list[str] = field(default_factory=list)


def signatory(on: datetime.date, lang: str) -> Signatory:
    """The holder of the post named by ``settings.LETTERS_SIGNATORY_POST`` (the Secretariat's
    coordinator) on ``on``; without one, the letter is signed by the Secretariat and ``found`` is False."""
    with translation.override(lang):
        organization = str(_("Technical Secretariat of the Regional Conference on Migration"))
        post = Post.objects.filter(slug=settings.LETTERS_SIGNATORY_POST).first()
        holder = post_holder_on(post, on) if post is not None else None
        if holder is None:
            return Signatory(name="", post="", organization=organization, found=False, lines=[organization])
        title = pick(post, "title", lang)
        return Signatory(
            name=holder.full_name, post=title, organization=organization, lines=[holder.full_name, title, organization]
        )
