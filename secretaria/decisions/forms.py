from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel
from secretaria.decisions.models import PartyStatus, Theme
from secretaria.directory.models import Group


class PartyUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=PartyStatus.choices)
    text = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    evidence_url = forms.URLField(
        label=_("Evidence (link)"),
        required=False,
        assume_scheme="https",
        help_text=_("A link to a document that shows the progress, if any."),
    )
    on = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return on


class ImportForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=None)
    text_es = forms.CharField(
        label=_("Text in Spanish"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_('Numbered paragraphs ("1.", "2.") and lettered sub-paragraphs ("a)", "b)").'),
    )
    text_en = forms.CharField(label=_("Text in English"), widget=forms.Textarea(attrs={"rows": 14}), required=False)
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.all(), required=False)
    access_level = forms.ChoiceField(
        label=_("Who may see them"), choices=AccessLevel.choices, initial=AccessLevel.MEMBERS
    )
    access_group = forms.ModelChoiceField(
        label=_("Group with access"), queryset=Group.objects.filter(is_active=True), required=False
    )

    def __init__(self, *args, **kwargs):
        from secretaria.meetings.models import Meeting

        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.order_by("-start_date")

    def clean(self):
        data = super().clean()
        if data.get("access_level") == AccessLevel.GROUP and not data.get("access_group"):
            self.add_error("access_group", _("Choose the group that may see these decisions."))
        return data


class LettersForm(forms.Form):
    letter_date = forms.DateField(
        label=_("Date of the letters"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class SendForm(forms.Form):
    send_at = forms.DateTimeField(
        label=_("Send on"),
        required=False,
        help_text=_("Leave empty to send now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_send_at(self):
        send_at = self.cleaned_data.get("send_at")
        if send_at and send_at <= timezone.now():
            raise forms.ValidationError(_("Choose a moment in the future, or leave it empty to send now."))
        return send_at
