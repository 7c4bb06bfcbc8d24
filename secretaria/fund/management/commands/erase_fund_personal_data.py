"""Retention: erase the personal data of cases finished more than the protocol's years ago."""

from django.core.management.base import BaseCommand

from secretaria.fund.retention import erase_due


class Command(BaseCommand):
    help = (
        "Erase the personal data (and files) of reserve-fund cases closed, rejected or cancelled more than the "
        "retention period ago; the anonymised record and the money stay. --dry-run lists them only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the cases, change nothing.")

    def handle(self, *args, dry_run=False, **options):
        codes = erase_due(dry_run=dry_run)
        verb = "Would erase" if dry_run else "Erased"
        self.stdout.write(f"{verb} the personal data of {len(codes)} case(s){': ' if codes else '.'}{', '.join(codes)}")
