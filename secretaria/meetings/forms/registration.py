"""Forms of registration: the invitee's registration and the Secretariat's change of it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.meetings.models import Registration


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = [
            "arrival",
            "departure",
            "hotel",
            "dietary_needs",
            "accessibility_needs",
            "interpretation_language",
            "needs_visa",
            "passport_number",
            "passport_country",
            "listed_publicly",
        ]
        widgets = {
            "arrival": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "departure": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }
        help_texts = {
            "listed_publicly": _(
                "Your name and delegation only. Everything else on this form is seen only by the Secretariat."
            ),
            "needs_visa": _("The Secretariat will send you a letter for the consulate."),
        }

    def clean(self):
        data = super().clean()
        if data.get("arrival") and data.get("departure") and data["departure"] < data["arrival"]:
            self.add_error("departure", _("Departure cannot be before arrival."))
        return data

    def logistics(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class RegistrationManageForm(RegistrationForm):
    """The Secretariat's form: the same details, and why they change (kept in the history)."""

    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=100,
        required=False,
        help_text=_("e.g. “The delegation wrote on 12 October”. Kept in the registration's history."),
    )

    class Meta(RegistrationForm.Meta):
        help_texts = {}
