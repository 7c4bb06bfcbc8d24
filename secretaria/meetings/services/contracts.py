"""Writes for the services the Secretariat contracts for a meeting.

Every step is recorded in the activity record (``service_quoted``, ``service_contracted``,
``service_delivered``, ``service_paid``, ``service_cancelled``) with the meeting, so the
six-monthly report can say which services were negotiated, contracted and paid and when.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core.access import AccessLevel
from secretaria.directory.models import Country, Organization
from secretaria.documents import services as documents
from secretaria.documents.models import Document
from secretaria.files.filetypes import UploadRefused
from secretaria.meetings.models import (
    ContractedService,
    ContractedServiceFile,
    ContractedServiceStatusChange,
    Currency,
    Meeting,
)

Status = ContractedService.Status

# Activity kinds for the steps of a service.
ACTIVITY_KINDS = {
    Status.QUOTED: Activity.Kind.SERVICE_QUOTED,
    Status.CONTRACTED: Activity.Kind.SERVICE_CONTRACTED,
    Status.DELIVERED: Activity.Kind.SERVICE_DELIVERED,
    Status.PAID: Activity.Kind.SERVICE_PAID,
    Status.CANCELLED: Activity.Kind.SERVICE_CANCELLED,
}

# The allowed moves. Payment follows delivery; a service can be dropped until it is delivered.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.QUOTED: (Status.CONTRACTED, Status.CANCELLED),
    Status.CONTRACTED: (Status.DELIVERED, Status.CANCELLED),
    Status.DELIVERED: (Status.PAID,),
    Status.PAID: (),
    Status.CANCELLED: (),
}

EDITABLE_FIELDS = (
    "kind", "supplier", "description_es", "description_en", "amount", "currency", "usd_rate", "funder",
    "funder_country", "funder_organization", "notes",
)  # fmt: skip
# Once delivered, what was agreed is fixed: the amount, currency and rate are the record.
FROZEN_AFTER_DELIVERY = ("amount", "currency", "usd_rate", "supplier", "kind")

ALLOWED_FILE_TYPES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}


def _decimal(value, field: str) -> Decimal:
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError({field: _("Enter a number.")}) from None


# Activity summaries are stored data in both languages (not interface strings), written here
# in each language like the meeting services do, so they never depend on the catalogue.
_KIND_ES = {
    "interpretation": "Interpretación",
    "translation": "Traducción",
    "audio_visual": "Equipo audiovisual",
    "it_support": "Apoyo informático y administrativo",
    "venue": "Sede",
    "catering": "Alimentación",
    "travel": "Viajes",
    "other": "Otro servicio",
}
_KIND_EN = {
    "interpretation": "Interpretation",
    "translation": "Translation",
    "audio_visual": "Audio-visual equipment",
    "it_support": "IT and administrative support",
    "venue": "Venue",
    "catering": "Catering",
    "travel": "Travel",
    "other": "Other service",
}
_STATUS_ES = {
    "quoted": "cotizado",
    "contracted": "contratado",
    "delivered": "prestado",
    "paid": "pagado",
    "cancelled": "cancelado",
}


def _summary(service: ContractedService, status: str) -> tuple[str, str]:
    """The activity's summary in both languages: what, for which meeting, from whom, how much."""
    meeting, supplier, amount = service.meeting, service.supplier, f"{service.currency} {service.amount:,.2f}"
    summary_es = (
        f"{_KIND_ES[service.kind]} para «{meeting.title_es}» ({supplier.name_es}, {amount}): {_STATUS_ES[status]}"
    )
    summary_en = (
        f"{_KIND_EN[service.kind]} for “{meeting.title_en or meeting.title_es}” "
        f"({supplier.name_en or supplier.name_es}, {amount}): {status}"
    )
    return summary_es, summary_en


def _record(service: ContractedService, status: str, *, by, on: datetime.datetime | None) -> None:
    summary_es, summary_en = _summary(service, status)
    activity_record(
        kind=ACTIVITY_KINDS[status],
        actor=by,
        meeting=service.meeting,
        obj=service,
        summary_es=summary_es,
        summary_en=summary_en,
        on=on,
    )


def _validate(service: ContractedService) -> None:
    if service.supplier_id and service.supplier.kind != Organization.Kind.SUPPLIER:
        raise ValidationError({"supplier": _("Choose an organisation registered as a supplier.")})
    if service.funder != ContractedService.Funder.SPONSOR_COUNTRY:
        service.funder_country = None
    if service.funder != ContractedService.Funder.OTHER_ORGANIZATION:
        service.funder_organization = None
    service.full_clean(exclude=["meeting", "created_by"])


@transaction.atomic
def service_create(
    *,
    meeting: Meeting,
    by,
    kind: str,
    supplier: Organization,
    amount,
    currency: str,
    funder: str,
    usd_rate=Decimal("1"),
    description_es: str = "",
    description_en: str = "",
    funder_country: Country | None = None,
    funder_organization: Organization | None = None,
    notes: str = "",
    on: datetime.datetime | None = None,
) -> ContractedService:
    """Record a service as quoted (the first step), with its history and activity."""
    service = ContractedService(
        meeting=meeting,
        kind=kind,
        supplier=supplier,
        amount=_decimal(amount, "amount"),
        currency=(currency or "").upper(),
        usd_rate=_decimal(usd_rate, "usd_rate"),
        funder=funder,
        funder_country=funder_country,
        funder_organization=funder_organization,
        description_es=description_es,
        description_en=description_en,
        notes=notes,
        status=Status.QUOTED,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        created_at=on or timezone.now(),
    )
    _validate(service)
    service.save()
    ContractedServiceStatusChange.objects.create(
        service=service, from_status="", to_status=Status.QUOTED, changed_by=service.created_by,
        changed_at=service.created_at,
    )  # fmt: skip
    _record(service, Status.QUOTED, by=by, on=on)
    return service


@transaction.atomic
def service_update(service: ContractedService, *, by, **changes) -> ContractedService:
    """Change what was quoted or agreed. A paid or cancelled service is closed; after
    delivery the supplier, amount, currency and rate can no longer change."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if service.status in (Status.PAID, Status.CANCELLED):
        raise ValidationError(_("A paid or cancelled service can no longer be changed."))
    for name in ("amount", "usd_rate"):
        if name in changes:
            changes[name] = _decimal(changes[name], name)
    if "currency" in changes:
        changes["currency"] = (changes["currency"] or "").upper()
    if service.status == Status.DELIVERED:
        for name in FROZEN_AFTER_DELIVERY:
            if name in changes and changes[name] != getattr(service, name):
                raise ValidationError({name: _("The service was delivered: what was agreed can no longer be changed.")})
    for name, value in changes.items():
        setattr(service, name, value)
    _validate(service)
    service.save()
    return service


def allowed_transitions(service: ContractedService) -> tuple[str, ...]:
    return TRANSITIONS[service.status]


@transaction.atomic
def service_set_status(
    service: ContractedService, *, to: str, by, note: str = "", on: datetime.datetime | None = None
) -> ContractedService:
    """Move a service one step (quoted → contracted → delivered → paid, or cancelled)."""
    service = (
        ContractedService.objects.select_for_update(of=("self",))
        .select_related("meeting", "supplier")
        .get(pk=service.pk)
    )
    if to not in Status.values:
        raise ValidationError(_("Unknown status."))
    if to not in TRANSITIONS[service.status]:
        if to == Status.PAID and service.status == Status.QUOTED:
            message = _("A service that was never contracted cannot be paid.")
        elif to == Status.PAID and service.status == Status.CONTRACTED:
            message = _("Record the delivery of the service before its payment.")
        else:
            message = _("A service cannot go from “%(from)s” to “%(to)s”.") % {
                "from": service.get_status_display(),
                "to": Status(to).label,
            }
        raise ValidationError(message)
    previous = service.status
    service.status = to
    service.save(update_fields=["status", "updated_at"])
    ContractedServiceStatusChange.objects.create(
        service=service,
        from_status=previous,
        to_status=to,
        changed_by=by if getattr(by, "is_authenticated", False) else None,
        changed_at=on or timezone.now(),
        note=note[:500],
    )
    _record(service, to, by=by, on=on)
    return service


def service_file_validate(file) -> None:
    """Quotes and contracts: PDF, office documents or scanned images, within the size limit."""
    suffix = PurePath(file.name or "").suffix.lower()
    if suffix not in ALLOWED_FILE_TYPES:
        raise ValidationError(_("Upload a PDF, DOCX, XLSX, ODT, ODS, JPEG or PNG file."), code="file_type")
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if file.size is not None and file.size > limit:
        raise ValidationError(_("The file is larger than %(mb)s MB.") % {"mb": settings.MAX_UPLOAD_MB})
    if not file.size:
        raise ValidationError(_("The file is empty."))
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if not any(head.startswith(magic) for magic in ALLOWED_FILE_TYPES[suffix]):
        raise ValidationError(_("The file's content does not match its type (%(suffix)s).") % {"suffix": suffix})


_FILE_KIND_ES = {
    "quote": "Cotización",
    "contract": "Contrato",
    "invoice": "Factura",
    "receipt": "Comprobante de pago",
    "other": "Documento",
}
_FILE_KIND_EN = {
    "quote": "Quote",
    "contract": "Contract",
    "invoice": "Invoice",
    "receipt": "Receipt of payment",
    "other": "Document",
}


def _file_symbol(service: ContractedService) -> str:
    """A free symbol in the documents register: ST/SERV/<year>/<service>-<n>."""

    year = service.meeting.start_date.year
    taken = set(
        Document.objects.filter(symbol__startswith=f"ST/SERV/{year}/{service.pk}-").values_list("symbol", flat=True)
    )
    number = 1
    while f"ST/SERV/{year}/{service.pk}-{number}" in taken:
        number += 1
    return f"ST/SERV/{year}/{service.pk}-{number}"


@transaction.atomic
def service_file_add(
    service: ContractedService, *, by, kind: str, file, language: str = "es", on: datetime.datetime | None = None
) -> ContractedServiceFile:
    """Attach a quote, contract, invoice or receipt: a draft document readable only by the
    Secretariat (documents app), authored by the supplier, linked to the service."""

    if kind not in ContractedServiceFile.Kind.values:
        raise ValidationError({"kind": _("Unknown kind of file.")})
    service_file_validate(file)
    meeting, supplier = service.meeting, service.supplier
    document = documents.document_create(
        by=by,
        symbol=_file_symbol(service),
        date=timezone.localdate(on) if on else timezone.localdate(),
        doc_type=Document.Type.OTHER,
        title_es=f"{_FILE_KIND_ES[kind]}: {_KIND_ES[service.kind]} — {meeting.title_es} ({supplier.name_es})",
        title_en=(
            f"{_FILE_KIND_EN[kind]}: {_KIND_EN[service.kind]} — {meeting.title_en or meeting.title_es} "
            f"({supplier.name_en or supplier.name_es})"
        ),
        author=supplier,
        access_level=AccessLevel.SECRETARIAT,
    )
    try:
        documents.document_add_file(
            document=document, by=by, fileobj=file, name=PurePath(file.name).name, language=language
        )
    except UploadRefused as refusal:
        raise ValidationError({"file": str(refusal)}) from None
    return ContractedServiceFile.objects.create(
        service=service,
        kind=kind,
        document=document,
        added_by=by if getattr(by, "is_authenticated", False) else None,
        added_at=on or timezone.now(),
    )


def supplier_create(*, name: str, country: Country | None = None, email: str = "", website: str = "") -> Organization:
    """A new supplier in the directory (kind "supplier"), or the existing one of that name."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"new_supplier": _("Enter the supplier's name.")})
    existing = Organization.objects.filter(kind=Organization.Kind.SUPPLIER, name_es__iexact=name).first()
    if existing is not None:
        return existing
    supplier = Organization(
        kind=Organization.Kind.SUPPLIER, name_es=name, country=country, email=email, website=website
    )
    supplier.full_clean()
    supplier.save()
    return supplier


def currency_valid(code: str) -> bool:
    return (code or "").upper() in Currency.values
