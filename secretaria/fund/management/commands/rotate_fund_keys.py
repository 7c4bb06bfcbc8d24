"""Re-encrypt the fund's personal data and files with the newest key of FUND_ENCRYPTION_KEYS."""

from django.core.management.base import BaseCommand

from secretaria.fund.retention import rotate_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field and confidential file of the reserve fund with the first key of "
        "FUND_ENCRYPTION_KEYS. Put the new key first, keep the old ones after it, run this, then remove them."
    )

    def handle(self, *args, **options):
        counts = rotate_keys()
        self.stdout.write(f"Re-encrypted {counts['values']} values and {counts['files']} files with the newest key.")
