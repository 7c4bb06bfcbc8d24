"""The sections the outreach and fund apps' records give the report (B and the fund's figures)."""

import datetime

import pytest

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.fund.selectors import Balances
from secretaria.outreach.models import Engagement
from secretaria.reports import fund
from secretaria.reports.outreach import outreach
from secretaria.reports.sections import Period, registered_sections

pytestmark = pytest.mark.django_db
D = datetime.date
PERIOD = Period(D(2004, 5, 1), D(2004, 11, 30))


def _engagement(kind, title, day):
    return Engagement.objects.create(kind=kind, title_es=title, summary_es=title, summary_en=title + " (en)",
                                     start_date=day, status=Engagement.Status.ATTENDED)  # fmt: skip


def test_outreach_and_fund_are_registered_in_the_report_order():
    keys = [key for key, _order, _fn in registered_sections()]
    assert keys.index("support") < keys.index("outreach") < keys.index("platform") < keys.index("fund")
    assert keys.index("fund") < keys.index("finance")


def test_a_mission_the_activity_record_tells_in_section_a_is_not_told_again_in_b():
    _engagement(Engagement.Kind.INFORMAL, "Reunión informal en San José", D(2004, 7, 15))
    mission = _engagement(Engagement.Kind.MISSION, "Visita a Panamá", D(2004, 11, 3))
    section = outreach(PERIOD)
    assert f"outreach.engagement.{mission.pk}" in [p.key for p in section.paragraphs]
    activity_record(kind=Activity.Kind.MISSION, obj=mission, summary_es="Visita a Panamá", summary_en="Visit",
                    manual=True)  # fmt: skip
    again = outreach(PERIOD)
    assert "Visita a Panamá" not in [p.es for p in again.paragraphs]
    assert "outreach.missions" not in [p.key for p in again.paragraphs]


def test_nothing_to_tell_gives_no_section():
    assert outreach(Period(D(1990, 1, 1), D(1990, 6, 30))) is None


def test_the_fund_section_is_left_out_when_the_fund_did_nothing():
    assert fund.fund(Period(D(1990, 1, 1), D(1990, 6, 30))) is None


def test_a_ledger_that_does_not_add_up_is_a_problem_that_says_where(monkeypatch):
    z = fund.ZERO
    monkeypatch.setattr(fund, "_income", lambda period: ({}, fund.Decimal("100.00")))
    monkeypatch.setattr(fund.selectors, "balances", lambda until: Balances(fund.Decimal("100.00"), z, z, z, z))
    section = fund.fund(PERIOD)
    assert any("no da el saldo disponible USD 0.00" in p for p in section.problems)
    assert any("el libro registra recibos por USD 0.00" in p for p in section.problems)
