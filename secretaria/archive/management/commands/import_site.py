"""Read a package written by export_site into this instance: ``manage.py import_site BAG``."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from secretaria.archive import crypto
from secretaria.archive.importing import ImportRefused, import_site


class Command(BaseCommand):
    help = "Import a BagIt package written by export_site (checks every checksum first)."

    def add_arguments(self, parser):
        parser.add_argument("bag", help="the package's directory")
        parser.add_argument("--dry-run", action="store_true", help="print what would be created; change nothing")
        parser.add_argument("--passphrase-file", help="file holding the passphrase of the encrypted part")
        parser.add_argument("--passphrase-env", help="environment variable holding that passphrase")
        parser.add_argument("--no-reindex", action="store_true", help="do not rebuild the search index afterwards")

    def handle(self, *args, bag, dry_run, passphrase_file, passphrase_env, no_reindex, **options):
        try:
            passphrase = crypto.read_passphrase(passphrase_file=passphrase_file, passphrase_env=passphrase_env)
        except OSError as exc:
            raise CommandError(f"cannot read the passphrase: {exc}") from exc
        try:
            result = import_site(bag, dry_run=dry_run, passphrase=passphrase)
        except ImportRefused as exc:
            raise CommandError(f"Package refused: {exc}") from exc
        verb = "would create" if dry_run else "created"
        labels = sorted(
            set(result.created) | set(result.existing) | set(result.matched) | set(result.updated) | set(result.failed)
        )
        for label in labels:
            parts = [f"{verb} {result.created[label]}"]
            if result.existing[label]:
                parts.append(f"already here {result.existing[label]}")
            if result.matched[label]:
                parts.append(f"matched {result.matched[label]}")
            if result.updated[label]:
                parts.append(f"updated {result.updated[label]}")
            if result.failed[label]:
                parts.append(f"skipped {result.failed[label]}")
            self.stdout.write(f"{label}: {', '.join(parts)}")
        for warning in result.warnings[:50]:
            self.stdout.write(self.style.WARNING(warning))
        if len(result.warnings) > 50:
            self.stdout.write(self.style.WARNING(f"… and {len(result.warnings) - 50} more warnings"))
        total = sum(result.created.values())
        self.stdout.write(
            f"{verb} {total} records, {result.files} files, {result.redirects} redirects from old addresses"
        )
        if dry_run:
            self.stdout.write(self.style.SUCCESS("Dry run: nothing was changed."))
            return
        if total and not no_reindex:
            call_command("reindex", no_progress=True, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Import finished."))
