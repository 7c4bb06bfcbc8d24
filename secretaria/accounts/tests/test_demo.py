"""accounts/demo.py: one demo account per role, idempotent, development only."""

import io

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.core.management.color import no_style
from django.test import Client
from django.urls import reverse

from secretaria.accounts import demo
from secretaria.accounts.models import User
from secretaria.accounts.tests.helpers import post_login, totp_code
from secretaria.core.access import Role
from secretaria.core.models import AuditEvent
from secretaria.directory.models import Person

EXPECTED = {
    "st": (Role.SECRETARIAT, "Luis Monzón"),
    "admin": (Role.ADMIN, "Ada Castro"),
    "ppt": (Role.PPT, "Ana María Ríos"),
    "guatemala": (Role.MEMBER, "Carlos Méndez"),
    "honduras": (Role.MEMBER, "Hilda Zelaya"),
    "observer": (Role.OBSERVER, "Olga Ruiz"),
    "civil": (Role.REGISTERED, "Rosa Pérez"),
}


def _load():
    out = io.StringIO()
    demo.load(stdout=out, style=no_style())
    return out.getvalue()


@pytest.fixture
def dev(settings):
    settings.DEV_MODE = True


def test_it_creates_one_account_per_role_linked_to_directory_people(db, dev):
    out = _load()
    users = {u.username: u for u in User.objects.select_related("person", "country", "organization")}
    assert set(users) == set(EXPECTED)
    assert {u.role for u in users.values()} == set(Role.values)
    for username, (role, name) in EXPECTED.items():
        assert users[username].role == role
        assert users[username].person.full_name == name
        assert users[username].check_password(demo.DEMO_PASSWORD)
        assert username in out
    assert users["ppt"].country.iso2 == "PA"
    assert users["guatemala"].country.iso2 == "GT"
    assert users["honduras"].country.iso2 == "HN"
    assert users["observer"].organization.acronym_en == "UNHCR"
    assert users["civil"].organization.acronym_es == "RRCOM"
    assert "crm-demo-2004" in out
    assert demo.DEMO_TOTP_SECRETS["st"] in out and demo.DEMO_TOTP_SECRETS["admin"] in out
    assert "manage.py totp_code st" in out


def test_it_links_people_the_directory_already_has(crm, dev):
    luis = Person.objects.create(given_name="Luis", family_name="Monzón", organization=crm["orgs"]["st"])
    _load()
    assert User.objects.get(username="st").person == luis
    assert Person.objects.filter(given_name="Luis", family_name="Monzón").count() == 1
    assert User.objects.get(username="observer").organization == crm["orgs"]["unhcr"]


def test_running_it_twice_changes_nothing(db, dev):
    _load()
    counts = (User.objects.count(), Person.objects.count(), Authenticator.objects.count(), AuditEvent.objects.count())
    _load()
    assert counts == (
        User.objects.count(),
        Person.objects.count(),
        Authenticator.objects.count(),
        AuditEvent.objects.count(),
    )


def test_secretariat_and_admin_demo_accounts_sign_in_with_the_fixed_secret(db, dev):
    _load()
    assert set(Authenticator.objects.filter(type="totp").values_list("user__username", flat=True)) == {"st", "admin"}
    client = Client()
    assert post_login(client, "st", demo.DEMO_PASSWORD)["Location"] == reverse("mfa_authenticate")
    client.post(reverse("mfa_authenticate"), {"code": totp_code(demo.DEMO_TOTP_SECRETS["st"])})
    assert client.get(reverse("members:dashboard")).status_code == 200


def test_no_demo_accounts_outside_development(db, settings):
    settings.DEV_MODE = False
    assert "Demo accounts skipped" in _load()
    assert not User.objects.exists()


def test_load_demo_runs_the_directory_before_the_accounts(db, dev):
    from django.apps import apps

    names = [config.name for config in apps.get_app_configs()]
    assert names.index("secretaria.directory") < names.index("secretaria.accounts")
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert User.objects.filter(username="guatemala").exists()
