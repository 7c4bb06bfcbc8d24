"""Content typed by people exists in Spanish and English, with a fallback.

A model declares its bilingual fields twice (``title_es``, ``title_en``) and exposes the
reader's version with ``title = translated("title")``. See
docs/decisions/0003-bilingual-content-fields.md for why this is not django-modeltranslation.
"""

from django.conf import settings
from django.utils import dateformat, formats, numberformat, translation
from django.utils.translation import get_language

CONTENT_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def current_language() -> str:
    lang = (get_language() or settings.LANGUAGE_CODE)[:2]
    return lang if lang in CONTENT_LANGUAGES else settings.LANGUAGE_CODE


def pick(obj, field: str, lang: str | None = None) -> str:
    """The value of ``field`` in ``lang`` (default: the active language), else the other one."""
    lang = lang or current_language()
    order = [lang] + [code for code in CONTENT_LANGUAGES if code != lang]
    for code in order:
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""


class translated:  # noqa: N801 - used like a field declaration
    """Descriptor: ``obj.title`` is ``title_<active language>``, falling back to the other."""

    def __init__(self, field: str):
        self.field = field

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return pick(obj, self.field)

    def missing_languages(self, obj) -> list[str]:
        return [code for code in CONTENT_LANGUAGES if not getattr(obj, f"{self.field}_{code}", "")]


# --- Dates and numbers written out in a language (letters, PDFs) ----------------------------
#
# Django's DATE_FORMAT for English is "N j, Y" ("Oct. 18, 2004"): fine on a web page, not in a
# letter, where the Secretariat writes "18 October 2004". Month names still come from Django's
# catalogues, so they follow the language without a table of our own.

_DAY_MONTH_YEAR = {"es": r"j \d\e F \d\e Y", "en": "j F Y"}
_DAY_MONTH = {"es": r"j \d\e F", "en": "j F"}


def _lang(lang: str | None) -> str:
    lang = (lang or current_language())[:2]
    return lang if lang in _DAY_MONTH_YEAR else settings.LANGUAGE_CODE


def _fmt(value, fmt: str, lang: str) -> str:
    with translation.override(lang):
        return dateformat.format(value, fmt)


def date_text(value, lang: str | None = None) -> str:
    """A date as a letter writes it: "6 de julio de 2004", "6 July 2004"."""
    lang = _lang(lang)
    return _fmt(value, _DAY_MONTH_YEAR[lang], lang)


def date_range_text(start, end=None, lang: str | None = None, *, phrase: bool = False) -> str:
    """A span of days as a letter writes it.

    Spanish: "18 de octubre de 2004", "18 y 19 de octubre de 2004", "18 al 20 de octubre de 2004",
    "30 de septiembre al 2 de octubre de 2004", "30 de diciembre de 2004 al 2 de enero de 2005".
    English: "18 October 2004", "18–19 October 2004", "30 September – 2 October 2004",
    "30 December 2004 – 2 January 2005".

    ``phrase``: with the preposition that lets it follow "held in Guatemala City": "el 18 de…",
    "los días 18 y 19 de…", "del 18 al 20 de…"; "on 18 October 2004", "on 18–19 October 2004",
    "from 30 September to 2 October 2004".
    """
    lang = _lang(lang)
    end = end or start
    if end < start:
        start, end = end, start
    single = start == end
    if single:
        text = date_text(start, lang)
    elif (start.year, start.month) == (end.year, end.month):
        if lang == "es":
            joiner = " y " if (end - start).days == 1 else " al "
            text = f"{start.day}{joiner}{date_text(end, lang)}"
        else:
            text = f"{start.day}–{date_text(end, lang)}"
    elif start.year == end.year:
        first = _fmt(start, _DAY_MONTH[lang], lang)
        text = f"{first} al {date_text(end, lang)}" if lang == "es" else f"{first} – {date_text(end, lang)}"
    else:
        text = (
            f"{date_text(start, lang)} al {date_text(end, lang)}"
            if lang == "es"
            else f"{date_text(start, lang)} – {date_text(end, lang)}"
        )
    if not phrase:
        return text
    if lang == "es":
        if single:
            return f"el {text}"
        two_days = (end - start).days == 1 and (start.year, start.month) == (end.year, end.month)
        return f"los días {text}" if two_days else f"del {text}"
    if single or (start.year, start.month) == (end.year, end.month):
        return f"on {text}"
    return "from " + text.replace(" – ", " to ")


# Spanish as the Conference writes it in its reports and budgets ("4.500,00"); Django's own
# Spanish format groups with a non-breaking space, which the PDF core fonts print as a gap.
_NUMBER_SEPARATORS = {"es": (",", "."), "en": (".", ",")}


def number_text(value, lang: str | None = None, decimals: int = 2) -> str:
    """A number in the language's notation: "4.500,00" in Spanish, "4,500.00" in English."""

    decimal_sep, thousand_sep = _NUMBER_SEPARATORS[_lang(lang)]
    return numberformat.format(
        value, decimal_sep, decimal_pos=decimals, grouping=3, thousand_sep=thousand_sep, force_grouping=True
    )


def format_date(value, lang: str | None = None, fmt: str = "DATE_FORMAT") -> str:
    """A date as the reader's language writes it ("18 de octubre de 2004", "Oct. 18, 2004")."""

    with translation.override(lang or current_language()):
        return formats.date_format(value, fmt)
