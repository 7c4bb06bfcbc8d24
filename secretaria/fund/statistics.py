"""The fund's figures for the GRCM: ``fund_statistics(start, end, suppress=True)``.

The six-monthly activity and financial report (issue 16) calls this selector. Counts of 1 to
4 cases are written "<5" when ``suppress`` is true (every figure that leaves the fund
officers), and so are averages and durations computed over fewer than 5 cases, so that no
one can single out a child or a sick person in a small country. Money is never suppressed:
totals are the fund's, not a person's.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import mean

from django.utils.translation import gettext as _

from secretaria.core.i18n import number_text
from secretaria.fund import selectors
from secretaria.fund.models import AgeBand, Case, CaseStatus, Category, Contribution, Sex, Step, status_from_steps

SMALL = 5
SUPPRESSED = "<5"


@dataclass
class Table:
    title: str
    rows: list[tuple[str, object]]

    def bars(self) -> list[dict]:
        """The rows with a bar length in percent of the largest count, for the page's table
        with bars (a suppressed count gets no bar: its cell says "<5")."""
        numbers = [v for _, v in self.rows if isinstance(v, int)]
        top = max(numbers, default=0) or 1
        return [
            {"label": label, "value": value, "percent": round(100 * value / top) if isinstance(value, int) else 0}
            for label, value in self.rows
        ]


def figure_text(value) -> str:
    """A figure as the reader's language writes it: money with two decimals, an average of days
    with one, counts and "<5" as they are."""
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, float):
        return number_text(value, decimals=1)
    return str(value)


@dataclass
class FundStatistics:
    start: datetime.date
    end: datetime.date
    suppressed: bool
    cases: object
    tables: list[Table] = field(default_factory=list)
    money: list[tuple[str, object]] = field(default_factory=list)
    contributions: list[tuple[str, Decimal]] = field(default_factory=list)


def _count(n: int, suppress: bool):
    return SUPPRESSED if suppress and 0 < n < SMALL else n


def _table(title: str, counter: Counter, labels: dict, suppress: bool) -> Table:
    rows = [
        (str(labels.get(key, key)), _count(n, suppress)) for key, n in sorted(counter.items(), key=lambda kv: -kv[1])
    ]
    return Table(title, rows)


def _days(a: datetime.datetime | None, b: datetime.datetime | None) -> int | None:
    return (b - a).days if a and b else None


def fund_statistics(period_start: datetime.date, period_end: datetime.date, *, suppress: bool = True) -> FundStatistics:
    """Cases submitted in the period, their outcome today, costs, durations; contributions
    received in the period and the balance at its end."""
    steps: dict[int, list[Step]] = {}
    for step in Step.objects.order_by("pk"):
        steps.setdefault(step.case_id, []).append(step)

    def submitted_on(case_id):
        first = next((s for s in steps.get(case_id, []) if s.kind == Step.Kind.SUBMITTED), None)
        return first.at if first else None

    cases = [
        c for c in Case.objects.select_related("country_departure", "country_return").order_by("pk")
        if submitted_on(c.pk) and period_start <= submitted_on(c.pk).date() <= period_end
    ]  # fmt: skip
    by = {name: Counter() for name in ("departure", "return", "category", "sex", "age", "outcome")}
    decision_days, travel_days, costs = [], [], []
    for case in cases:
        kinds = [s.kind for s in steps[case.pk]]
        by["departure"][case.country_departure.name] += 1
        by["return"][case.country_return.name] += 1
        by["category"][case.category] += 1
        by["sex"][case.sex] += 1
        by["age"][case.age_band] += 1
        by["outcome"][status_from_steps(kinds)] += 1
        first = {}
        for s in steps[case.pk]:
            first.setdefault(s.kind, s.at)
        decided = first.get(Step.Kind.APPROVED) or first.get(Step.Kind.REJECTED)
        if (d := _days(first.get(Step.Kind.SUBMITTED), decided)) is not None:
            decision_days.append(d)
        if (d := _days(first.get(Step.Kind.SUBMITTED), first.get(Step.Kind.TRAVELLED))) is not None:
            travel_days.append(d)
        if case.actual_usd is not None:
            costs.append(case.actual_usd)

    def small(values, fmt):
        if not values:
            return "—"
        if suppress and len(values) < SMALL:
            return SUPPRESSED
        return fmt(values)

    stats = FundStatistics(period_start, period_end, suppress, _count(len(cases), suppress))
    stats.tables = [
        _table(_("Country of departure"), by["departure"], {}, suppress),
        _table(_("Country of return"), by["return"], {}, suppress),
        _table(_("Vulnerability category"), by["category"], dict(Category.choices), suppress),
        _table(_("Sex"), by["sex"], dict(Sex.choices), suppress),
        _table(_("Age band"), by["age"], dict(AgeBand.choices), suppress),
        _table(_("Outcome"), by["outcome"], dict(CaseStatus.choices), suppress),
    ]
    balances = selectors.balances(until=period_end)
    stats.money = [
        (_("Total actual cost of closed cases (US$)"), sum(costs, Decimal("0.00")) if costs else Decimal("0.00")),
        (
            _("Average actual cost per closed case (US$)"),
            small(costs, lambda v: (sum(v) / len(v)).quantize(Decimal("0.01"))),
        ),
        (_("Average days from submission to decision"), small(decision_days, lambda v: round(mean(v), 1))),
        (_("Average days from submission to travel"), small(travel_days, lambda v: round(mean(v), 1))),
        (_("Received to date (US$)"), balances.received),
        (_("Reserved for cases (US$)"), balances.reserved),
        (_("Disbursed to date (US$)"), balances.disbursed),
        (_("Available balance (US$)"), balances.available),
    ]
    received = Counter()
    for c in Contribution.objects.filter(
        status=Contribution.Status.RECEIVED, received_on__gte=period_start, received_on__lte=period_end
    ).select_related("country"):
        received[c.contributor] += c.amount_usd
    stats.contributions = sorted(received.items())
    return stats
