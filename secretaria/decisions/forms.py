from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import DEFAULT_LEVEL_HELP, DEFAULT_NEW_LEVEL, AccessLevel
from secretaria.decisions.models import Decision, PartyStatus, Theme
from secretaria.directory.models import Group, Organization
from secretaria.directory.selectors import member_countries
from secretaria.documents.selectors import document_by_symbol
from secretaria.files.filetypes import ACCEPTED_EXTENSIONS
from secretaria.meetings.models import Meeting


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class PartyUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=PartyStatus.choices)
    text = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    evidence_url = forms.URLField(
        label=_("Evidence (link)"),
        required=False,
        assume_scheme="https",
        help_text=_("A link to a document that shows the progress, if any."),
    )
    evidence_symbols = forms.CharField(
        label=_("Evidence (documents)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Symbols of documents in the library, one per line, e.g. CRM/ST/2004/12."),
    )
    evidence_files = MultipleFileField(
        label=_("Evidence (files)"),
        required=False,
        help_text=_(
            "Upload the national report or another file that shows the progress (PDF, Word, OpenDocument, "
            "Excel, images; several at once). Each file is checked before it is kept."
        ),
    )
    evidence_files_level = forms.ChoiceField(
        label=_("Who may read the files"),
        choices=[(value, label) for value, label in AccessLevel.choices if value != AccessLevel.GROUP],
        initial=DEFAULT_NEW_LEVEL,
        required=False,  # only read when files come with the note
        help_text=DEFAULT_LEVEL_HELP,
    )
    on = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_evidence_symbols(self):
        documents = []
        for symbol in (self.cleaned_data.get("evidence_symbols") or "").split():
            document = document_by_symbol(self.user, symbol.strip())
            if document is None:
                raise forms.ValidationError(
                    _("No document with the symbol %(symbol)s is open to you.") % {"symbol": symbol}
                )
            documents.append(document)
        return documents

    def clean_evidence_files_level(self):
        return self.cleaned_data.get("evidence_files_level") or DEFAULT_NEW_LEVEL

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


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = [
            "text_es",
            "text_en",
            "theme",
            "kind",
            "access_level",
            "access_group",
            "country_detail_public",
            "supersedes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        others = self.instance.__class__.objects.select_related("meeting").order_by("-meeting__start_date", "order")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["supersedes"].queryset = others


class CommitmentForm(forms.Form):
    description_es = forms.CharField(label=_("Description (Spanish)"), widget=forms.Textarea(attrs={"rows": 3}))
    description_en = forms.CharField(
        label=_("Description (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    due_before_meeting = forms.ModelChoiceField(label=_("Or due before the meeting"), queryset=None, required=False)
    countries = forms.ModelMultipleChoiceField(
        label=_("Member countries responsible"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    secretariat = forms.BooleanField(label=_("The Technical Secretariat"), required=False)
    ppt = forms.BooleanField(label=_("The Pro-Tempore Presidency"), required=False)
    networks = forms.ModelMultipleChoiceField(
        label=_("Liaison-officer networks"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    organizations = forms.ModelMultipleChoiceField(
        label=_("Observer organisations"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_before_meeting"].queryset = Meeting.objects.order_by("-start_date")
        self.fields["countries"].queryset = member_countries()
        self.fields["networks"].queryset = Group.objects.filter(kind=Group.Kind.NETWORK, is_active=True)
        self.fields["organizations"].queryset = Organization.objects.filter(
            kind__in=[Organization.Kind.OBSERVER, Organization.Kind.INTERNATIONAL]
        )

    def clean(self):
        data = super().clean()
        if data.get("due_date") and data.get("due_before_meeting"):
            self.add_error("due_before_meeting", _("Give either a due date or a meeting, not both."))
        if not (
            data.get("countries")
            or data.get("secretariat")
            or data.get("ppt")
            or data.get("networks")
            or data.get("organizations")
        ):
            raise forms.ValidationError(_("Choose at least one responsible party."))
        return data

    def parties(self) -> list[dict]:
        data = self.cleaned_data
        specs = [{"kind": "country", "country": country} for country in data["countries"]]
        if data["secretariat"]:
            specs.append({"kind": "secretariat"})
        if data["ppt"]:
            specs.append({"kind": "ppt"})
        specs += [{"kind": "network", "group": group} for group in data["networks"]]
        specs += [{"kind": "organization", "organization": org} for org in data["organizations"]]
        return specs
