"""Forms of the focal point: naming a delegate, uploading the accreditation letter."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.meetings.models import Registration


class DelegateForm(forms.Form):
    given_name = forms.CharField(label=_("Given name"), max_length=100)
    family_name = forms.CharField(label=_("Family name"), max_length=100)
    email = forms.EmailField(
        label=_("E-mail"), required=False, help_text=_("The delegate receives a link to register.")
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Registration.Role.HEAD, Registration.Role.HEAD.label),
            (Registration.Role.MEMBER, Registration.Role.MEMBER.label),
        ],
        initial=Registration.Role.MEMBER,
    )


class AccreditationForm(forms.Form):
    letter = forms.FileField(
        label=_("Accreditation letter (note verbale)"),
        help_text=_("PDF, Word (.docx) or an image (PNG, JPEG), up to 10 MB. Seen only by the Secretariat."),
    )
