"""Write the whole site as a verified BagIt package: ``manage.py export_site OUT``."""

import datetime
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from secretaria.archive import crypto
from secretaria.archive.exporting import export_site


def parse_since(value: str) -> datetime.datetime:
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(f"--since: not a date or date-time: {value!r}")
        moment = datetime.datetime.combine(day, datetime.time.min)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = "Export every record and file of the site as a BagIt package (docs/admin/archive.md)."

    def add_arguments(self, parser):
        parser.add_argument("out", help="directory to create (must not exist or be empty)")
        parser.add_argument("--since", help="only records created or changed since this date (YYYY-MM-DD[THH:MM])")
        parser.add_argument("--passphrase-file", help="file holding the passphrase that encrypts the sensitive part")
        parser.add_argument(
            "--passphrase-env", help="environment variable holding that passphrase (e.g. ARCHIVE_PASSPHRASE)"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, out, since, passphrase_file, passphrase_env, no_progress, **options):
        since_at = parse_since(since) if since else None
        try:
            passphrase = crypto.read_passphrase(passphrase_file=passphrase_file, passphrase_env=passphrase_env)
        except OSError as exc:
            raise CommandError(f"cannot read the passphrase: {exc}") from exc
        if (passphrase_file or passphrase_env) and not passphrase:
            raise CommandError("the passphrase is empty")
        try:
            result = export_site(
                out, since=since_at, passphrase=passphrase, progress=not no_progress and sys.stderr.isatty()
            )
        except FileExistsError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{result.records} records of {sum(1 for n in result.counts.values() if n)} models, "
            f"{result.files} files ({result.file_bytes} bytes), {result.readable} readable copies"
        )
        if result.sensitive:
            if result.encrypted:
                self.stdout.write(f"{result.sensitive} records' sensitive fields encrypted")
            else:
                self.stdout.write(
                    self.style.WARNING(f"{result.sensitive} records' sensitive fields left out (no passphrase)")
                )
        for name in result.missing_files:
            self.stdout.write(self.style.WARNING(f"missing file: {name}"))
        self.stdout.write(self.style.SUCCESS(f"Package written to {result.path}"))
