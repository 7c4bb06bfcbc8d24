from django.core.management.base import BaseCommand

from secretaria.comms.services import process_outbox


class Command(BaseCommand):
    help = "Turn pending outbox events into list messages and one queued delivery per recipient."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000)

    def handle(self, *args, limit, **options):
        stats = process_outbox(limit=limit)
        self.stdout.write(
            f"{stats['events']} events processed, {stats['deliveries']} deliveries queued, {stats['failed']} failed"
        )
