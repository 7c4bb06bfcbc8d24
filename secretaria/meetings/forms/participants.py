"""The form to e-mail the participants of a meeting."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.meetings.models import InviteeCategory


class MailingForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("Categories"), choices=InviteeCategory.choices, widget=forms.CheckboxSelectMultiple
    )
    subject_es = forms.CharField(label=_("Subject (Spanish)"), max_length=255)
    body_es = forms.CharField(
        label=_("Message (Spanish)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Placeholders: {name}, {meeting}, {dates}, {city}, {sponsors}, {delegation}."),
    )
    subject_en = forms.CharField(label=_("Subject (English)"), max_length=255, required=False)
    body_en = forms.CharField(label=_("Message (English)"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
