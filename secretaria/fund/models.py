"""The reserve fund for assisted voluntary return: the protocol's settings, the confidential
cases and their typed steps, and the fund's double-entry ledger.

Personal data lives only in the ``Encrypted*`` fields (crypto.py) and in encrypted files; the
other columns of a case are the non-identifying ones that lists and statistics use. A case's
status is never stored: it is read from its steps (``status_from_steps``).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from secretaria.fund.crypto import EncryptedCharField, EncryptedTextField

USD = Decimal("0.01")


class Category(models.TextChoices):
    UNACCOMPANIED_MINOR = "minor", _("Unaccompanied child or adolescent")
    DISABILITY = "disability", _("Person with a disability")
    OVER_70 = "over70", _("Person over 70")
    ILLNESS = "illness", _("Physical or mental injury or illness")
    OTHER = "other", _("Other highly vulnerable situation")


class RequesterKind(models.TextChoices):
    DEPARTURE_AUTHORITY = "departure", _("Government authority of the country of departure")
    RETURN_AUTHORITY = "return", _("Government authority of the country of return")
    INTERNATIONAL = "international", _("International organisation")
    CIVIL_SOCIETY = "civil_society", _("Eligible civil-society organisation")


class ExceptionApprover(models.TextChoices):
    PPT = "ppt", _("The Pro-Tempore Presidency")
    OFFICER = "officer", _("A fund officer of the Secretariat")


class Sex(models.TextChoices):
    FEMALE = "f", _("Female")
    MALE = "m", _("Male")
    OTHER = "x", _("Other or not stated")


class AgeBand(models.TextChoices):
    CHILD = "0-11", _("0–11")
    ADOLESCENT = "12-17", _("12–17")
    ADULT = "18-69", _("18–69")
    OVER_70 = "70+", _("70 and over")
    UNKNOWN = "unknown", _("Unknown")


def age_band_for(age: int | None) -> str:
    if age is None:
        return AgeBand.UNKNOWN
    if age < 12:
        return AgeBand.CHILD
    if age < 18:
        return AgeBand.ADOLESCENT
    if age < 70:
        return AgeBand.ADULT
    return AgeBand.OVER_70


def _all_categories():
    return list(Category.values)


def _all_requester_kinds():
    return list(RequesterKind.values)


def _default_periods():
    return ["01-01", "07-01"]


class ProtocolSettings(models.Model):
    """What the IOM–CRM protocol fixes, in one record the Secretariat edits (with history)."""

    categories = models.JSONField(_("eligible vulnerability categories"), default=_all_categories)
    requester_kinds = models.JSONField(_("eligible requester kinds"), default=_all_requester_kinds)
    cap_usd = models.DecimalField(_("cap per case (US$)"), max_digits=10, decimal_places=2, default=Decimal("1000"))
    exception_approver = models.CharField(
        _("who approves an exception above the cap"),
        max_length=10,
        choices=ExceptionApprover.choices,
        default=ExceptionApprover.PPT,
    )
    reporting_periods = models.JSONField(
        _("reporting periods (start of each, MM-DD)"),
        default=_default_periods,
        help_text=_("The GRCM receives the fund's report twice a year: 01-01 and 07-01 by default."),
    )
    retention_years = models.PositiveSmallIntegerField(_("years personal data is kept after closure"), default=5)
    step_days = models.PositiveSmallIntegerField(_("days a step may wait before it is overdue"), default=10)
    protocol_symbol = models.CharField(_("symbol of the protocol document"), max_length=60, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("protocol settings")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="fund_settings_single_row"),
            models.CheckConstraint(condition=Q(cap_usd__gt=0), name="fund_settings_cap_positive"),
        ]

    def __str__(self):
        return str(_("Protocol settings"))


class FundRole(models.Model):
    """A platform user's role in the fund, granted by a fund officer (the PPT's approvers are not
    granted: they follow the presidency, see rules.py)."""

    class Kind(models.TextChoices):
        OFFICER = "officer", _("Fund officer (Technical Secretariat)")
        IOM_OFFICE = "iom", _("IOM country office")
        REQUESTER = "requester", _("Requester")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fund_roles")
    kind = models.CharField(_("role"), max_length=10, choices=Kind.choices)
    country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("The IOM office's country."),
    )
    requester_kind = models.CharField(_("requester kind"), max_length=16, choices=RequesterKind.choices, blank=True)
    active = models.BooleanField(_("active"), default=True)
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("fund role")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="iom") | Q(country__isnull=False), name="fund_role_iom_has_country"
            ),
            models.CheckConstraint(
                condition=~Q(kind="requester") | ~Q(requester_kind=""), name="fund_role_requester_has_kind"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"


class CaseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ASSESSED = "assessed", _("Assessed by IOM")
    EXCEPTION_APPROVED = "exception_approved", _("Exception above the cap approved")
    APPROVED = "approved", _("Funding approved")
    REJECTED = "rejected", _("Rejected")
    TRAVELLED = "travelled", _("Travel executed")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class Case(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="fund_cases_created"
    )
    # Who asks: a platform user, or (recorded by the IOM office) a requester named on paper.
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="fund_cases"
    )
    requester_kind = models.CharField(_("requester kind"), max_length=16, choices=RequesterKind.choices)
    requester_organization = models.ForeignKey(
        "directory.Organization", verbose_name=_("requesting organisation"), null=True, blank=True,
        on_delete=models.PROTECT,
    )  # fmt: skip
    requester_name = EncryptedCharField(_("requester named on the request"), max_length=200, blank=True)

    # Non-identifying: lists and statistics.
    country_present = models.ForeignKey(
        "directory.Country", verbose_name=_("country where the migrant is"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    country_departure = models.ForeignKey(
        "directory.Country", verbose_name=_("country of departure"), on_delete=models.PROTECT, related_name="+"
    )
    country_return = models.ForeignKey(
        "directory.Country", verbose_name=_("country of return"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(_("vulnerability category"), max_length=12, choices=Category.choices)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    age_band = models.CharField(_("age band"), max_length=8, choices=AgeBand.choices, default=AgeBand.UNKNOWN)
    accompanying_count = models.PositiveSmallIntegerField(_("accompanying persons"), default=0)

    # Personal data, encrypted at rest.
    given_names = EncryptedCharField(_("given names"), max_length=200, blank=True)
    family_names = EncryptedCharField(_("family names"), max_length=200, blank=True)
    date_of_birth = EncryptedCharField(_("date of birth (YYYY-MM-DD)"), max_length=10, blank=True)
    estimated_age = EncryptedCharField(_("estimated age"), max_length=3, blank=True)
    nationality = EncryptedCharField(_("nationality"), max_length=100, blank=True)
    identity_document = EncryptedCharField(_("identity document"), max_length=100, blank=True)
    current_location = EncryptedTextField(_("current location"), blank=True)
    destination = EncryptedTextField(_("destination"), blank=True)
    receiving_contact = EncryptedTextField(_("receiving contact"), blank=True)
    category_justification = EncryptedTextField(_("justification of the category"), blank=True)
    other_reason = EncryptedTextField(_("why “other”"), blank=True)
    accompanying_persons = EncryptedTextField(_("accompanying persons"), blank=True)
    escort = EncryptedTextField(_("escort"), blank=True)
    travel_plan = EncryptedTextField(_("route and travel plan"), blank=True)
    return_report = EncryptedTextField(_("return report"), blank=True)

    # Keyed hashes (crypto.keyed_hash): a possible earlier case, found without decrypting.
    document_hash = models.CharField(max_length=64, blank=True, db_index=True)
    name_dob_hash = models.CharField(max_length=64, blank=True, db_index=True)

    # Money, fixed by the steps: the cap when approved, the exception's ceiling, the approved
    # (reserved) amount and the actual cost. The database holds the cap as well as the form.
    cap_usd = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    exception_usd = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    approved_usd = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    actual_usd = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)

    # Set at assessment: the estimate is above the cap, so funding needs an exception first.
    needs_exception = models.BooleanField(default=False)
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(approved_usd__isnull=True)
                | Q(approved_usd__gt=0, cap_usd__isnull=False, approved_usd__lte=F("cap_usd"))
                | Q(approved_usd__gt=0, exception_usd__isnull=False, approved_usd__lte=F("exception_usd")),
                name="fund_case_approved_within_cap_or_exception",
            ),
            models.CheckConstraint(
                condition=Q(actual_usd__isnull=True) | Q(actual_usd__gte=0), name="fund_case_actual_not_negative"
            ),
            models.CheckConstraint(
                condition=~Q(category="other") | ~Q(other_reason="") | Q(personal_data_erased_at__isnull=False),
                name="fund_case_other_has_reason",
            ),
        ]

    def __str__(self):
        # Only the code: a case's str() reaches logs, admin titles and error reports.
        return self.code

    def __repr__(self):
        return f"<Case {self.code}>"

    def clean(self):
        if self.category == Category.OTHER and not (self.other_reason or "").strip():
            raise ValidationError({"other_reason": _("Say why the case falls under “other”.")})
        if self.country_departure_id and self.country_departure_id == self.country_return_id:
            raise ValidationError({"country_return": _("The country of return must differ from that of departure.")})


class Step(models.Model):
    """One typed, dated, attributed record of the workflow; the case's status is the last one's."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ASSESSED = "assessed", _("Assessed by IOM")
        EXCEPTION_APPROVED = "exception_approved", _("Exception above the cap approved")
        APPROVED = "approved", _("Funding approved")
        REJECTED = "rejected", _("Rejected")
        TRAVELLED = "travelled", _("Travel executed")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("step"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    reason = EncryptedTextField(_("reason"), blank=True)
    amount_usd = models.DecimalField(_("amount (US$)"), max_digits=10, decimal_places=2, null=True, blank=True)
    eligible = models.BooleanField(null=True)

    class Meta:
        ordering = ["pk"]  # the order they were recorded in: the last one is the status
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind__in=["rejected", "cancelled", "exception_approved"]) | ~Q(reason=""),
                name="fund_step_decision_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(amount_usd__isnull=True) | Q(amount_usd__gte=0), name="fund_step_amount_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.case_id}:{self.kind}"


STATUS_OF_STEP = {
    Step.Kind.SUBMITTED: CaseStatus.SUBMITTED,
    Step.Kind.ASSESSED: CaseStatus.ASSESSED,
    Step.Kind.EXCEPTION_APPROVED: CaseStatus.EXCEPTION_APPROVED,
    Step.Kind.APPROVED: CaseStatus.APPROVED,
    Step.Kind.REJECTED: CaseStatus.REJECTED,
    Step.Kind.TRAVELLED: CaseStatus.TRAVELLED,
    Step.Kind.CLOSED: CaseStatus.CLOSED,
    Step.Kind.CANCELLED: CaseStatus.CANCELLED,
}


def status_from_steps(kinds: list[str]) -> str:
    return STATUS_OF_STEP[kinds[-1]] if kinds else CaseStatus.DRAFT


class CostItem(models.Model):
    class Kind(models.TextChoices):
        TRANSPORT = "transport", _("Transport")
        ESCORT = "escort", _("Escort")
        PER_DIEM = "per_diem", _("Per diem")
        MEDICAL = "medical", _("Medical")
        DOCUMENTS = "documents", _("Documents")
        OTHER = "other", _("Other")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="cost_items")
    kind = models.CharField(_("item"), max_length=10, choices=Kind.choices)
    estimate_usd = models.DecimalField(_("estimate (US$)"), max_digits=10, decimal_places=2)
    actual_usd = models.DecimalField(_("actual (US$)"), max_digits=10, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(estimate_usd__gte=0), name="fund_cost_estimate_not_negative"),
            models.CheckConstraint(
                condition=Q(actual_usd__isnull=True) | Q(actual_usd__gte=0), name="fund_cost_actual_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.estimate_usd}"


class Attachment(models.Model):
    """A confidential file: its bytes encrypted under MEDIA_ROOT/private/fund/, its name encrypted."""

    class Kind(models.TextChoices):
        CONSENT = "consent", _("Consent form")
        MEDICAL = "medical", _("Medical certificate")
        IDENTITY = "identity", _("Identity document copy")
        RETURN_REPORT = "return_report", _("Return report")
        OTHER = "other", _("Other")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    filename = EncryptedCharField(_("file name"), max_length=255)
    storage_name = models.CharField(max_length=200, unique=True)
    mime = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.case_id}:{self.kind}"


class AccessLogEntry(models.Model):
    """Append-only: every reveal of personal data, every download and every export."""

    class Action(models.TextChoices):
        REVEAL = "reveal", _("Revealed personal data")
        DOWNLOAD = "download", _("Downloaded a file")
        EXPORT = "export", _("Exported")

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.PROTECT, related_name="access_log")
    reason = models.TextField(_("reason"))
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="fund_access_log_has_reason")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("the fund's access log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("the fund's access log is append-only")


# --- The ledger -------------------------------------------------------------------------


class Contribution(models.Model):
    class Status(models.TextChoices):
        PLEDGED = "pledged", _("Pledged")
        RECEIVED = "received", _("Received")

    country = models.ForeignKey(
        "directory.Country", verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT
    )
    donor_name = models.CharField(_("other donor"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLEDGED)
    pledged_on = models.DateField(_("pledged on"))
    received_on = models.DateField(_("received on"), null=True, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    rate_to_usd = models.DecimalField(_("rate to US$"), max_digits=12, decimal_places=6, default=Decimal("1"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["pledged_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="fund_contribution_amount_positive"),
            models.CheckConstraint(condition=Q(rate_to_usd__gt=0), name="fund_contribution_rate_positive"),
            models.CheckConstraint(
                condition=Q(country__isnull=False) | ~Q(donor_name=""), name="fund_contribution_has_donor"
            ),
            models.CheckConstraint(
                condition=~Q(status="received") | Q(received_on__isnull=False), name="fund_contribution_received_dated"
            ),
        ]

    def __str__(self):
        return f"{self.contributor} {self.amount} {self.currency}"

    @property
    def contributor(self) -> str:
        return str(self.country) if self.country_id else self.donor_name

    @property
    def amount_usd(self) -> Decimal:
        return (self.amount * self.rate_to_usd).quantize(USD)


class Account(models.TextChoices):
    """The fund's accounts. A posting debits one and credits another by the same amount."""

    CONTRIBUTIONS = "contributions", _("Contributions received")
    AVAILABLE = "available", _("Available")
    RESERVED = "reserved", _("Reserved for cases")
    DISBURSED = "disbursed", _("Disbursed")


class Posting(models.Model):
    """One double-entry posting: ``amount`` debited to one account and credited to another, so
    every row balances by construction; balances are sums of postings, never stored."""

    class Kind(models.TextChoices):
        RECEIPT = "receipt", _("Contribution received")
        RESERVATION = "reservation", _("Reservation")
        DISBURSEMENT = "disbursement", _("Disbursement")
        RELEASE = "release", _("Release")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    on = models.DateField(_("date"))
    debit = models.CharField(max_length=14, choices=Account.choices)
    credit = models.CharField(max_length=14, choices=Account.choices)
    amount_usd = models.DecimalField(_("amount (US$)"), max_digits=12, decimal_places=2)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.PROTECT, related_name="postings")
    contribution = models.ForeignKey(
        Contribution, null=True, blank=True, on_delete=models.PROTECT, related_name="postings"
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_usd__gt=0), name="fund_posting_amount_positive"),
            models.CheckConstraint(condition=~Q(debit=F("credit")), name="fund_posting_two_accounts"),
            models.CheckConstraint(
                condition=(Q(kind="receipt") & Q(contribution__isnull=False) & Q(case__isnull=True))
                | (~Q(kind="receipt") & Q(case__isnull=False) & Q(contribution__isnull=True)),
                name="fund_posting_refers_to_its_source",
            ),
            models.UniqueConstraint(fields=["contribution"], name="fund_posting_one_receipt_per_contribution"),
        ]

    def __str__(self):
        return f"{self.on} {self.kind} {self.amount_usd}"


class LedgerLock(models.Model):
    """One row that every movement of money locks (SELECT … FOR UPDATE) before it reads the
    balance, so two approvals at once cannot both spend the same dollars."""

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="fund_ledger_lock_single_row")]

    def __str__(self):
        return "ledger"
