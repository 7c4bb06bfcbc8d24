from django.core.management.base import BaseCommand

from secretaria.comms.services import subscriptions_sync


class Command(BaseCommand):
    help = "Subscribe members to the lists their role and group call for (opt-outs are kept)."

    def handle(self, *args, **options):
        counts = subscriptions_sync()
        self.stdout.write(f"{counts['added']} added, {counts['restored']} restored, {counts['removed']} removed")
