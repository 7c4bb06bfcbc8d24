"""Grant a reserve-fund role from the command line (the first fund officer, for instance)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from secretaria.directory.models import Country
from secretaria.fund.models import FundRole, RequesterKind
from secretaria.fund.services.protocol import fund_role_grant


class Command(BaseCommand):
    help = "Grant USERNAME a fund role: officer (Secretariat staff), iom --country XX, requester --kind KIND."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=FundRole.Kind.values)
        parser.add_argument("--country", help="ISO alpha-2 of the IOM office's country")
        parser.add_argument("--kind", choices=RequesterKind.values, default="", help="The requester's kind")

    def handle(self, *args, username, role, country=None, kind="", **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        country_obj = None
        if country:
            country_obj = Country.objects.filter(iso2=country.upper()).first()
            if country_obj is None:
                raise CommandError(f"No country {country!r}.")
        try:
            fund_role_grant(by=None, user=user, kind=role, country=country_obj, requester_kind=kind)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(f"{username}: {role} granted. The account needs TOTP to use it.")
