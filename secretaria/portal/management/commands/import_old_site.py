"""Bring a previous site's pages, news and files into the portal: ``manage.py import_old_site DIR``.

See secretaria/portal/oldsite.py for what becomes what; docs/admin/archive.md for the procedure."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from secretaria.portal.oldsite import OldSiteImporter


class Command(BaseCommand):
    help = "Import a folder of HTML pages and files of a previous site (pages, news, documents with their dates)."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the old site's folder (as it was served)")
        parser.add_argument("--base-path", default="/", help="the path the old site was served under, e.g. /sv2003/")
        parser.add_argument("--dry-run", action="store_true", help="print what would be created; change nothing")

    def handle(self, *args, folder, base_path, dry_run, **options):
        root = Path(folder)
        if not root.is_dir():
            raise CommandError(f"{folder}: not a folder")
        report = OldSiteImporter(root, base_path=base_path, dry_run=dry_run).run()
        verb = "would create" if dry_run else "created"
        self.stdout.write(
            f"{verb} {len(report.pages)} pages, {len(report.news)} news items, {len(report.documents)} documents; "
            f"{report.existing} already here; {report.redirects} redirects from the old addresses"
        )
        for refusal in report.refused:
            self.stdout.write(self.style.WARNING(f"refused: {refusal}"))
        if dry_run:
            self.stdout.write(self.style.SUCCESS("Dry run: nothing was changed."))
