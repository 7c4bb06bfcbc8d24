"""Plain helpers (not fixtures) shared by the contracted-services tests."""

import datetime
from decimal import Decimal

from secretaria.directory.models import Organization
from secretaria.meetings.models import Meeting
from secretaria.meetings.services.contracts import service_create


def make_seminar(crm) -> Meeting:
    meeting = Meeting.objects.create(
        kind=Meeting.Kind.SEMINAR,
        slug="migracion-y-salud",
        title_es="Seminario sobre Migración y Salud",
        title_en="Seminar on Migration and Health",
        start_date=datetime.date(2004, 10, 18),
        end_date=datetime.date(2004, 10, 19),
        time_zone="America/Guatemala",
        city="Ciudad de Guatemala",
        country=crm["countries"]["GT"],
    )
    meeting.sponsor_countries.set([crm["countries"]["CA"], crm["countries"]["MX"]])
    return meeting


def make_supplier(name="Intérpretes de Conferencia de Guatemala", country=None) -> Organization:
    return Organization.objects.create(kind=Organization.Kind.SUPPLIER, name_es=name, country=country)


def quote(meeting, by, supplier, **overrides):
    data = {
        "kind": "interpretation",
        "amount": Decimal("3600.00"),
        "currency": "USD",
        "usd_rate": Decimal("1"),
        "funder": "secretariat",
        "description_es": "Interpretación simultánea español-inglés, dos días",
        "description_en": "Simultaneous interpretation Spanish-English, two days",
    }
    data.update(overrides)
    return service_create(meeting=meeting, by=by, supplier=supplier, **data)
