from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel
from secretaria.reports.models import PlatformChange


class ReportForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                            help_text=_("Empty: the last six whole months."))  # fmt: skip
    end = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    symbol = forms.CharField(label=_("Document symbol"), required=False, max_length=80)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period cannot end before it starts."))
        if bool(data.get("start")) != bool(data.get("end")):
            self.add_error("end", _("Give both dates, or neither for the last six months."))
        return data


class IssueForm(forms.Form):
    symbol = forms.CharField(label=_("Document symbol"), max_length=80)
    access_level = forms.ChoiceField(label=_("Access level"), choices=AccessLevel.choices, initial=AccessLevel.MEMBERS)


class PlatformChangeForm(forms.ModelForm):
    class Meta:
        model = PlatformChange
        fields = ["recorded_on", "category", "title_es", "title_en", "body_es", "body_en"]
        widgets = {"recorded_on": forms.DateInput(attrs={"type": "date"}),
                   "body_es": forms.Textarea(attrs={"rows": 4}), "body_en": forms.Textarea(attrs={"rows": 4})}  # fmt: skip
