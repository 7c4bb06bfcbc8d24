"""Compile every .po file under secretaria/locale/ to .mo with polib (pure Python).

Django's own ``compilemessages`` needs GNU gettext's ``msgfmt``; a newcomer with only
Python should still be able to change a translation. See docs/translating.md.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def locale_dirs() -> list[Path]:
    return [Path(p) for p in settings.LOCALE_PATHS]


def po_files(dirs: list[Path] | None = None) -> list[Path]:
    return sorted(po for d in (dirs or locale_dirs()) for po in d.glob("*/LC_MESSAGES/*.po"))


def load_po(path: Path) -> polib.POFile:
    """Parse ``path``, turning polib's errors into a message that names the file."""
    try:
        return polib.pofile(str(path), check_for_duplicates=True)
    except (OSError, ValueError) as exc:  # polib raises OSError for syntax errors, ValueError for duplicates
        raise CommandError(f"{path}: cannot be read as a .po file: {exc}") from None


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
