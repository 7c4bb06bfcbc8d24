"""Demo accounts: one per role, linked to people of the demo directory.

Runs after ``secretaria/directory/demo.py`` (INSTALLED_APPS order). It looks people,
countries and organisations up by name and creates what is missing, so it also works on
its own. Only in development (settings.DEV_MODE): a shared, published password has no
place on a production server.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.utils import encrypt
from django.conf import settings
from django.db.models import Q

from secretaria.accounts.models import User
from secretaria.accounts.services import user_create, user_set_role
from secretaria.core.access import Role
from secretaria.directory.models import Country, Organization, Person

DEMO_PASSWORD = "crm-demo-2004"  # noqa: S105 - published on purpose, DEV_MODE only

# Fixed base32 secrets so a developer can add the demo accounts to an authenticator app
# once, and ``manage.py totp_code`` can print the current code.
DEMO_TOTP_SECRETS = {
    "st": "CRMSTDEMOLUISMONZONSANJOSECOSTAR",
    "admin": "CRMADMINDEMOADACASTROSANJOSECOST",
}

_COUNTRIES = {
    "CR": ("CRI", "Costa Rica", "Costa Rica"),
    "GT": ("GTM", "Guatemala", "Guatemala"),
    "HN": ("HND", "Honduras", "Honduras"),
    "PA": ("PAN", "Panamá", "Panama"),
}

_ORGANIZATIONS = {
    "st": (
        Organization.Kind.SECRETARIAT,
        ("ST", "TS"),
        "Secretaría Técnica de la Conferencia Regional sobre Migración",
        "Technical Secretariat of the Regional Conference on Migration",
    ),
    "unhcr": (
        Organization.Kind.OBSERVER,
        ("ACNUR", "UNHCR"),
        "Alto Comisionado de las Naciones Unidas para los Refugiados",
        "Office of the United Nations High Commissioner for Refugees",
    ),
    "rrcom": (
        Organization.Kind.CIVIL_SOCIETY,
        ("RRCOM", "RRCOM"),
        "Red Regional de Organizaciones Civiles para las Migraciones",
        "Regional Network of Civil Organizations for Migration",
    ),
}

# username, role, given name, family name, country, organisation
ACCOUNTS = [
    ("st", Role.SECRETARIAT, "Luis", "Monzón", "CR", "st"),
    ("admin", Role.ADMIN, "Ada", "Castro", "CR", "st"),
    ("ppt", Role.PPT, "Ana María", "Ríos", "PA", None),
    ("guatemala", Role.MEMBER, "Carlos", "Méndez", "GT", None),
    ("honduras", Role.MEMBER, "Hilda", "Zelaya", "HN", None),
    ("observer", Role.OBSERVER, "Olga", "Ruiz", None, "unhcr"),
    ("civil", Role.REGISTERED, "Rosa", "Pérez", None, "rrcom"),
]


def _country(iso2: str) -> Country:
    iso3, name_es, name_en = _COUNTRIES[iso2]
    country, _ = Country.objects.get_or_create(
        iso2=iso2, defaults={"iso3": iso3, "name_es": name_es, "name_en": name_en, "status": Country.Status.MEMBER}
    )
    return country


def _organization(key: str) -> Organization:
    kind, (acronym_es, acronym_en), name_es, name_en = _ORGANIZATIONS[key]
    org = (
        Organization.objects.filter(kind=kind)
        .filter(Q(acronym_es__iexact=acronym_es) | Q(acronym_en__iexact=acronym_en))
        .order_by("pk")
        .first()
    )
    if org is None and kind == Organization.Kind.SECRETARIAT:
        org = Organization.objects.filter(kind=kind).order_by("pk").first()
    if org is None:
        org = Organization.objects.create(
            kind=kind, name_es=name_es, name_en=name_en, acronym_es=acronym_es, acronym_en=acronym_en
        )
    return org


def _person(given: str, family: str, country, organization) -> Person:
    person = Person.objects.filter(given_name__iexact=given, family_name__iexact=family).order_by("pk").first()
    if person is None:
        person = Person.objects.create(
            given_name=given, family_name=family, country=country, organization=organization, languages=["es"]
        )
    return person


def _ensure_totp(user: User, secret: str) -> None:
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is None:
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt(secret)})
    elif totp.data.get("secret") != encrypt(secret):
        totp.data = {"secret": encrypt(secret)}
        totp.save(update_fields=["data"])
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        RecoveryCodes.activate(user)


def load(*, stdout, style) -> None:
    if not settings.DEV_MODE:
        stdout.write("Demo accounts skipped: they are created only in development (DEV_MODE=1).")
        return
    rows = []
    for username, role, given, family, iso2, org_key in ACCOUNTS:
        country = _country(iso2) if iso2 else None
        organization = _organization(org_key) if org_key else None
        person = _person(given, family, country, organization)
        email = person.email or f"{username}@example.org"
        user = User.objects.filter(username=username).first()
        if user is None:
            user = user_create(
                username=username,
                email=email,
                role=role,
                password=DEMO_PASSWORD,
                country=country,
                organization=organization,
                person=person,
                first_name=given,
                last_name=family,
            )
        else:
            if (
                user.role != role
                or user.country_id != getattr(country, "pk", None)
                or user.organization_id != getattr(organization, "pk", None)
            ):
                user_set_role(user=user, role=role, country=country, organization=organization)
            if not user.check_password(DEMO_PASSWORD) or not user.is_active or user.person_id != person.pk:
                user.set_password(DEMO_PASSWORD)
                user.is_active = True
                user.person = person
                user.save()
            EmailAddress.objects.get_or_create(
                user=user, email=user.email.lower(), defaults={"verified": True, "primary": True}
            )
        if username in DEMO_TOTP_SECRETS:
            _ensure_totp(user, DEMO_TOTP_SECRETS[username])
        rows.append((username, str(role.label), DEMO_TOTP_SECRETS.get(username, "")))

    stdout.write(style.MIGRATE_HEADING("Demo accounts"))
    table = [("user", "role", "password", "two-factor secret")]
    table += [(username, role_label, DEMO_PASSWORD, secret) for username, role_label, secret in rows]
    widths = [max(len(row[i]) for row in table) for i in range(3)]
    for row in table:
        stdout.write("  " + "  ".join(cell.ljust(widths[i]) if i < 3 else cell for i, cell in enumerate(row)).rstrip())
    stdout.write(
        "  st and admin also need a two-factor code at sign-in; "
        "get the current code with: .venv/bin/python manage.py totp_code st  (or admin)"
    )
