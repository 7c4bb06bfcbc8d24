"""Content typed by people exists in Spanish and English, with a fallback.

A model declares its bilingual fields twice (``title_es``, ``title_en``) and exposes the
reader's version with ``title = translated("title")``. See
docs/decisions/0003-bilingual-content-fields.md for why this is not django-modeltranslation.
"""

from django.conf import settings
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


def format_date(value, lang: str | None = None, fmt: str = "DATE_FORMAT") -> str:
    """A date as the reader's language writes it ("18 de octubre de 2004", "Oct. 18, 2004")."""
    from django.utils import formats, translation

    with translation.override(lang or current_language()):
        return formats.date_format(value, fmt)


def format_number(value, lang: str | None = None, decimals: int | None = 2) -> str:
    """An amount as the reader's language writes it: 4 500,00 in Spanish, 4,500.00 in English."""
    from django.utils import formats, translation

    with translation.override(lang or current_language()):
        return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)
