"""The form to compose letters to participants and speakers."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.meetings.models import InviteeCategory, Letter, LetterTemplate


class LetterSendForm(forms.Form):
    template = forms.ModelChoiceField(label=_("Letter"), queryset=LetterTemplate.objects.all())
    agenda_speakers = forms.BooleanField(
        label=_("The speakers of the approved agenda"),
        required=False,
        help_text=_("Everyone named as a speaker in the items of the meeting's approved agenda."),
    )
    categories = forms.MultipleChoiceField(
        label=_("The participants of these categories"),
        choices=InviteeCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    letter_date = forms.DateField(
        label=_("Date of the letter"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Printed on the letter; it also decides who signs it (the holder of the post on that date)."),
    )
    on_behalf = forms.ChoiceField(label=_("On behalf of"), choices=Letter.OnBehalf.choices, required=False)
    on_behalf_es = forms.CharField(
        label=_("On behalf of (Spanish)"), max_length=255, required=False,
        help_text=_("Only for “someone else”, e.g. “la Organización Internacional para las Migraciones”."),
    )  # fmt: skip
    on_behalf_en = forms.CharField(
        label=_("On behalf of (English)"), max_length=255, required=False,
        help_text=_("e.g. “the International Organization for Migration”."),
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if not data.get("agenda_speakers") and not data.get("categories"):
            raise forms.ValidationError(_("Choose the recipients: the agenda's speakers or some categories."))
        if data.get("on_behalf") == Letter.OnBehalf.OTHER and not (data.get("on_behalf_es") or "").strip():
            self.add_error("on_behalf_es", _("Write on whose behalf the letter is sent."))
        return data
