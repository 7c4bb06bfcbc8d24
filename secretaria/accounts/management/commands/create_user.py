"""Create an account with a role, for administrators and provisioning scripts."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from secretaria.accounts.models import User
from secretaria.accounts.services import password_set_url, user_create, user_send_password_set_link
from secretaria.core.access import Role
from secretaria.directory.models import Country, Organization


class Command(BaseCommand):
    help = (
        "Create an account. Without --password-stdin the command prints a one-time link where the "
        "person chooses a password (or e-mails it with --send-email)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True)
        parser.add_argument("--email", required=True)
        parser.add_argument("--role", required=True, help=f"one of: {', '.join(Role.values)}")
        parser.add_argument(
            "--country", help="ISO 3166 alpha-2 or alpha-3 code (required for member and PPT officials)"
        )
        parser.add_argument("--organization", help="name or acronym of an organisation in the directory")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
        parser.add_argument(
            "--send-email", action="store_true", help="e-mail the password-set link instead of printing it"
        )

    def handle(self, *args, **options):
        role = options["role"]
        if role not in Role.values:
            raise CommandError(f"Unknown role {role!r}. Choose one of: {', '.join(Role.values)}.")
        if User.objects.filter(username__iexact=options["username"]).exists():
            raise CommandError(f"A user named {options['username']!r} already exists.")
        country = self._country(options["country"])
        if role in (Role.MEMBER, Role.PPT) and country is None:
            raise CommandError(f"The role {role!r} needs --country (the member state the official represents).")
        organization = self._organization(options["organization"])

        password = None
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
            if not password:
                raise CommandError("No password on standard input.")
        try:
            user = user_create(
                username=options["username"],
                email=options["email"],
                role=role,
                password=password,
                country=country,
                organization=organization,
                first_name=options["first_name"],
                last_name=options["last_name"],
            )
        except ValidationError as exc:
            messages = (
                [f"{field}: {' '.join(errors)}" for field, errors in exc.message_dict.items()]
                if hasattr(exc, "error_dict")
                else exc.messages
            )
            raise CommandError("; ".join(messages)) from None

        self.stdout.write(self.style.SUCCESS(f"Created {user.username} ({user.get_role_display()})."))
        if password:
            return
        if options["send_email"]:
            user_send_password_set_link(user=user)
            self.stdout.write(f"A link to choose a password was e-mailed to {user.email}.")
        else:
            self.stdout.write("Send this one-time link to the person so they choose a password:")
            self.stdout.write(password_set_url(user))

    def _country(self, code):
        if not code:
            return None
        code = code.strip().upper()
        country = Country.objects.filter(Q(iso2=code) | Q(iso3=code)).first()
        if country is None:
            raise CommandError(f"Unknown country ISO code {code!r}.")
        return country

    def _organization(self, name):
        if not name:
            return None
        matches = list(
            Organization.objects.filter(
                Q(name_es__iexact=name)
                | Q(name_en__iexact=name)
                | Q(acronym_es__iexact=name)
                | Q(acronym_en__iexact=name)
            )[:2]
        )
        if not matches:
            raise CommandError(f"Organisation {name!r} not found in the directory (use its name or acronym).")
        if len(matches) > 1:
            raise CommandError(f"More than one organisation matches {name!r}; use its full name.")
        return matches[0]
