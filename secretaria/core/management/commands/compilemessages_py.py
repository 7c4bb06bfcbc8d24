"""Compile every .po file under secretaria/locale/ to .mo with polib (pure Python).

Django's own ``compilemessages`` needs GNU gettext's ``msgfmt``; a newcomer with only
Python should still be able to change a translation. See docs/translating.md.
"""

import re
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def locale_dirs() -> list[Path]:
    return [Path(p) for p in settings.LOCALE_PATHS]


def po_files(dirs: list[Path] | None = None) -> list[Path]:
    return sorted(po for d in (dirs or locale_dirs()) for po in d.glob("*/LC_MESSAGES/*.po"))


# %(name)s, %s, %d… as Python's % operator reads them (what msgfmt -c checks for python-format).
_PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def placeholders(text: str) -> list[str]:
    return sorted(p for p in _PLACEHOLDER.findall(text) if p != "%%")


def _check_placeholders(path: Path, entry: polib.POEntry) -> None:
    """A translation may drop a named placeholder but not invent one (a KeyError at run time),
    and must keep every positional one (``%s``), in number."""
    source = placeholders(entry.msgid) + placeholders(entry.msgid_plural)
    translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
    for translation in translations:
        got = placeholders(translation)
        positional_ok = [p for p in got if "(" not in p] == [p for p in placeholders(entry.msgid) if "(" not in p]
        if not set(got) <= set(source) or not positional_ok:
            raise CommandError(
                f"{path}:{entry.linenum}: the translation of {entry.msgid!r} must use the placeholders "
                f"{', '.join(sorted(set(source)))}, got {translation!r}"
            )


def load_po(path: Path) -> polib.POFile:
    """Parse ``path`` and check its placeholders; errors name the file and the message."""
    try:
        catalog = polib.pofile(str(path), check_for_duplicates=True)
    except (OSError, ValueError) as exc:  # polib raises OSError for syntax errors, ValueError for duplicates
        raise CommandError(f"{path}: cannot be read as a .po file: {exc}") from None
    for entry in catalog.translated_entries():
        if "python-format" in entry.flags:
            _check_placeholders(path, entry)
    return catalog


class Command(BaseCommand):
    help = "Compile the .po files under secretaria/locale/ to .mo files, without GNU gettext."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Do not write anything; fail if a .mo file is missing or differs from its .po.",
        )

    def handle(self, *args, check: bool = False, **options):
        files = po_files()
        if not files:
            raise CommandError(f"No .po files found under {', '.join(map(str, locale_dirs()))}")
        stale = []
        for po_path in files:
            catalog = load_po(po_path)
            mo_path = po_path.with_suffix(".mo")
            if check:
                if not mo_path.exists() or not mo_matches_po(mo_path, catalog):
                    stale.append(mo_path)
                continue
            catalog.save_as_mofile(str(mo_path))
            translated = len(catalog.translated_entries())
            total = len([e for e in catalog if not e.obsolete])
            self.stdout.write(f"{mo_path} ({translated}/{total} translated)")
        if stale:
            raise CommandError("Out of date, run `manage.py compilemessages_py`: " + ", ".join(map(str, stale)))


def mo_matches_po(mo_path: Path, catalog: polib.POFile) -> bool:
    """True when the compiled file holds exactly the translations the .po file would give."""
    return _entries(polib.mofile(str(mo_path))) == _entries(catalog, source=True)


def _entries(catalog, *, source: bool = False) -> dict:
    # A .mo file holds only translated entries: not the empty, fuzzy or obsolete ones.
    result = {}
    for entry in catalog.translated_entries() if source else catalog:
        if not entry.msgid:  # the header, compared by polib as metadata
            continue
        key = (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")
        value = (
            tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)) if entry.msgid_plural else entry.msgstr
        )
        result[key] = value
    return result
