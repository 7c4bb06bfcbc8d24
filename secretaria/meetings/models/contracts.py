"""Services the Secretariat contracts for a meeting: interpretation, translation, equipment…

Each service has a supplier (a directory organisation of kind "supplier"), an amount in its
own currency with the exchange rate to the US dollar at contracting, who finances it, and a
status that moves quoted → contracted → delivered → paid (or cancelled) through
``services_contracts.service_set_status``, which keeps the history. Quotes, contracts and
invoices are attached as documents of the documents app that only the Secretariat may read.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from secretaria.core.i18n import translated

CENT = Decimal("0.01")


class Currency(models.TextChoices):
    """ISO 4217 codes of the currencies the Secretariat pays in (the region's and the donors')."""

    USD = "USD", _("US dollar (USD)")
    CAD = "CAD", _("Canadian dollar (CAD)")
    MXN = "MXN", _("Mexican peso (MXN)")
    GTQ = "GTQ", _("Guatemalan quetzal (GTQ)")
    BZD = "BZD", _("Belize dollar (BZD)")
    HNL = "HNL", _("Honduran lempira (HNL)")
    NIO = "NIO", _("Nicaraguan córdoba (NIO)")
    CRC = "CRC", _("Costa Rican colón (CRC)")
    PAB = "PAB", _("Panamanian balboa (PAB)")
    DOP = "DOP", _("Dominican peso (DOP)")
    COP = "COP", _("Colombian peso (COP)")
    EUR = "EUR", _("Euro (EUR)")


class ContractedService(models.Model):
    class Kind(models.TextChoices):
        INTERPRETATION = "interpretation", _("Interpretation")
        TRANSLATION = "translation", _("Translation")
        AUDIO_VISUAL = "audio_visual", _("Audio-visual equipment")
        IT_SUPPORT = "it_support", _("IT and administrative support")
        VENUE = "venue", _("Venue")
        CATERING = "catering", _("Catering")
        TRAVEL = "travel", _("Travel")
        OTHER = "other", _("Other")

    class Funder(models.TextChoices):
        SECRETARIAT = "secretariat", _("Secretariat funds")
        SPONSOR_COUNTRY = "sponsor_country", _("A sponsor country")
        IOM = "iom", _("IOM")
        OTHER_ORGANIZATION = "other_organization", _("Another organisation")

    class Status(models.TextChoices):
        QUOTED = "quoted", _("Quoted")
        CONTRACTED = "contracted", _("Contracted")
        DELIVERED = "delivered", _("Delivered")
        PAID = "paid", _("Paid")
        CANCELLED = "cancelled", pgettext_lazy("service status", "Cancelled")

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="contracted_services"
    )
    kind = models.CharField(_("service"), max_length=20, choices=Kind.choices)
    supplier = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("supplier"),
        on_delete=models.PROTECT,
        related_name="contracted_services",
        limit_choices_to={"kind": "supplier"},
    )
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.USD)
    usd_rate = models.DecimalField(
        _("exchange rate"),
        max_digits=14,
        decimal_places=6,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.000001"))],
        help_text=_("Units of the currency for one US dollar on the day of contracting (1 for US dollars)."),
    )
    funder = models.CharField(_("financed by"), max_length=20, choices=Funder.choices)
    funder_country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("sponsor country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="financed_services",
    )
    funder_organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("financing organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="financed_services",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUOTED)
    notes = models.TextField(_("internal notes"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    description = translated("description")

    class Meta:
        ordering = ["meeting", "kind", "pk"]
        verbose_name = _("contracted service")
        verbose_name_plural = _("contracted services")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="service_amount_not_negative"),
            models.CheckConstraint(condition=Q(usd_rate__gt=0), name="service_usd_rate_positive"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.supplier} ({self.currency} {self.amount})"

    def clean(self):
        errors = {}
        if self.amount is not None and self.amount < 0:
            errors["amount"] = _("The amount cannot be negative.")
        if self.currency and self.currency not in Currency.values:
            errors["currency"] = _("Unknown currency: use an ISO 4217 code from the list.")
        if self.usd_rate is not None and self.usd_rate <= 0:
            errors["usd_rate"] = _("The exchange rate must be greater than zero.")
        if self.currency == Currency.USD and self.usd_rate is not None and self.usd_rate != 1:
            errors["usd_rate"] = _("An amount in US dollars has an exchange rate of 1.")
        if self.funder == self.Funder.SPONSOR_COUNTRY and not self.funder_country_id:
            errors["funder_country"] = _("Choose the sponsor country that finances this service.")
        if self.funder == self.Funder.OTHER_ORGANIZATION and not self.funder_organization_id:
            errors["funder_organization"] = _("Choose the organisation that finances this service.")
        if errors:
            raise ValidationError(errors)

    @property
    def amount_usd(self) -> Decimal:
        """The amount in US dollars at the contracting rate, rounded to the cent (half up)."""
        return (Decimal(self.amount) / Decimal(self.usd_rate)).quantize(CENT, rounding=ROUND_HALF_UP)

    def _funded_by_iom_organisation(self) -> bool:
        # IOM picked as "another organisation" is the same funder as the "IOM" choice.
        org = self.funder_organization if self.funder_organization_id else None
        return (
            self.funder == self.Funder.OTHER_ORGANIZATION
            and org is not None
            and ((org.acronym_en or "").upper() == "IOM" or (org.acronym_es or "").upper() == "OIM")
        )

    @property
    def funder_label(self) -> str:
        if self.funder == self.Funder.SPONSOR_COUNTRY and self.funder_country_id:
            return str(self.funder_country.name)
        if self._funded_by_iom_organisation():
            return str(self.Funder.IOM.label)
        if self.funder == self.Funder.OTHER_ORGANIZATION and self.funder_organization_id:
            return str(self.funder_organization)
        return str(self.get_funder_display())

    @property
    def funder_key(self) -> str:
        """Groups the cost summary: one line per funder (each sponsor country on its own)."""
        if self.funder == self.Funder.SPONSOR_COUNTRY:
            return f"country:{self.funder_country_id}"
        if self._funded_by_iom_organisation():
            return self.Funder.IOM
        if self.funder == self.Funder.OTHER_ORGANIZATION:
            return f"org:{self.funder_organization_id}"
        return self.funder

    @property
    def is_committed(self) -> bool:
        return self.status in (self.Status.CONTRACTED, self.Status.DELIVERED, self.Status.PAID)


class ContractedServiceStatusChange(models.Model):
    """One step of a service's history: who moved it from one status to another, and when."""

    service = models.ForeignKey(
        ContractedService, verbose_name=_("service"), on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(_("from"), max_length=12, choices=ContractedService.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=12, choices=ContractedService.Status.choices)
    changed_at = models.DateTimeField(_("when"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("service status change")
        verbose_name_plural = _("service status changes")

    def __str__(self):
        return f"{self.service_id}: {self.from_status or '—'} → {self.to_status}"


class ContractedServiceFile(models.Model):
    """A quote, contract or invoice of a service, kept in the documents app as a document that
    only the Technical Secretariat may read (draft, access level "secretariat"); the documents
    app stores, checks and serves the file, asking the access policy on every download."""

    class Kind(models.TextChoices):
        QUOTE = "quote", pgettext_lazy("service file", "Quote")
        CONTRACT = "contract", _("Contract")
        INVOICE = "invoice", _("Invoice")
        RECEIPT = "receipt", _("Receipt of payment")
        OTHER = "other", _("Other")

    service = models.ForeignKey(
        ContractedService, verbose_name=_("service"), on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,  # deleting the draft document in the documents app unlinks it
        related_name="contracted_service_files",
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("service file")
        verbose_name_plural = _("service files")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.document.symbol}"
