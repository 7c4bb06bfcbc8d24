"""Drop chunked uploads abandoned for more than --hours (24): their rows and their partial files."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from secretaria.media.models import ChunkedUpload
from secretaria.media.storing import pieces_drop


class Command(BaseCommand):
    help = "Delete chunked video uploads left unfinished for more than --hours hours (default 24)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours, **options):
        cutoff = timezone.now() - datetime.timedelta(hours=max(hours, 1))
        stale = ChunkedUpload.objects.filter(item__isnull=True, created_at__lt=cutoff)
        count = 0
        for chunked in stale:
            pieces_drop(chunked)
            chunked.delete()
            count += 1
        self.stdout.write(f"{count} unfinished upload(s) removed")
