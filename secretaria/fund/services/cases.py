"""The life of a case: draft → submitted → assessed → (exception) → approved/rejected →
travelled → closed, or cancelled at any step before travel.

Each step is a service that locks the case, checks the current status and the actor's right
(rules.py), writes a typed ``Step``, moves money through the ledger service when it must, and
notifies the next actor after the commit. A refused step raises ``ValidationError`` (bad input
or a transition that does not apply) or ``PermissionDenied`` and writes nothing.

The functions that receive personal data are ``sensitive_variables``: an error report never
shows their arguments.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from secretaria.fund import crypto, notifications, rules, vault
from secretaria.fund.models import (
    USD,
    Case,
    CaseStatus,
    Category,
    CostItem,
    Step,
    age_band_for,
    status_from_steps,
)
from secretaria.fund.services import ledger as ledger_services

PERSONAL_FIELDS = (
    "requester_name",
    "given_names",
    "family_names",
    "date_of_birth",
    "estimated_age",
    "nationality",
    "identity_document",
    "current_location",
    "destination",
    "receiving_contact",
    "category_justification",
    "other_reason",
    "accompanying_persons",
    "escort",
    "travel_plan",
    "return_report",
)
PLAIN_FIELDS = (
    "requester_kind",
    "requester_organization",
    "country_present",
    "country_departure",
    "country_return",
    "category",
    "sex",
    "accompanying_count",
)
ERASED = "—"
EDITABLE = {CaseStatus.DRAFT, CaseStatus.SUBMITTED}
CANCELLABLE = {
    CaseStatus.DRAFT,
    CaseStatus.SUBMITTED,
    CaseStatus.ASSESSED,
    CaseStatus.EXCEPTION_APPROVED,
    CaseStatus.APPROVED,
}


MAX_USD = Decimal("99999999.99")


def money(value, field: str = "amount_usd") -> Decimal:
    """A US$ amount from user input, or a ValidationError (never an arithmetic error)."""
    try:
        amount = Decimal(str(value)).quantize(USD)
    except (ArithmeticError, ValueError, TypeError):
        raise ValidationError({field: _("Give the amount in US$.")}) from None
    if not amount.is_finite() or abs(amount) > MAX_USD:
        raise ValidationError({field: _("Give the amount in US$.")})
    return amount


def case_status(case: Case) -> str:
    return status_from_steps(list(case.steps.order_by("pk").values_list("kind", flat=True)))


def estimate_total(case: Case) -> Decimal:
    return case.cost_items.aggregate(total=Sum("estimate_usd"))["total"] or Decimal("0.00")


def _next_code(on: datetime.date) -> str:
    prefix = f"FR-{on.year}-"
    last = Case.objects.filter(code__startswith=prefix).order_by("-code").values_list("code", flat=True).first()
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:03d}"


def _age(case: Case, on: datetime.date) -> int | None:
    if case.date_of_birth:
        try:
            born = datetime.date.fromisoformat(case.date_of_birth)
        except ValueError:
            raise ValidationError({"date_of_birth": _("Write the date of birth as YYYY-MM-DD.")}) from None
        if born > on:
            raise ValidationError({"date_of_birth": _("The date of birth is in the future.")})
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if case.estimated_age:
        try:
            age = int(case.estimated_age)
        except ValueError:
            raise ValidationError({"estimated_age": _("The estimated age is a whole number of years.")}) from None
        if not 0 <= age <= 120:
            raise ValidationError({"estimated_age": _("The estimated age is a whole number of years.")})
        return age
    return None


def _derive(case: Case) -> None:
    """The columns computed from the personal data: age band and the duplicate-finding hashes."""
    case.age_band = age_band_for(_age(case, timezone.localdate()))
    case.document_hash = crypto.keyed_hash(case.identity_document) if case.identity_document else ""
    full_name = f"{case.given_names} {case.family_names}".strip()
    case.name_dob_hash = crypto.keyed_hash(full_name, case.date_of_birth) if full_name and case.date_of_birth else ""


def possible_duplicates(case: Case):
    """Earlier cases with the same identity document, or the same name and date of birth."""
    q = None
    if case.document_hash:
        q = Case.objects.filter(document_hash=case.document_hash)
    if case.name_dob_hash:
        by_name = Case.objects.filter(name_dob_hash=case.name_dob_hash)
        q = by_name if q is None else q | by_name
    if q is None:
        return Case.objects.none()
    return q.exclude(pk=case.pk).order_by("created_at")


def _check_eligibility(case: Case, settings_row) -> None:
    errors = {}
    if case.category not in settings_row.categories:
        errors["category"] = _("This vulnerability category is not eligible under the protocol.")
    if case.requester_kind not in settings_row.requester_kinds:
        errors["requester_kind"] = _("This kind of requester may not submit requests under the protocol.")
    if case.category == Category.OTHER and not case.other_reason.strip():
        errors["other_reason"] = _("Say why the case falls under “other”.")
    if errors:
        raise ValidationError(errors)


@sensitive_variables()
def _assign(case: Case, data: dict) -> None:
    for name in (*PLAIN_FIELDS, *PERSONAL_FIELDS):
        if name in data:
            value = data[name]
            if value is None and not case._meta.get_field(name).is_relation:
                value = ""
            setattr(case, name, value)


def _set_costs(case: Case, costs) -> None:
    """Replace the estimate: ``costs`` is a list of (kind, estimate in US$)."""
    if costs is None:
        return
    case.cost_items.all().delete()
    for kind, amount in costs:
        if kind not in CostItem.Kind.values:
            raise ValidationError({"costs": _("Unknown cost item “%(kind)s”.") % {"kind": kind}})
        amount = money(amount, "costs")
        if amount < 0:
            raise ValidationError({"costs": _("A cost cannot be negative.")})
        CostItem.objects.create(case=case, kind=kind, estimate_usd=amount)


@sensitive_variables()
def case_create(*, by, data: dict, costs=None) -> Case:
    """A new case in draft. ``data`` holds the model's fields (countries as objects)."""
    # A with-block, not @transaction.atomic: the decorator's own frame would keep ``data`` out
    # of sensitive_variables' reach in an error report.
    with transaction.atomic():
        return _case_create(by=by, data=data, costs=costs)


@sensitive_variables()
def _case_create(*, by, data: dict, costs=None) -> Case:
    if not rules.may_submit(by):
        raise PermissionDenied
    fa = rules.fund_access(by)
    case = Case(created_by=by, code=_next_code(timezone.localdate()))
    _assign(case, data)
    if not fa.officer and not fa.iom_countries:
        # A requester submits for itself, as the kind of requester it is.
        case.requester = by
        if case.requester_kind not in fa.requester_kinds:
            case.requester_kind = sorted(fa.requester_kinds)[0]
    elif data.get("requester") is not None:
        case.requester = data["requester"]
    if not fa.officer and fa.iom_countries and case.country_present_id not in fa.iom_countries:
        raise ValidationError({"country_present": _("An IOM office records cases of its own country.")})
    _derive(case)
    case.full_clean(exclude=["code", "created_by"])
    case.save()
    _set_costs(case, costs)
    return case


@sensitive_variables()
def case_update(*, case: Case, by, data: dict, costs=None) -> Case:
    with transaction.atomic():
        return _case_update(case=case, by=by, data=data, costs=costs)


@sensitive_variables()
def _case_update(*, case: Case, by, data: dict, costs=None) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case_status(case) not in EDITABLE:
        raise ValidationError(_("The case can no longer be edited at this step."))
    if not rules.may_see_personal_data(by, case):
        raise PermissionDenied
    _assign(case, data)
    _derive(case)
    case.full_clean(exclude=["code", "created_by"])
    case.save()
    _set_costs(case, costs)
    return case


def _locked(case: Case) -> tuple[Case, str]:
    case = Case.objects.select_for_update().get(pk=case.pk)
    return case, case_status(case)


def _expect(status: str, allowed: set[str]) -> None:
    if status not in allowed:
        raise ValidationError(
            _("This step does not apply to a case that is “%(status)s”.") % {"status": CaseStatus(status).label}
        )


def _reason(reason: str, *, required: bool) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError({"reason": _("Give the reason for this decision.")})
    return reason


def _step(case: Case, kind: str, by, *, reason: str = "", amount=None, eligible=None, at=None) -> Step:
    step = Step.objects.create(
        case=case, kind=kind, actor=by, reason=reason, amount_usd=amount, eligible=eligible, at=at or timezone.now()
    )
    transaction.on_commit(lambda: notifications.notify_next(case_id=case.pk, step_kind=kind))
    return step


@transaction.atomic
def case_submit(*, case: Case, by) -> Step:
    case, status = _locked(case)
    _expect(status, {CaseStatus.DRAFT})
    if by.pk not in (case.created_by_id, case.requester_id) and not rules.fund_access(by).officer:
        raise PermissionDenied
    _check_eligibility(case, rules.protocol_settings())
    if not case.cost_items.exists():
        raise ValidationError({"costs": _("Add the cost estimate before submitting.")})
    return _step(case, Step.Kind.SUBMITTED, by)


@transaction.atomic
def case_assess(*, case: Case, by, eligible: bool, reason: str = "") -> Step:
    """IOM's assessment of eligibility and of the estimate."""
    case, status = _locked(case)
    _expect(status, {CaseStatus.SUBMITTED})
    if not rules.may_assess(by, case):
        raise PermissionDenied
    reason = _reason(reason, required=not eligible)
    settings_row = rules.protocol_settings()
    if eligible:
        _check_eligibility(case, settings_row)
    case.needs_exception = estimate_total(case) > settings_row.cap_usd
    case.save(update_fields=["needs_exception"])
    return _step(case, Step.Kind.ASSESSED, by, reason=reason, amount=estimate_total(case), eligible=eligible)


def _assessed_eligible(case: Case) -> bool:
    step = case.steps.filter(kind=Step.Kind.ASSESSED).order_by("-pk").first()
    return bool(step and step.eligible)


@transaction.atomic
def exception_approve(*, case: Case, by, amount: Decimal, reason: str) -> Step:
    """The approver (the PPT by default) allows funding above the cap, up to ``amount``."""
    case, status = _locked(case)
    _expect(status, {CaseStatus.ASSESSED})
    if not rules.may_approve_exception(by, case):
        raise PermissionDenied
    reason = _reason(reason, required=True)
    cap = rules.protocol_settings().cap_usd
    amount = money(amount)
    if amount <= cap:
        raise ValidationError({"amount_usd": _("An exception is for an amount above the cap.")})
    if not _assessed_eligible(case):
        raise ValidationError(_("IOM found the case not eligible; it can only be rejected."))
    case.exception_usd = amount
    case.save(update_fields=["exception_usd"])
    return _step(case, Step.Kind.EXCEPTION_APPROVED, by, reason=reason, amount=amount)


@transaction.atomic
def case_approve(*, case: Case, by, amount: Decimal, reason: str = "") -> Step:
    """The Secretariat approves the funding: ``amount`` is reserved against the fund."""
    ledger_services.lock_ledger()
    case, status = _locked(case)
    _expect(status, {CaseStatus.ASSESSED, CaseStatus.EXCEPTION_APPROVED})
    if not rules.may_decide(by, case):
        raise PermissionDenied
    if not _assessed_eligible(case):
        raise ValidationError(_("IOM found the case not eligible; it can only be rejected."))
    amount = money(amount)
    if amount <= 0:
        raise ValidationError({"amount_usd": _("The amount must be above zero.")})
    cap = rules.protocol_settings().cap_usd
    ceiling = case.exception_usd if case.exception_usd is not None else cap
    if amount > max(cap, ceiling):
        if case.exception_usd is None:
            raise ValidationError(
                {"amount_usd": _("US$ %(amount)s is above the cap of US$ %(cap)s: an exception must be approved first.")
                 % {"amount": ledger_services.usd(amount), "cap": ledger_services.usd(cap)}}
            )  # fmt: skip
        raise ValidationError(
            {"amount_usd": _("US$ %(amount)s is above the exception approved (US$ %(ceiling)s).")
             % {"amount": ledger_services.usd(amount), "ceiling": ledger_services.usd(ceiling)}}
        )  # fmt: skip
    today = timezone.localdate()
    ledger_services.reserve(case=case, amount=amount, by=by, on=today)
    case.cap_usd = cap
    case.approved_usd = amount
    try:
        with transaction.atomic():
            case.save(update_fields=["cap_usd", "approved_usd"])
    except IntegrityError:
        raise ValidationError({"amount_usd": _("The amount is above the cap.")}) from None
    return _step(case, Step.Kind.APPROVED, by, reason=_reason(reason, required=False), amount=amount)


@transaction.atomic
def case_reject(*, case: Case, by, reason: str) -> Step:
    case, status = _locked(case)
    _expect(status, {CaseStatus.ASSESSED, CaseStatus.EXCEPTION_APPROVED})
    exception_refused = status == CaseStatus.ASSESSED and case.needs_exception and rules.may_approve_exception(by, case)
    if not (rules.may_decide(by, case) or exception_refused):
        raise PermissionDenied
    return _step(case, Step.Kind.REJECTED, by, reason=_reason(reason, required=True))


@transaction.atomic
def travel_record(*, case: Case, by, on: datetime.date | None = None, reason: str = "") -> Step:
    case, status = _locked(case)
    _expect(status, {CaseStatus.APPROVED})
    if not rules.may_record_travel(by, case):
        raise PermissionDenied
    on = on or timezone.localdate()
    at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))
    if at > timezone.now() + datetime.timedelta(days=1):
        raise ValidationError({"on": _("The travel date cannot be in the future.")})
    return _step(case, Step.Kind.TRAVELLED, by, reason=_reason(reason, required=False), at=at)


@sensitive_variables()
def case_close(*, case: Case, by, actual_costs, return_report: str) -> Step:
    """Close with the return report and the actual costs: the reservation becomes a
    disbursement of the actual total and the difference is released."""
    with transaction.atomic():
        return _case_close(case=case, by=by, actual_costs=actual_costs, return_report=return_report)


@sensitive_variables()
def _case_close(*, case: Case, by, actual_costs, return_report: str) -> Step:
    ledger_services.lock_ledger()
    case, status = _locked(case)
    _expect(status, {CaseStatus.TRAVELLED})
    if not (rules.may_decide(by, case) or rules.may_assess(by, case)):
        raise PermissionDenied
    if not (return_report or "").strip():
        raise ValidationError({"return_report": _("Attach or write the return report.")})
    actual_by_kind: dict[str, Decimal] = {}
    for kind, amount in actual_costs:
        if kind not in CostItem.Kind.values:
            raise ValidationError({"costs": _("Unknown cost item “%(kind)s”.") % {"kind": kind}})
        amount = money(amount, "costs")
        if amount < 0:
            raise ValidationError({"costs": _("A cost cannot be negative.")})
        actual_by_kind[kind] = actual_by_kind.get(kind, Decimal("0")) + amount
    total = sum(actual_by_kind.values(), Decimal("0.00"))
    ledger_services.settle(case=case, actual=total, by=by, on=timezone.localdate())
    items = {item.kind: item for item in case.cost_items.all()}
    for kind, amount in actual_by_kind.items():
        item = items.get(kind) or CostItem(case=case, kind=kind, estimate_usd=Decimal("0"))
        item.actual_usd = amount
        item.save()
    case.actual_usd = total
    case.return_report = return_report.strip()
    case.save(update_fields=["actual_usd", "return_report"])
    return _step(case, Step.Kind.CLOSED, by, amount=total)


@transaction.atomic
def case_cancel(*, case: Case, by, reason: str) -> Step:
    """Cancel before travel; whatever was reserved goes back to the fund."""
    ledger_services.lock_ledger()
    case, status = _locked(case)
    _expect(status, CANCELLABLE)
    if not rules.may_cancel(by, case):
        raise PermissionDenied
    reason = _reason(reason, required=True)
    ledger_services.settle(case=case, actual=None, by=by, on=timezone.localdate())
    return _step(case, Step.Kind.CANCELLED, by, reason=reason)


@transaction.atomic
def case_erase_personal_data(*, case: Case) -> Case:
    """Retention: blank every personal field and delete the files, keep the anonymised record
    (countries, category, sex, age band, amounts, dates) and the money."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    for name in PERSONAL_FIELDS:
        setattr(case, name, "")
    case.document_hash = case.name_dob_hash = ""
    case.personal_data_erased_at = timezone.now()
    case.save()
    # A decision keeps a (blank) reason: the constraint wants one, the person's story goes.
    case.steps.exclude(reason="").update(reason=ERASED)
    for attachment in case.attachments.all():
        vault.delete(attachment.storage_name)
        attachment.delete()
    return case
