from django.core.management.base import BaseCommand

from secretaria.comms.services import PERIODS, send_digests


class Command(BaseCommand):
    help = "Queue the daily and weekly digests that are due (or of one rhythm, --rhythm; --force ignores the schedule)."

    def add_arguments(self, parser):
        parser.add_argument("--rhythm", choices=sorted(PERIODS), default=None)
        parser.add_argument("--force", action="store_true")

    def handle(self, *args, rhythm, force, **options):
        for r in [rhythm] if rhythm else list(PERIODS):
            stats = send_digests(rhythm=r, only_due=not force)
            self.stdout.write(f"{r}: {stats['messages']} digests, {stats['deliveries']} deliveries queued")
