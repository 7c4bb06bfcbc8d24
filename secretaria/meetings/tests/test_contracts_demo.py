"""The demo's contracted services: the seed's seminar and the December 2004 Panama meetings."""

import datetime
import io
from decimal import Decimal

from secretaria.activity.models import Activity
from secretaria.meetings.demo import contracts as demo_contracts
from secretaria.meetings.models import ContractedService, Meeting
from secretaria.meetings.selectors.contracts import cost_summary, services_for_meeting
from secretaria.meetings.tests.contracts_helpers import make_seminar


class _Style:
    def WARNING(self, text):  # noqa: N802 - Django's style API
        return text


def _load():
    out = io.StringIO()
    demo_contracts.load(stdout=out, style=_Style())
    return out.getvalue()


def _december_workshop(crm):
    return Meeting.objects.create(
        kind=Meeting.Kind.WORKSHOP, slug="taller-convencion-de-palermo", title_es="Taller sobre la Convención de Palermo",
        start_date=datetime.date(2004, 12, 6), end_date=datetime.date(2004, 12, 7), city="Ciudad de Panamá",
        country=crm["countries"]["PA"],
    )  # fmt: skip


def test_the_demo_loads_the_seminar_and_panama_services_once(crm):
    seminar, workshop = make_seminar(crm), _december_workshop(crm)
    assert "6 created" in _load()
    assert "0 created" in _load()
    services = list(services_for_meeting(seminar))
    assert len(services) == 4 and {s.status for s in services} == {"paid"}
    assert {s.currency for s in services} == {"USD", "GTQ", "CRC"}
    summary = cost_summary(services)
    canada, mexico = (f"country:{crm['countries'][iso2].pk}" for iso2 in ("CA", "MX"))
    funders = {line.key: line.usd_total for line in summary.by_funder}
    assert set(funders) == {"secretariat", canada, mexico}
    assert funders[canada] == Decimal("3600.00")
    assert funders[mexico] == Decimal("3500.00") + Decimal("1250.00")
    assert summary.total.usd_paid == Decimal("10050.00")
    panama = {s.kind: s.status for s in services_for_meeting(workshop)}
    assert panama == {"interpretation": "contracted", "audio_visual": "quoted"}
    quotes = [a.document for s in services for a in s.attachments.all()]
    assert len(quotes) == 4 and {d.access_level for d in quotes} == {"secretariat"}
    assert all(d.files.get().original_name.endswith(".pdf") for d in quotes)
    assert {d.date for d in quotes} == {datetime.date(2004, 9, 20)}
    paid = Activity.objects.filter(kind="service_paid", meeting=seminar)
    assert paid.count() == 4 and paid.first().occurred_at.date() == datetime.date(2004, 11, 5)


def test_the_demo_skips_meetings_that_are_not_loaded(db):
    output = _load()
    assert "skipped" in output and not ContractedService.objects.exists()
