"""Forms of the fund's pages (thin: the services validate again and write)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.directory.models import Country
from secretaria.fund.models import (
    Attachment,
    Case,
    Category,
    Contribution,
    CostItem,
    ExceptionApprover,
    ProtocolSettings,
    RequesterKind,
)
from secretaria.fund.services.cases import PERSONAL_FIELDS, PLAIN_FIELDS

MONEY = {"max_digits": 10, "decimal_places": 2, "min_value": Decimal("0")}


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [*PLAIN_FIELDS, *PERSONAL_FIELDS]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in (
            "current_location", "destination", "receiving_contact", "category_justification", "other_reason",
            "accompanying_persons", "escort", "travel_plan",
        )}  # fmt: skip

    def __init__(self, *args, costs: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["return_report"]
        for name in ("country_present", "country_departure", "country_return"):
            self.fields[name].queryset = Country.objects.order_by("name_es")
        for kind, label in CostItem.Kind.choices:
            self.fields[f"cost_{kind}"] = forms.DecimalField(
                label=_("Estimate: %(item)s (US$)") % {"item": label}, required=False, initial=(costs or {}).get(kind),
                **MONEY,
            )  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("category") == Category.OTHER and not (data.get("other_reason") or "").strip():
            self.add_error("other_reason", _("Say why the case falls under “other”."))
        return data

    def case_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields if name in self.fields}

    def costs(self) -> list[tuple[str, Decimal]]:
        return [
            (kind, self.cleaned_data[f"cost_{kind}"])
            for kind in CostItem.Kind.values
            if self.cleaned_data.get(f"cost_{kind}") is not None
        ]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class CaseEditForm(CaseForm):
    """The case form with the reason for changing personal data: written to the access log."""

    reason = forms.CharField(
        label=_("Reason for changing the personal data"), max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Written to the access log with your name and the time."),
    )  # fmt: skip

    field_order = ["reason"]


class AssessForm(forms.Form):
    eligible = forms.TypedChoiceField(
        label=_("Eligible under the protocol?"), choices=[("1", _("Yes")), ("0", _("No"))],
        coerce=lambda v: v == "1", widget=forms.RadioSelect,
    )  # fmt: skip
    reason = forms.CharField(
        label=_("Assessment (required when not eligible)"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip


class AmountForm(forms.Form):
    amount_usd = forms.DecimalField(label=_("Amount (US$)"), **MONEY)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class TravelForm(forms.Form):
    on = forms.DateField(label=_("Travel date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    reason = forms.CharField(label=_("Note"), required=False, max_length=1000)


class CloseForm(forms.Form):
    return_report = forms.CharField(label=_("Return report"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in CostItem.Kind.choices:
            self.fields[f"actual_{kind}"] = forms.DecimalField(
                label=_("Actual: %(item)s (US$)") % {"item": label}, required=False, **MONEY
            )

    def actual_costs(self):
        return [(k, self.cleaned_data[f"actual_{k}"]) for k in CostItem.Kind.values
                if self.cleaned_data.get(f"actual_{k}") is not None]  # fmt: skip


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Attachment.Kind.choices)
    file = forms.FileField(label=_("File"))


class ContributionForm(forms.ModelForm):
    received = forms.BooleanField(label=_("Already received"), required=False)

    class Meta:
        model = Contribution
        fields = ["country", "donor_name", "pledged_on", "received_on", "amount", "currency", "rate_to_usd", "note"]
        widgets = {
            "pledged_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "received_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.filter(status=Country.Status.MEMBER).order_by("name_es")


class SettingsForm(forms.ModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Eligible vulnerability categories"), choices=Category.choices, widget=forms.CheckboxSelectMultiple
    )
    requester_kinds = forms.MultipleChoiceField(
        label=_("Eligible requester kinds"), choices=RequesterKind.choices, widget=forms.CheckboxSelectMultiple
    )
    exception_approver = forms.ChoiceField(
        label=_("Who approves an exception above the cap"), choices=ExceptionApprover.choices
    )
    reporting_periods = forms.CharField(label=_("Reporting periods (start of each, MM-DD, comma-separated)"))
    reason = forms.CharField(label=_("Reason for the change"), max_length=100)

    class Meta:
        model = ProtocolSettings
        fields = ["categories", "requester_kinds", "cap_usd", "exception_approver", "reporting_periods",
                  "retention_years", "step_days", "protocol_symbol"]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk:
            self.initial["reporting_periods"] = ", ".join(self.instance.reporting_periods)

    def clean_reporting_periods(self):
        return [p.strip() for p in self.cleaned_data["reporting_periods"].split(",") if p.strip()]


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    country = forms.ModelChoiceField(label=_("Contributor"), queryset=Country.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.filter(status=Country.Status.MEMBER).order_by("name_es")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The period ends before it starts."))
        return data
