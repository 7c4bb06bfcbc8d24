"""The reserve fund in JSON, under /api/v1/fund/, for the fund officers.

Anyone else (not signed in, no fund role, no TOTP) gets 404 for every address, as on the
pages: nobody learns from the API that a case exists. Cases are addressed by code and carry
non-identifying fields only: personal data is never in the API. The steps are POSTs to a verb
under the case; a refused one (wrong step, amount above the cap, not enough money, no reason)
is a 400 with ``{"detail": …}`` and writes nothing.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from secretaria.core.openapi import ApiError, Offset
from secretaria.fund import rules, selectors, statistics
from secretaria.fund.models import AgeBand, CaseStatus, Category, Posting, RequesterKind, Sex, Step
from secretaria.fund.services import cases as services

router = Router(tags=["fund"])
NOT_FOUND = {404: ApiError}


def _officer(request):
    user = request.auth if getattr(request, "auth", None) is not None else request.user
    if not getattr(user, "is_authenticated", False) or not rules.fund_access(user).officer:
        raise Http404
    return user


class StepOut(Schema):
    kind: Step.Kind
    at: datetime.datetime
    actor: str
    amount_usd: Decimal | None


class CaseOut(Schema):
    code: str
    status: CaseStatus
    category: Category
    requester_kind: RequesterKind
    sex: Sex
    age_band: AgeBand
    country_present: str = Field(description="ISO alpha-2")
    country_departure: str = Field(description="ISO alpha-2")
    country_return: str = Field(description="ISO alpha-2")
    needs_exception: bool
    exception_usd: Decimal | None
    approved_usd: Decimal | None
    actual_usd: Decimal | None
    created_at: datetime.datetime


class CaseDetailOut(CaseOut):
    estimate_usd: Decimal
    history: list[StepOut]


class CasePage(Schema):
    count: int
    results: list[CaseOut]


class CaseFilter(Schema):
    status: CaseStatus | None = None
    offset: Offset = 0
    limit: int = Field(50, ge=1, le=200)


class StepIn(Schema):
    reason: str = Field("", max_length=1000)
    amount_usd: Decimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    eligible: bool | None = None
    on: datetime.date | None = None


class CloseIn(Schema):
    return_report: str = Field(max_length=10000)
    actual_costs: dict[str, Decimal] = Field(description="US$ by item: transport, escort, per_diem, medical…")


def _case_out(case) -> dict:
    return {
        "code": case.code,
        "status": selectors.status_of(case),
        "category": case.category,
        "requester_kind": case.requester_kind,
        "sex": case.sex,
        "age_band": case.age_band,
        "country_present": case.country_present.iso2,
        "country_departure": case.country_departure.iso2,
        "country_return": case.country_return.iso2,
        "needs_exception": case.needs_exception,
        "exception_usd": case.exception_usd,
        "approved_usd": case.approved_usd,
        "actual_usd": case.actual_usd,
        "created_at": case.created_at,
    }


def _detail(user, code) -> dict:
    case = selectors.case_for(user, code)
    if case is None:
        raise Http404
    out = _case_out(case)
    out["estimate_usd"] = services.estimate_total(case)
    out["history"] = [
        {"kind": s.kind, "at": s.at, "actor": s.actor.display_name, "amount_usd": s.amount_usd}
        for s in selectors.case_history(case)
    ]
    return out


@router.get("/cases", response={200: CasePage, **NOT_FOUND}, summary="Cases (codes and non-identifying fields)")
def list_cases(request, filters: Query[CaseFilter]):
    user = _officer(request)
    cases = selectors.case_list(user, status=filters.status)
    return {
        "count": len(cases),
        "results": [_case_out(c) for c in cases[filters.offset : filters.offset + filters.limit]],
    }


@router.get("/cases/{code}", response={200: CaseDetailOut, **NOT_FOUND}, summary="One case by code, with its history")
def get_case(request, code: str):
    return _detail(_officer(request), code)


def _run(request, code, action):
    user = _officer(request)
    case = selectors.case_for(user, code)
    if case is None:
        raise Http404
    try:
        action(user, case)
    except PermissionDenied:
        return 403, {"detail": _("Your fund role may not take this step.")}
    except ValidationError as exc:
        return 400, _refusal(exc)
    return 200, _detail(user, code)


def _refusal(exc: ValidationError) -> dict:
    """The reason in ``detail`` itself (a script shows it as is), and field by field in ``errors``."""
    return {"detail": " ".join(exc.messages), "errors": exc.message_dict if hasattr(exc, "error_dict") else None}


STEP_RESPONSES = {200: CaseDetailOut, 400: ApiError, 403: ApiError, 404: ApiError}


@router.post("/cases/{code}/submit", response=STEP_RESPONSES, summary="Submit a draft")
def submit(request, code: str):
    return _run(request, code, lambda user, case: services.case_submit(case=case, by=user))


@router.post("/cases/{code}/assess", response=STEP_RESPONSES, summary="IOM's assessment (eligible, reason)")
def assess(request, code: str, payload: StepIn):
    def step(user, case):
        if payload.eligible is None:
            raise ValidationError({"eligible": _("Say whether the case is eligible.")})
        services.case_assess(case=case, by=user, eligible=payload.eligible, reason=payload.reason)

    return _run(request, code, step)


def _amount(payload) -> Decimal:
    if payload.amount_usd is None:
        raise ValidationError({"amount_usd": _("Give the amount in US$.")})
    return payload.amount_usd


@router.post("/cases/{code}/exception", response=STEP_RESPONSES, summary="Approve an exception above the cap")
def exception(request, code: str, payload: StepIn):
    return _run(
        request,
        code,
        lambda user, case: services.exception_approve(
            case=case, by=user, amount=_amount(payload), reason=payload.reason
        ),
    )


@router.post("/cases/{code}/approve", response=STEP_RESPONSES, summary="Approve the funding (reserves the amount)")
def approve(request, code: str, payload: StepIn):
    return _run(
        request,
        code,
        lambda user, case: services.case_approve(case=case, by=user, amount=_amount(payload), reason=payload.reason),
    )


@router.post("/cases/{code}/reject", response=STEP_RESPONSES, summary="Reject, with the reason")
def reject(request, code: str, payload: StepIn):
    return _run(request, code, lambda user, case: services.case_reject(case=case, by=user, reason=payload.reason))


@router.post("/cases/{code}/travel", response=STEP_RESPONSES, summary="Record the travel")
def travel(request, code: str, payload: StepIn):
    return _run(
        request,
        code,
        lambda user, case: services.travel_record(case=case, by=user, on=payload.on, reason=payload.reason),
    )


@router.post("/cases/{code}/close", response=STEP_RESPONSES, summary="Close with the return report and actual costs")
def close(request, code: str, payload: CloseIn):
    return _run(
        request,
        code,
        lambda user, case: services.case_close(
            case=case, by=user, actual_costs=list(payload.actual_costs.items()), return_report=payload.return_report
        ),
    )


@router.post("/cases/{code}/cancel", response=STEP_RESPONSES, summary="Cancel (releases the reservation)")
def cancel(request, code: str, payload: StepIn):
    return _run(request, code, lambda user, case: services.case_cancel(case=case, by=user, reason=payload.reason))


class PeriodIn(Schema):
    start: datetime.date | None = None
    end: datetime.date | None = None


class TableOut(Schema):
    title: str
    rows: list[tuple[str, str]]


class StatisticsOut(Schema):
    start: datetime.date
    end: datetime.date
    suppressed: bool
    cases: str
    tables: list[TableOut]
    money: list[tuple[str, str]]
    contributions: list[tuple[str, str]]


def _period(period: PeriodIn) -> tuple[datetime.date, datetime.date]:
    start, end = selectors.period_bounds(timezone.localdate())
    start, end = period.start or start, period.end or end
    if start > end:
        raise ValidationError({"end": _("The period ends before it starts.")})
    return start, end


@router.get(
    "/statistics",
    response={200: StatisticsOut, 400: ApiError, **NOT_FOUND},
    summary="Statistics for the GRCM (counts under 5 shown as <5)",
)
def get_statistics(request, period: Query[PeriodIn]):
    _officer(request)
    try:
        start, end = _period(period)
    except ValidationError as exc:
        return 400, _refusal(exc)
    stats = statistics.fund_statistics(start, end, suppress=True)
    return 200, {
        "start": start,
        "end": end,
        "suppressed": True,
        "cases": str(stats.cases),
        "tables": [{"title": t.title, "rows": [(label, str(v)) for label, v in t.rows]} for t in stats.tables],
        "money": [(label, str(v)) for label, v in stats.money],
        "contributions": [(name, str(v)) for name, v in stats.contributions],
    }


class BalancesOut(Schema):
    pledged: Decimal
    received: Decimal
    reserved: Decimal
    disbursed: Decimal
    available: Decimal


class PostingOut(Schema):
    on: datetime.date
    kind: Posting.Kind
    debit: str
    credit: str
    amount_usd: Decimal
    case: str | None
    contributor: str | None


class LedgerOut(Schema):
    balances: BalancesOut
    postings: list[PostingOut]


@router.get("/ledger", response={200: LedgerOut, 400: ApiError, **NOT_FOUND}, summary="Balances and postings")
def get_ledger(request, period: Query[PeriodIn]):
    _officer(request)
    try:
        start, end = _period(period)
    except ValidationError as exc:
        return 400, _refusal(exc)
    b = selectors.balances()
    statement = selectors.statement(start=start, end=end)
    return 200, {
        "balances": {
            "pledged": b.pledged,
            "received": b.received,
            "reserved": b.reserved,
            "disbursed": b.disbursed,
            "available": b.available,
        },
        "postings": [
            {
                "on": p.on,
                "kind": p.kind,
                "debit": p.debit,
                "credit": p.credit,
                "amount_usd": p.amount_usd,
                "case": p.case.code if p.case_id else None,
                "contributor": p.contribution.contributor if p.contribution_id else None,
            }
            for p in statement.postings
        ],
    }
