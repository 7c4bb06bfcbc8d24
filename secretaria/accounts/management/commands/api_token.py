"""Create (or revoke) a personal API token."""

from django.core.management.base import BaseCommand, CommandError

from secretaria.accounts.models import ApiToken, User
from secretaria.accounts.services import api_token_create, api_token_revoke


class Command(BaseCommand):
    help = "Print a new personal API token for USERNAME (shown once), or revoke one with --revoke PREFIX."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="what the token is for, e.g. 'reports script'")
        parser.add_argument("--revoke", metavar="PREFIX", help="revoke the user's token that starts with PREFIX")

    def handle(self, *args, username, name, revoke, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if revoke:
            tokens = list(ApiToken.objects.filter(user=user, key_prefix__startswith=revoke, revoked_at__isnull=True))
            if not tokens:
                raise CommandError(f"{username} has no active token starting with {revoke!r}.")
            if len(tokens) > 1:
                raise CommandError(f"More than one token starts with {revoke!r}; give more characters.")
            api_token_revoke(token=tokens[0])
            self.stdout.write(self.style.SUCCESS(f"Token {tokens[0].key_prefix}… of {username} revoked."))
            return
        if not user.is_active:
            raise CommandError(f"{username} is not active.")
        token, key = api_token_create(user=user, name=name)
        self.stderr.write(f"New API token for {username} (it is not stored and will not be shown again):")
        self.stdout.write(key)
