"""Fixtures of the meetings tests: a seminar sponsored by Canada and Mexico, with an agenda."""

import datetime

import pytest
from django.utils import timezone, translation

from secretaria.accounts.services import user_create
from secretaria.conftest import PASSWORD
from secretaria.core.access import Role
from secretaria.directory.models import Person
from secretaria.meetings import services
from secretaria.meetings.models import Meeting


@pytest.fixture(autouse=True)
def spanish():
    """These tests read pages in Spanish, the default language (URLs reversed under /es/)."""
    with translation.override("es"):
        yield


@pytest.fixture
def seminar(crm, st_officer):
    start = timezone.localdate() + datetime.timedelta(days=30)
    return services.meeting_create(
        by=st_officer,
        kind=Meeting.Kind.SEMINAR,
        slug="migracion-y-salud",
        title_es="Seminario Migración y Salud",
        title_en="Seminar on Migration and Health",
        start_date=start,
        end_date=start + datetime.timedelta(days=1),
        time_zone="America/Guatemala",
        city="Ciudad de Guatemala",
        country=crm["countries"]["GT"],
        venue="Hotel Camino Real",
        working_languages=["es", "en"],
        interpretation=True,
        sponsor_countries=[crm["countries"]["CA"], crm["countries"]["MX"]],
    )


@pytest.fixture
def speaker(crm):
    return Person.objects.create(given_name="Lilian", family_name="Reneau", organization=crm["orgs"]["iom"])


@pytest.fixture
def draft(seminar, st_officer, speaker):
    """A preliminary agenda with two items."""
    version = services.agenda_start_draft(meeting=seminar, by=st_officer)
    day = seminar.start_date
    services.agenda_item_save(
        version=version, by=st_officer, day=day, start_time=datetime.time(8, 30), end_time=datetime.time(9, 0),
        title_es="Inauguración", title_en="Opening",
    )  # fmt: skip
    services.agenda_item_save(
        version=version, by=st_officer, day=day, start_time=datetime.time(9, 0), end_time=datetime.time(10, 30),
        session_es="Sesión I", session_en="Session I", title_es="Migración y VIH/SIDA",
        title_en="Migration and HIV/AIDS", speakers=[speaker],
    )  # fmt: skip
    return version


@pytest.fixture
def ca_official(crm):
    """A Canadian official: Canada sponsors the seminar."""
    person = Person.objects.create(given_name="Claire", family_name="Tremblay", country=crm["countries"]["CA"])
    return user_create(
        username="ca_official", email="ca_official@example.org", role=Role.MEMBER, password=PASSWORD,
        country=crm["countries"]["CA"], person=person,
    )  # fmt: skip


@pytest.fixture
def mx_former_ppt(crm):
    """A PPT official of Mexico, whose presidency ended 101 days ago (see the crm fixture)."""
    person = Person.objects.create(given_name="Mario", family_name="Mexicano", country=crm["countries"]["MX"])
    return user_create(
        username="mx_ppt", email="mx_ppt@example.org", role=Role.PPT, password=PASSWORD,
        country=crm["countries"]["MX"], person=person,
    )  # fmt: skip
