"""Forms of the Secretariat's pages for contracted services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from secretaria.directory.models import Country, Organization
from secretaria.meetings.models import ContractedService, ContractedServiceFile
from secretaria.meetings.services.contracts import service_file_validate


class ServiceForm(forms.ModelForm):
    new_supplier = forms.CharField(
        label=_("Or a new supplier"),
        required=False,
        max_length=255,
        help_text=_("Its name, if it is not in the list yet: it is added to the directory as a supplier."),
    )
    new_supplier_country = forms.ModelChoiceField(
        label=_("New supplier's country"), queryset=Country.objects.order_by("name_es"), required=False
    )

    class Meta:
        model = ContractedService
        fields = [
            "kind", "supplier", "description_es", "description_en", "amount", "currency", "usd_rate", "funder",
            "funder_country", "funder_organization", "notes",
        ]  # fmt: skip
        widgets = {
            "description_es": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplier"].required = False
        self.fields["supplier"].queryset = Organization.objects.filter(kind=Organization.Kind.SUPPLIER).order_by(
            "name_es"
        )
        self.fields["funder_country"].queryset = Country.objects.order_by("name_es")
        self.fields["funder_country"].help_text = _("Only when a sponsor country finances the service.")
        self.fields["funder_organization"].help_text = _("Only when another organisation finances the service.")
        self.fields["funder_organization"].queryset = Organization.objects.exclude(
            kind=Organization.Kind.SUPPLIER
        ).order_by("name_es")
        self.fields["amount"].widget.attrs.update({"min": "0", "step": "0.01"})
        self.fields["usd_rate"].widget.attrs.update({"min": "0.000001", "step": "any"})

    def clean_amount(self):
        amount = self.cleaned_data.get("amount")
        if amount is not None and amount < 0:
            raise ValidationError(_("The amount cannot be negative."))
        return amount

    def clean(self):
        data = super().clean()
        if not data.get("supplier") and not (data.get("new_supplier") or "").strip():
            self.add_error("supplier", _("Choose a supplier or enter a new one."))
        return data

    def _post_clean(self):
        # The services validate the whole object (supplier kind, funder); skip the model's clean here
        # so that a new supplier typed in the form does not fail as "supplier required".
        pass

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data}


class StatusForm(forms.Form):
    to = forms.ChoiceField(label=_("New status"), choices=ContractedService.Status.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class ServiceFileForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of file"), choices=ContractedServiceFile.Kind.choices)
    language = forms.ChoiceField(
        label=_("Language of the file"), choices=[("es", _("Spanish")), ("en", _("English"))], initial="es"
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "PDF, DOCX, XLSX, ODT, ODS, JPEG or PNG. Kept in the documents as a document that only the "
            "Technical Secretariat can read."
        ),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        service_file_validate(file)
        return file
