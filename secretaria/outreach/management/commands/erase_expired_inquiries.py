"""Erase the personal data of inquiries closed longer ago than OUTREACH_INQUIRY_RETENTION_DAYS
(the rows stay, anonymised, for the counts). Run it daily from cron."""

from django.core.management.base import BaseCommand

from secretaria.outreach.services.inquiries import inquiries_erase_expired


class Command(BaseCommand):
    help = "Erase requesters' personal data after the retention period (anonymised counts are kept)."

    def handle(self, *args, **options):
        count = inquiries_erase_expired()
        self.stdout.write(self.style.SUCCESS(f"{count} inquiries anonymised."))
