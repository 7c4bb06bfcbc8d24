from django.core.management.base import BaseCommand

from secretaria.forums.notifications import send_digests


class Command(BaseCommand):
    help = "E-mail the daily digest of new forum posts to everyone following in digest mode (run once a day)."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(self.style.SUCCESS(f"{sent} forum digest(s) queued."))
