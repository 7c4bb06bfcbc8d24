"""Check a package without trusting its manifest alone: ``manage.py verify_site BAG``."""

from django.core.management.base import BaseCommand, CommandError

from secretaria.archive.verify import verify_bag


class Command(BaseCommand):
    help = "Re-read every checksum of a package written by export_site; exit 1 when anything is wrong."

    def add_arguments(self, parser):
        parser.add_argument("bag", help="the package's directory")

    def handle(self, *args, bag, **options):
        result = verify_bag(bag)
        self.stdout.write(f"{result.records} records, {result.files} files re-read")
        if not result.ok:
            for problem in result.problems:
                self.stdout.write(self.style.ERROR(problem))
            raise CommandError(f"{len(result.problems)} problems: the package is damaged")
        self.stdout.write(self.style.SUCCESS("Every checksum matches."))
