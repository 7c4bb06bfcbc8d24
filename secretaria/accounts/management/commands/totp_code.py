"""Print the current TOTP code of a demo account (development only)."""

import time

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from secretaria.accounts.models import User


class Command(BaseCommand):
    help = "Print the current two-factor code of a demo account. Only with DEV_MODE=1."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not settings.DEV_MODE:
            raise CommandError("totp_code only works in development (DEV_MODE=1): it reveals a second factor.")
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if authenticator is None:
            raise CommandError(f"{username} has no authenticator app set up.")

        secret = decrypt(authenticator.data["secret"])
        now = time.time()
        counter = int(now) // app_settings.TOTP_PERIOD
        remaining = app_settings.TOTP_PERIOD - int(now) % app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))
        self.stderr.write(f"(valid for {remaining} more seconds)")
