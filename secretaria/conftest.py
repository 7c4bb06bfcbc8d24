"""Shared test fixtures: a small CRM directory and the personas every test can use.

Personas (healthchecks' Alice/Bob, Zulip's example_user): ``st_officer`` (Technical
Secretariat, with TOTP), ``admin_user``, ``ppt_official`` (Panama, holding the PPT today),
``gt_official`` (Guatemala), ``hn_official`` (Honduras), ``observer`` (UNHCR),
``civil_society`` (registered RRCOM member) and ``anonymous`` (a client with no session).
"""

import datetime
import os
import shutil

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client
from django.utils import timezone

from secretaria.accounts.services import user_create
from secretaria.core.access import Role
from secretaria.core.tests.engines import redis_url, s3_bucket, s3_server, task_worker  # noqa: F401 - shared fixtures
from secretaria.directory.models import Country, Group, Membership, Organization, Person, PresidencyTerm

PASSWORD = "correct-horse-battery-staple"

_COUNTRIES = [
    ("BZ", "BLZ", "Belice", "Belize", "member"),
    ("CA", "CAN", "Canadá", "Canada", "member"),
    ("CR", "CRI", "Costa Rica", "Costa Rica", "member"),
    ("SV", "SLV", "El Salvador", "El Salvador", "member"),
    ("US", "USA", "Estados Unidos", "United States", "member"),
    ("GT", "GTM", "Guatemala", "Guatemala", "member"),
    ("HN", "HND", "Honduras", "Honduras", "member"),
    ("MX", "MEX", "México", "Mexico", "member"),
    ("NI", "NIC", "Nicaragua", "Nicaragua", "member"),
    ("PA", "PAN", "Panamá", "Panama", "member"),
    ("DO", "DOM", "República Dominicana", "Dominican Republic", "member"),
    ("CO", "COL", "Colombia", "Colombia", "observer"),
]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the meeting page's cached fragments, rate limits
    and used TOTP codes of one test are never another's (ids are reused after a rollback)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_for_each_test():
    """Every test starts in the site's default language: a request to /en/ in one test leaves
    English active in the thread, which must not change what the next test reverses or renders."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def crm(db):
    """Countries, a few organisations, Panama in the PPT today, the GRCM and a network."""
    countries = {
        iso2: Country.objects.create(iso2=iso2, iso3=iso3, name_es=es, name_en=en, status=status)
        for iso2, iso3, es, en, status in _COUNTRIES
    }
    orgs = {
        "st": Organization.objects.create(
            kind="secretariat", name_es="Secretaría Técnica de la CRM", name_en="CRM Technical Secretariat",
            acronym_es="ST", acronym_en="TS", country=countries["CR"],
        ),
        "iom": Organization.objects.create(
            kind="international", name_es="Organización Internacional para las Migraciones",
            name_en="International Organization for Migration", acronym_es="OIM", acronym_en="IOM",
        ),
        "unhcr": Organization.objects.create(
            kind="observer", name_es="Alto Comisionado de las Naciones Unidas para los Refugiados",
            name_en="United Nations High Commissioner for Refugees", acronym_es="ACNUR", acronym_en="UNHCR",
        ),
        "rrcom": Organization.objects.create(
            kind="civil_society", name_es="Red Regional de Organizaciones Civiles para las Migraciones",
            name_en="Regional Network of Civil Organizations for Migration", acronym_es="RRCOM", acronym_en="RRCOM",
        ),
    }  # fmt: skip
    today = timezone.localdate()
    PresidencyTerm.objects.create(country=countries["PA"], start=today - datetime.timedelta(days=100))
    PresidencyTerm.objects.create(
        country=countries["MX"], start=today - datetime.timedelta(days=500), end=today - datetime.timedelta(days=101)
    )
    groups = {
        "grcm": Group.objects.create(
            slug="grcm", kind="grcm", name_es="Grupo Regional de Consulta sobre Migración",
            name_en="Regional Consultation Group on Migration", acronym_es="GRCM", acronym_en="RCGM",
        ),
        "consular": Group.objects.create(
            slug="red-proteccion-consular", kind="network",
            name_es="Red de Funcionarios de Enlace para la Protección Consular",
            name_en="Liaison Officer Network for Consular Protection",
        ),
    }  # fmt: skip
    return {"countries": countries, "orgs": orgs, "groups": groups}


def _persona(crm, username, role, *, country=None, org=None, given="", family=""):
    person = Person.objects.create(
        given_name=given or username.title(),
        family_name=family or "Example",
        email=f"{username}@example.org",
        country=crm["countries"].get(country) if country else None,
        organization=crm["orgs"].get(org) if org else None,
    )
    return user_create(
        username=username,
        email=f"{username}@example.org",
        role=role,
        password=PASSWORD,
        country=crm["countries"][country] if country else None,
        organization=crm["orgs"][org] if org else None,
        person=person,
    )


@pytest.fixture
def st_officer(crm):
    user = _persona(crm, "st_officer", Role.SECRETARIAT, country="CR", org="st", given="Luis", family="Monzón")
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def admin_user(crm):
    user = _persona(crm, "admin", Role.ADMIN, org="st", given="Ada", family="Admin")
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def ppt_official(crm):
    return _persona(crm, "ppt_official", Role.PPT, country="PA", given="Ana", family="Panameña")


@pytest.fixture
def gt_official(crm):
    user = _persona(crm, "gt_official", Role.MEMBER, country="GT", given="Carlos", family="Chapín")
    Membership.objects.create(group=crm["groups"]["consular"], person=user.person, country=user.country)
    return user


@pytest.fixture
def hn_official(crm):
    return _persona(crm, "hn_official", Role.MEMBER, country="HN", given="Hilda", family="Catracha")


@pytest.fixture
def observer(crm):
    return _persona(crm, "observer", Role.OBSERVER, org="unhcr", given="Olga", family="Observadora")


@pytest.fixture
def civil_society(crm):
    return _persona(crm, "civil_society", Role.REGISTERED, org="rrcom", given="Rosa", family="Sociedad")


@pytest.fixture
def anonymous(client):
    return client


@pytest.fixture
def client_for():
    """``client_for(user)``: a test client signed in as ``user``."""

    def make(user):
        c = Client()
        c.force_login(user)
        return c

    return make


@pytest.fixture
def count_queries():
    """``count_queries(fn)``: the number of database queries ``fn()`` makes. A list page makes a
    constant number: count it with a small and with a larger data set and compare the two counts
    (a fixed ceiling would pass a page that makes one query per row while the rows are few)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def run(fn) -> int:
        with CaptureQueriesContext(connection) as captured:
            fn()
        return len(captured.captured_queries)

    return run


@pytest.fixture
def is_postgres():
    from django.db import connection

    return connection.vendor == "postgresql"


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    if os.path.exists(candidate):
        return candidate
    return shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    skip_browser = (
        pytest.mark.skip(reason="Chromium not found (install Debian's chromium or set CHROMIUM=/path)")
        if chromium_path() is None
        else None
    )
    skip_pg = (
        pytest.mark.skip(reason="needs PostgreSQL (run with DATABASE_URL=postgres://…)")
        if engine != "django.db.backends.postgresql"
        else None
    )
    for item in items:
        if skip_browser and "browser" in item.keywords:
            item.add_marker(skip_browser)
        if skip_pg and "postgres" in item.keywords:
            item.add_marker(skip_pg)


CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright's own browser download is not used)."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
    # test body are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="es-ES")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()
