"""Reads for contracted services and the cost summary of a meeting.

The summary is computed in Python from one query's rows with ``Decimal`` arithmetic: each
service is converted to US dollars at its own contracting rate and rounded to the cent
(half up) first, so the totals are exactly the sums of the rows the report shows.
Cancelled services are listed but never counted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from secretaria.meetings.models import ContractedService, ContractedServiceStatusChange, Meeting

ZERO = Decimal("0.00")


def services_for_meeting(meeting: Meeting) -> QuerySet[ContractedService]:
    return (
        ContractedService.objects.filter(meeting=meeting)
        .select_related("supplier", "supplier__country", "funder_country", "funder_organization", "meeting")
        .prefetch_related("attachments__document__files")
        .order_by("kind", "pk")
    )


def service_for_meeting(meeting: Meeting, pk: int) -> ContractedService | None:
    return (
        services_for_meeting(meeting)
        .prefetch_related(
            Prefetch(
                "status_changes",
                queryset=ContractedServiceStatusChange.objects.select_related("changed_by").order_by(
                    "changed_at", "pk"
                ),
            )
        )
        .filter(pk=pk)
        .first()
    )


@dataclass
class CostLine:
    """One line of the summary: a funder, a kind of service, or the grand total."""

    key: str
    label: str
    count: int = 0
    by_currency: dict[str, Decimal] = field(default_factory=dict)
    usd_quoted: Decimal = ZERO
    usd_committed: Decimal = ZERO
    usd_paid: Decimal = ZERO

    @property
    def usd_total(self) -> Decimal:
        """Committed plus quoted: what the meeting costs if every quote is accepted (paid is
        part of committed, never added again)."""
        return self.usd_quoted + self.usd_committed

    def add(self, service: ContractedService) -> None:
        self.count += 1
        self.by_currency[service.currency] = self.by_currency.get(service.currency, ZERO) + service.amount
        usd = service.amount_usd
        if service.status == ContractedService.Status.QUOTED:
            self.usd_quoted += usd
        else:
            self.usd_committed += usd
        if service.status == ContractedService.Status.PAID:
            self.usd_paid += usd

    def currencies(self) -> list[tuple[str, Decimal]]:
        return sorted(self.by_currency.items())


@dataclass
class CostSummary:
    by_funder: list[CostLine]
    by_kind: list[CostLine]
    total: CostLine
    cancelled: int


def cost_summary(services) -> CostSummary:
    """Totals by funder and by kind of service, in the original currencies and in US dollars."""
    funders: dict[str, CostLine] = {}
    funders_by_label: dict[str, CostLine] = {}  # two directory rows of one organisation: one line
    kinds: dict[str, CostLine] = {}
    total = CostLine(key="total", label="")
    cancelled = 0
    for service in services:
        if service.status == ContractedService.Status.CANCELLED:
            cancelled += 1
            continue
        label = service.funder_label
        funder = funders.get(service.funder_key) or funders_by_label.get(label.casefold())
        if funder is None:
            funder = funders[service.funder_key] = CostLine(key=service.funder_key, label=label)
        funders_by_label.setdefault(label.casefold(), funder)
        funder.add(service)
        kind = kinds.setdefault(service.kind, CostLine(key=service.kind, label=str(service.get_kind_display())))
        kind.add(service)
        total.add(service)
    kind_order = {value: index for index, value in enumerate(ContractedService.Kind.values)}
    funder_order = defaultdict(lambda: 1, {ContractedService.Funder.SECRETARIAT: 0, ContractedService.Funder.IOM: 2})
    return CostSummary(
        by_funder=sorted(funders.values(), key=lambda line: (funder_order[line.key], line.label)),
        by_kind=sorted(kinds.values(), key=lambda line: kind_order[line.key]),
        total=total,
        cancelled=cancelled,
    )
