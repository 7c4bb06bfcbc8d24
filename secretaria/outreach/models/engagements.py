"""The Secretariat's outreach: engagements (events it is invited to, missions, informal
meetings), what it delivered there, their follow-ups and costs, and its promotion material.

An engagement that needs the Pro-Tempore Presidency's approval moves requested → approved |
declined → attended | cancelled; one that does not (an informal meeting) starts planned.
The PPT's decision is taken by an official of the country holding the presidency that day
(the rule agendas use: ``meetings.agenda.decide``). Confidential notes are the Secretariat's
only: they are never indexed, exported or served to anyone else.
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

from secretaria.core.access import AccessLevel
from secretaria.core.i18n import translated
from secretaria.meetings.models import ContractedService, Currency

CENT = Decimal("0.01")


class Engagement(models.Model):
    class Kind(models.TextChoices):
        PRESENTATION = "presentation", _("Presentation")
        PANEL = "panel", _("Panel")
        MEETING = "meeting", _("Meeting")
        MISSION = "mission", _("Mission")
        INFORMAL = "informal", _("Informal meeting")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        REQUESTED = "requested", _("Awaiting the PPT's approval")
        APPROVED = "approved", _("Approved by the PPT")
        DECLINED = "declined", _("Declined by the PPT")
        ATTENDED = "attended", _("Attended")
        CANCELLED = "cancelled", pgettext_lazy("engagement status", "Cancelled")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_es = models.CharField(
        _("one-line summary (Spanish)"), max_length=300, help_text=_("As the six-monthly report lists it.")
    )
    summary_en = models.CharField(_("one-line summary (English)"), max_length=300, blank=True)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True, help_text=_("City, venue or destination."))
    country = models.ForeignKey(
        "directory.Country", verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="engagements",
    )  # fmt: skip
    organization = models.ForeignKey(
        "directory.Organization", verbose_name=_("inviting organisation"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="engagements",
    )  # fmt: skip
    contact = models.ForeignKey(
        "directory.Person", verbose_name=_("contact"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="engagements_as_contact",
    )  # fmt: skip
    secretariat_people = models.ManyToManyField(
        "directory.Person", verbose_name=_("from the Secretariat"), blank=True, related_name="engagements"
    )
    purpose_es = models.TextField(_("purpose (Spanish)"), blank=True)
    purpose_en = models.TextField(_("purpose (English)"), blank=True)
    audience_es = models.CharField(_("audience (Spanish)"), max_length=300, blank=True)
    audience_en = models.CharField(_("audience (English)"), max_length=300, blank=True)
    # Informal meetings (and a mission's meetings): whom the Secretariat met, about what.
    people_met = models.ManyToManyField(
        "directory.Person", verbose_name=_("people met"), blank=True, related_name="engagements_met"
    )
    organizations_met = models.ManyToManyField(
        "directory.Organization", verbose_name=_("organisations met"), blank=True, related_name="engagements_met"
    )
    topics_es = models.TextField(_("topics (Spanish)"), blank=True)
    topics_en = models.TextField(_("topics (English)"), blank=True)
    confidential_notes = models.TextField(
        _("confidential notes"), blank=True, help_text=_("Seen by the Technical Secretariat only.")
    )
    mission_report = models.ForeignKey(
        "documents.Document", verbose_name=_("mission report"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    access_level = models.CharField(
        _("who may see it"), max_length=16, choices=AccessLevel.choices, default=AccessLevel.MEMBERS
    )
    needs_approval = models.BooleanField(_("needs the PPT's approval"), default=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(_("requested"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    decision_comment = models.TextField(_("the PPT's comment"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    title = translated("title")
    summary = translated("summary")
    purpose = translated("purpose")
    audience = translated("audience")
    topics = translated("topics")

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = _("outreach engagement")
        verbose_name_plural = _("outreach engagements")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="engagement_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is before the start date.")
        if self.kind and self.kind not in self.Kind.values:
            errors["kind"] = _("Unknown kind of engagement.")
        if (
            self.contact_id
            and self.organization_id
            and self.contact.organization_id not in (None, self.organization_id)
        ):
            errors["contact"] = _("The contact does not belong to the inviting organisation.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.REQUESTED

    @property
    def approved_by_ppt(self) -> bool:
        return self.needs_approval and self.decided_at is not None and self.status in (
            self.Status.APPROVED, self.Status.ATTENDED,
        )  # fmt: skip


class EngagementDocument(models.Model):
    """What the Secretariat delivered: a presentation, a paper, a mission report."""

    class Role(models.TextChoices):
        PRESENTATION = "presentation", _("Presentation")
        PAPER = "paper", _("Paper")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    engagement = models.ForeignKey(Engagement, verbose_name=_("engagement"), on_delete=models.CASCADE,
                                   related_name="deliverables")  # fmt: skip
    document = models.ForeignKey(
        "documents.Document", verbose_name=_("document"), on_delete=models.PROTECT, related_name="engagement_links"
    )
    role = models.CharField(_("delivered as"), max_length=16, choices=Role.choices, default=Role.PRESENTATION)

    class Meta:
        ordering = ["engagement", "pk"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        constraints = [models.UniqueConstraint(fields=["engagement", "document"], name="engagement_document_once")]

    def __str__(self):
        return f"{self.engagement} — {self.document}"


class FollowUp(models.Model):
    """An outcome of an engagement, or a follow-up the Secretariat owes (done when ``done_on`` is set)."""

    class Kind(models.TextChoices):
        OUTCOME = "outcome", _("Outcome")
        FOLLOW_UP = "follow_up", _("Follow-up")

    engagement = models.ForeignKey(Engagement, verbose_name=_("engagement"), on_delete=models.CASCADE,
                                   related_name="follow_ups")  # fmt: skip
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.OUTCOME)
    text_es = models.TextField(_("text (Spanish)"))
    text_en = models.TextField(_("text (English)"), blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)

    text = translated("text")

    class Meta:
        ordering = ["engagement", "kind", "pk"]
        verbose_name = _("outcome or follow-up")
        verbose_name_plural = _("outcomes and follow-ups")

    def __str__(self):
        return self.text[:80]


class MissionCost(models.Model):
    """A cost of a mission (travel, lodging, daily allowance…) and who financed it. The amounts,
    currencies, exchange rate and funders are those of the meetings' contracted services."""

    class Kind(models.TextChoices):
        TRAVEL = "travel", _("Travel")
        LODGING = "lodging", _("Lodging")
        ALLOWANCE = "allowance", _("Daily allowance")
        OTHER = "other", _("Other")

    Funder = ContractedService.Funder

    engagement = models.ForeignKey(Engagement, verbose_name=_("engagement"), on_delete=models.CASCADE,
                                   related_name="costs")  # fmt: skip
    kind = models.CharField(_("cost"), max_length=12, choices=Kind.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.USD)
    usd_rate = models.DecimalField(
        _("exchange rate"), max_digits=14, decimal_places=6, default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.000001"))],
    )  # fmt: skip
    funder = models.CharField(_("financed by"), max_length=20, choices=ContractedService.Funder.choices)
    funder_country = models.ForeignKey(
        "directory.Country", verbose_name=_("sponsor country"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    funder_organization = models.ForeignKey(
        "directory.Organization", verbose_name=_("financing organisation"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["engagement", "kind", "pk"]
        verbose_name = _("mission cost")
        verbose_name_plural = _("mission costs")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="mission_cost_amount_not_negative"),
            models.CheckConstraint(condition=Q(usd_rate__gt=0), name="mission_cost_usd_rate_positive"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.currency} {self.amount})"

    def clean(self):
        errors = {}
        if self.currency == Currency.USD and self.usd_rate is not None and self.usd_rate != 1:
            errors["usd_rate"] = _("An amount in US dollars has an exchange rate of 1.")
        if self.funder == self.Funder.SPONSOR_COUNTRY and not self.funder_country_id:
            errors["funder_country"] = _("Choose the country that finances this cost.")
        if self.funder == self.Funder.OTHER_ORGANIZATION and not self.funder_organization_id:
            errors["funder_organization"] = _("Choose the organisation that finances this cost.")
        if errors:
            raise ValidationError(errors)

    @property
    def amount_usd(self) -> Decimal:
        return (Decimal(self.amount) / Decimal(self.usd_rate)).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def funder_label(self) -> str:
        if self.funder == self.Funder.SPONSOR_COUNTRY and self.funder_country_id:
            return str(self.funder_country.name)
        if self.funder == self.Funder.OTHER_ORGANIZATION and self.funder_organization_id:
            return str(self.funder_organization)
        return str(self.get_funder_display())


class Material(models.Model):
    """Promotion and research material (a poster, a brochure, a research paper): a document of
    the documents app, with its own draft → reviewed → published workflow."""

    class Kind(models.TextChoices):
        POSTER = "poster", _("Poster")
        BROCHURE = "brochure", _("Brochure")
        RESEARCH = "research", _("Research paper")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEWED = "reviewed", _("Reviewed")
        PUBLISHED = "published", _("Published")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_es = models.CharField(_("one-line summary (Spanish)"), max_length=300)
    summary_en = models.CharField(_("one-line summary (English)"), max_length=300, blank=True)
    date = models.DateField(_("date"))
    document = models.ForeignKey(
        "documents.Document", verbose_name=_("document"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="outreach_materials",
    )  # fmt: skip
    engagement = models.ForeignKey(
        Engagement, verbose_name=_("engagement"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="materials",
    )  # fmt: skip
    campaign = models.CharField(_("campaign"), max_length=200, blank=True)
    access_level = models.CharField(
        _("who may see it once published"), max_length=16, choices=AccessLevel.choices, default=AccessLevel.PUBLIC
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    title = translated("title")
    summary = translated("summary")

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("promotion or research material")
        verbose_name_plural = _("promotion and research material")

    def __str__(self):
        return self.title

    @property
    def effective_access_level(self) -> str:
        """A draft or a reviewed piece is the Secretariat's until it is published."""
        return self.access_level if self.status == self.Status.PUBLISHED else AccessLevel.SECRETARIAT
