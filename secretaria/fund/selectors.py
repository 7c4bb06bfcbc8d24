"""Reads of the fund: every case query starts from ``cases_for(user)``, which keeps only the
cases the user may know of (rules.visible_cases_filter) and annotates the status."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from secretaria.fund import ledger, rules
from secretaria.fund.models import (
    USD,
    AccessLogEntry,
    Account,
    Case,
    CaseStatus,
    Contribution,
    Posting,
    ProtocolSettings,
    Step,
    status_from_steps,
)


def _with_status(qs: QuerySet[Case]) -> QuerySet[Case]:
    last = Step.objects.filter(case=OuterRef("pk")).order_by("-pk")
    return qs.annotate(last_step=Subquery(last.values("kind")[:1]), last_step_at=Subquery(last.values("at")[:1]))


def cases_for(user) -> QuerySet[Case]:
    q = rules.visible_cases_filter(user)
    if q is None:
        return Case.objects.none()
    return _with_status(Case.objects.filter(q)).select_related("country_present", "country_departure", "country_return")


def status_of(case: Case) -> str:
    """The status from the case's last step: annotated by ``cases_for``, else read (a case loaded elsewhere)."""
    if hasattr(case, "last_step"):
        kind = case.last_step
    else:
        kind = Step.objects.filter(case=case).order_by("-pk").values_list("kind", flat=True).first()
    return status_from_steps([kind] if kind else [])


def case_for(user, code: str) -> Case | None:
    """The case with ``code`` if the user may know of it; None otherwise (the view answers 404)."""
    return cases_for(user).filter(code=code).first()


def case_list(user, *, status: str | None = None) -> list[Case]:
    cases = list(cases_for(user).order_by("-created_at", "-pk"))
    for case in cases:
        case.status = status_of(case)
        case.status_label = CaseStatus(case.status).label
    if status:
        cases = [c for c in cases if c.status == status]
    return cases


NEXT_ACTOR = {
    CaseStatus.DRAFT: "requester",
    CaseStatus.SUBMITTED: "iom",
    CaseStatus.ASSESSED: "officer",
    CaseStatus.EXCEPTION_APPROVED: "officer",
    CaseStatus.APPROVED: "iom",
    CaseStatus.TRAVELLED: "officer",
}


def overdue(user, *, on: datetime.datetime | None = None) -> list[Case]:
    """Open cases whose last step is older than the protocol's ``step_days``."""
    days = rules.protocol_settings().step_days
    limit = (on or timezone.now()) - datetime.timedelta(days=days)
    return [
        c for c in case_list(user)
        if c.status in NEXT_ACTOR and c.status != CaseStatus.DRAFT and c.last_step_at and c.last_step_at < limit
    ]  # fmt: skip


def panel_counts(user, *, on: datetime.datetime | None = None) -> tuple[int, int]:
    """(overdue, all) of the cases ``user`` may know of, as ``overdue`` and ``case_list`` count
    them, from each case's last step only: nothing is decrypted (the dashboard's panel)."""
    q = rules.visible_cases_filter(user)
    if q is None:
        return 0, 0
    steps = list(_with_status(Case.objects.filter(q)).values_list("last_step", "last_step_at"))
    limit = (on or timezone.now()) - datetime.timedelta(days=rules.protocol_settings().step_days)
    late = 0
    for kind, at in steps:
        status = status_from_steps([kind] if kind else [])
        late += status in NEXT_ACTOR and status != CaseStatus.DRAFT and at is not None and at < limit
    return late, len(steps)


def case_history(case: Case) -> list[Step]:
    return list(case.steps.select_related("actor").order_by("pk"))


def settings_history(limit: int = 50):
    return ProtocolSettings.history.select_related("history_user").order_by("-history_date")[:limit]


def access_log(*, limit: int | None = 500) -> QuerySet[AccessLogEntry]:
    qs = AccessLogEntry.objects.select_related("user", "case").order_by("-at", "-pk")
    return qs[:limit] if limit else qs


# --- The ledger --------------------------------------------------------------------------


@dataclass
class Balances:
    received: Decimal
    reserved: Decimal
    disbursed: Decimal
    available: Decimal
    pledged: Decimal


def balances(*, until: datetime.date | None = None) -> Balances:
    postings = Posting.objects.all() if until is None else Posting.objects.filter(on__lte=until)
    pledged = sum(
        (c.amount_usd for c in Contribution.objects.filter(status=Contribution.Status.PLEDGED)), Decimal("0.00")
    )
    return Balances(
        received=(-ledger.balance(Account.CONTRIBUTIONS, qs=postings)).quantize(USD),
        reserved=ledger.balance(Account.RESERVED, qs=postings).quantize(USD),
        disbursed=ledger.balance(Account.DISBURSED, qs=postings).quantize(USD),
        available=ledger.balance(Account.AVAILABLE, qs=postings).quantize(USD),
        pledged=pledged.quantize(USD),
    )


def contributions(*, country_id: int | None = None, start=None, end=None) -> list[Contribution]:
    qs = Contribution.objects.select_related("country").order_by("pledged_on", "pk")
    if country_id:
        qs = qs.filter(country_id=country_id)
    if start:
        qs = qs.filter(pledged_on__gte=start)
    if end:
        qs = qs.filter(pledged_on__lte=end)
    return list(qs)


@dataclass
class Statement:
    start: datetime.date
    end: datetime.date
    opening: Decimal
    closing: Decimal
    postings: list[Posting] = field(default_factory=list)
    totals: dict[str, Decimal] = field(default_factory=dict)


def statement(*, start: datetime.date, end: datetime.date, country_id: int | None = None) -> Statement:
    """The movements of the available balance in a period (or one contributor's receipts)."""
    before = Posting.objects.filter(on__lt=start)
    qs = Posting.objects.filter(on__gte=start, on__lte=end).select_related("case", "contribution__country")
    if country_id:
        qs = qs.filter(contribution__country_id=country_id)
        before = before.filter(contribution__country_id=country_id)
    rows = list(qs.order_by("on", "pk"))
    totals = {kind: Decimal("0.00") for kind in Posting.Kind.values}
    for kind, total in qs.values_list("kind").annotate(total=Sum("amount_usd")).values_list("kind", "total"):
        totals[kind] = total
    opening = ledger.balance(Account.AVAILABLE, qs=before)
    return Statement(start, end, opening, opening + ledger.balance(Account.AVAILABLE, qs=qs), rows, totals)


def period_bounds(on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The reporting period (protocol settings) that contains ``on``."""
    starts = sorted(rules.protocol_settings().reporting_periods)
    candidates = []
    for year in (on.year - 1, on.year, on.year + 1):
        for s in starts:
            month, day = (int(x) for x in s.split("-"))
            candidates.append(datetime.date(year, month, day))
    candidates.sort()
    begin = max(d for d in candidates if d <= on)
    after = min(d for d in candidates if d > on)
    return begin, after - datetime.timedelta(days=1)


def open_cases_q() -> Q:
    return ~Q(last_step__in=[CaseStatus.CLOSED, CaseStatus.CANCELLED, CaseStatus.REJECTED])
