"""Forms of invitations, registration, delegations, letters and mailings."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.directory.models import Group, Person
from secretaria.meetings.models import InviteeCategory, Letter, LetterTemplate, Registration


class InviteForm(forms.Form):
    member_states = forms.BooleanField(label=_("All member states (their focal points)"), required=False)
    observer_organizations = forms.BooleanField(
        label=_("All observer organisations (their focal points)"), required=False
    )
    group = forms.ModelChoiceField(
        label=_("The members of a network or body"),
        queryset=Group.objects.filter(is_active=True).order_by("name_es"),
        required=False,
        help_text=_("Each member is invited personally, e.g. the liaison officers of one network."),
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Named people"),
        queryset=Person.objects.select_related("organization", "country").order_by("family_name", "given_name"),
        required=False,
    )
    category = forms.ChoiceField(
        label=_("Category of the named people"), choices=InviteeCategory.choices, initial=InviteeCategory.SPEAKER
    )
    quota = forms.IntegerField(label=_("Places per delegation"), min_value=1, max_value=50, initial=2)

    def clean(self):
        data = super().clean()
        if not (
            data.get("member_states") or data.get("observer_organizations") or data.get("group") or data.get("people")
        ):
            raise forms.ValidationError(_("Choose whom to invite."))
        return data


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
