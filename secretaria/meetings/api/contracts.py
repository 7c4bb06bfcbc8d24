"""Contracted services of meetings in JSON, under /api/v1/meetings/{slug}/services.

Only the Secretariat (read and write) and the Pro-Tempore Presidency (read-only) reach these
endpoints; everyone else gets 403 (401 without credentials). Amounts are strings with their
currency, never floats: ``{"amount": "3600.00", "currency": "USD"}``.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from secretaria.accounts.auth import require_user
from secretaria.core import access
from secretaria.core.openapi import Id, Iso2, Page, Slug
from secretaria.directory.models import Country, Organization
from secretaria.meetings.models import ContractedService, Currency, Meeting
from secretaria.meetings.selectors import contracts as selectors
from secretaria.meetings.selectors.contracts import CostLine
from secretaria.meetings.services import contracts as services

router = Router(tags=["meeting services"])


class MoneyOut(Schema):
    amount: str = Field(description="Decimal amount as a string, two decimals")
    currency: str = Field(description="ISO 4217 code")


class StatusChangeOut(Schema):
    from_status: str
    to_status: str
    changed_at: datetime.datetime
    changed_by: str | None


class AttachmentOut(Schema):
    kind: str
    document: str = Field(description="Symbol of the Secretariat-only document in the documents API")


class ServiceOut(Schema):
    id: int
    meeting: str = Field(description="Slug of the meeting")
    kind: ContractedService.Kind
    kind_label: str
    supplier_id: int
    supplier: str
    description_es: str
    description_en: str
    price: MoneyOut
    usd_rate: str = Field(description="Units of the currency per US dollar at contracting")
    price_usd: MoneyOut
    funder: ContractedService.Funder
    funder_label: str
    funder_country: str | None = Field(None, description="ISO alpha-2 code of the sponsor country")
    funder_organization_id: int | None = None
    status: ContractedService.Status
    history: list[StatusChangeOut]
    attachments: list[AttachmentOut] | None = Field(
        None, description="Quotes and contracts (documents); null for readers who are not the Secretariat"
    )


class CostLineOut(Schema):
    key: str
    label: str
    count: int
    by_currency: list[MoneyOut]
    quoted_usd: str
    committed_usd: str
    paid_usd: str
    total_usd: str


class SummaryOut(Schema):
    meeting: str
    by_funder: list[CostLineOut]
    by_kind: list[CostLineOut]
    total: CostLineOut
    cancelled: int


class ServiceIn(Schema):
    kind: ContractedService.Kind
    supplier_id: Id
    amount: Decimal = Field(
        ge=0, max_digits=14, decimal_places=2, description="Not negative; sent as a string or number"
    )
    currency: str = Field(pattern=r"^[A-Za-z]{3}$", description="ISO 4217 code, e.g. USD, GTQ, PAB")
    usd_rate: Decimal = Field(
        Decimal("1"), gt=0, max_digits=14, decimal_places=6, description="Units of the currency per US dollar"
    )
    funder: ContractedService.Funder
    funder_country: Iso2 | None = Field(None, description="ISO alpha-2 code, when a sponsor country finances it")
    funder_organization_id: Id | None = None
    description_es: str = ""
    description_en: str = ""


class StatusIn(Schema):
    to: ContractedService.Status
    note: str = Field("", max_length=500)


def _money(amount: Decimal, currency: str) -> MoneyOut:
    return MoneyOut(amount=f"{amount:.2f}", currency=currency)


def _service_out(service: ContractedService, *, with_attachments: bool) -> ServiceOut:
    return ServiceOut(
        id=service.pk,
        meeting=service.meeting.slug,
        kind=service.kind,
        kind_label=str(service.get_kind_display()),
        supplier_id=service.supplier_id,
        supplier=str(service.supplier),
        description_es=service.description_es,
        description_en=service.description_en,
        price=_money(service.amount, service.currency),
        usd_rate=f"{service.usd_rate.normalize():f}",
        price_usd=_money(service.amount_usd, "USD"),
        funder=service.funder,
        funder_label=service.funder_label,
        funder_country=service.funder_country.iso2 if service.funder_country_id else None,
        funder_organization_id=service.funder_organization_id,
        status=service.status,
        history=[
            StatusChangeOut(
                from_status=change.from_status,
                to_status=change.to_status,
                changed_at=change.changed_at,
                changed_by=change.changed_by.get_username() if change.changed_by_id else None,
            )
            for change in service.status_changes.all()
        ],
        attachments=[
            AttachmentOut(kind=attachment.kind, document=attachment.document.symbol)
            for attachment in service.attachments.all()
        ]
        if with_attachments
        else None,
    )


def _line_out(line: CostLine) -> CostLineOut:
    return CostLineOut(
        key=line.key,
        label=line.label,
        count=line.count,
        by_currency=[_money(amount, code) for code, amount in line.currencies()],
        quoted_usd=f"{line.usd_quoted:.2f}",
        committed_usd=f"{line.usd_committed:.2f}",
        paid_usd=f"{line.usd_paid:.2f}",
        total_usd=f"{line.usd_total:.2f}",
    )


def _meeting(request, slug: Slug, rule: str) -> Meeting:
    user = require_user(request)
    meeting = get_object_or_404(Meeting, slug=slug)
    if not access.can(user, rule, meeting):
        raise PermissionDenied
    return meeting


def _services(meeting):
    return selectors.services_for_meeting(meeting).prefetch_related("status_changes__changed_by")


@router.get("/{slug}/services", response=list[ServiceOut], summary="Services contracted for a meeting")
@paginate(Page)
def service_list(request, slug: Slug):
    meeting = _meeting(request, slug, "meetings.view_services")
    manager = access.can(request.auth, "meetings.manage_services", meeting)
    return [_service_out(service, with_attachments=manager) for service in _services(meeting)]


@router.get(
    "/{slug}/services/summary", response=SummaryOut, summary="Cost summary of a meeting by funder and by service"
)
def service_summary(request, slug: Slug):
    meeting = _meeting(request, slug, "meetings.view_services")
    summary = selectors.cost_summary(selectors.services_for_meeting(meeting))
    return SummaryOut(
        meeting=meeting.slug,
        by_funder=[_line_out(line) for line in summary.by_funder],
        by_kind=[_line_out(line) for line in summary.by_kind],
        total=_line_out(summary.total),
        cancelled=summary.cancelled,
    )


@router.get("/{slug}/services/{service_id}", response=ServiceOut, summary="One contracted service with its history")
def service_detail(request, slug: Slug, service_id: Id):
    meeting = _meeting(request, slug, "meetings.view_services")
    manager = access.can(request.auth, "meetings.manage_services", meeting)
    return _service_out(get_object_or_404(_services(meeting), pk=service_id), with_attachments=manager)


@router.post("/{slug}/services", response={201: ServiceOut}, summary="Record a quoted service (Secretariat)")
def service_create(request, slug: Slug, payload: ServiceIn):
    meeting = _meeting(request, slug, "meetings.manage_services")
    if not services.currency_valid(payload.currency):
        raise ValidationError(
            {"currency": _("Unknown currency: use one of %(codes)s.") % {"codes": ", ".join(Currency.values)}}
        )
    supplier = Organization.objects.filter(pk=payload.supplier_id).first()
    if supplier is None:
        raise ValidationError({"supplier_id": _("No such organisation.")})
    funder_country = None
    if payload.funder_country:
        funder_country = Country.objects.filter(iso2=payload.funder_country.upper()).first()
        if funder_country is None:
            raise ValidationError({"funder_country": _("No such country.")})
    funder_organization = None
    if payload.funder_organization_id:
        funder_organization = Organization.objects.filter(pk=payload.funder_organization_id).first()
        if funder_organization is None:
            raise ValidationError({"funder_organization_id": _("No such organisation.")})
    service = services.service_create(
        meeting=meeting,
        by=request.auth,
        kind=payload.kind,
        supplier=supplier,
        amount=payload.amount,
        currency=payload.currency,
        usd_rate=payload.usd_rate,
        funder=payload.funder,
        funder_country=funder_country,
        funder_organization=funder_organization,
        description_es=payload.description_es,
        description_en=payload.description_en,
    )
    return 201, _service_out(get_object_or_404(_services(meeting), pk=service.pk), with_attachments=True)


@router.post(
    "/{slug}/services/{service_id}/status",
    response=ServiceOut,
    summary="Move a service to its next status (Secretariat)",
)
def service_status(request, slug: Slug, service_id: Id, payload: StatusIn):
    meeting = _meeting(request, slug, "meetings.manage_services")
    service = get_object_or_404(ContractedService, meeting=meeting, pk=service_id)
    services.service_set_status(service, to=payload.to, by=request.auth, note=payload.note)
    return _service_out(get_object_or_404(_services(meeting), pk=service.pk), with_attachments=True)
