from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.activity.models import Activity
from secretaria.activity.services import MANUAL_KINDS
from secretaria.core.access import DEFAULT_LEVEL_HELP, DEFAULT_NEW_LEVEL
from secretaria.directory.models import Country, Person
from secretaria.documents.forms import NewDocumentForm
from secretaria.documents.models import Document
from secretaria.meetings.models import AgendaItem, Meeting, MeetingDocument, MeetingLogistics
from secretaria.meetings.models.logistics import SECTIONS
from secretaria.meetings.selectors.agenda import sponsor_contacts
from secretaria.meetings.services.meeting import ALLOWED_TRANSITIONS


class MeetingFilterForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", _("Upcoming and recent")), ("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All"))],
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *Meeting.Kind.choices])
    country = forms.ModelChoiceField(
        label=_("Country"), required=False, queryset=Country.objects.all(), to_field_name="iso2",
        empty_label=_("All countries"),
    )  # fmt: skip
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]


class AgendaItemForm(forms.ModelForm):
    speakers = forms.ModelMultipleChoiceField(
        label=_("Speakers"), required=False, queryset=Person.objects.select_related("organization"),
        widget=forms.SelectMultiple(attrs={"size": 8}), help_text=_("People from the directory."),
    )  # fmt: skip
    moderators = forms.ModelMultipleChoiceField(
        label=_("Moderators"), required=False, queryset=Person.objects.select_related("organization"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )  # fmt: skip
    document_symbols = forms.CharField(
        label=_("Documents"), required=False, max_length=1000,
        help_text=_("Symbols of the documents for this item, separated by commas, e.g. CRM/ST/2004/12."),
    )  # fmt: skip

    class Meta:
        model = AgendaItem
        fields = [
            "order", "day", "start_time", "end_time", "session_es", "session_en", "title_es", "title_en",
            "description_es", "description_en",
        ]  # fmt: skip
        widgets = {
            "day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "description_es": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        self.fields["order"].help_text = _("Empty: after the last item.")
        if self.instance.pk:
            self.initial["speakers"] = list(self.instance.speakers.all())
            self.initial["moderators"] = list(self.instance.moderators.all())
            self.initial["document_symbols"] = ", ".join(d.symbol for d in self.instance.documents.all())

    def clean_document_symbols(self):

        symbols = [s.strip() for s in self.cleaned_data["document_symbols"].split(",") if s.strip()]
        documents = {d.symbol: d for d in Document.objects.filter(symbol__in=symbols)}
        missing = [s for s in symbols if s not in documents]
        if missing:
            raise forms.ValidationError(_("No document has the symbol %(symbol)s.") % {"symbol": ", ".join(missing)})
        return [documents[s] for s in symbols]

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end < start:
            self.add_error("end_time", _("An item cannot end before it starts."))
        return data


class IntroductionForm(forms.Form):
    introduction_es = forms.CharField(
        label=_("Introduction (Spanish)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    introduction_en = forms.CharField(
        label=_("Introduction (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comments for the Technical Secretariat"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you return the agenda."),
    )  # fmt: skip


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    item = forms.IntegerField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class SponsorLinkForm(forms.Form):
    """The Secretariat chooses a sponsor's contact to receive a personal link to comment on the draft."""

    person = forms.ModelChoiceField(label=_("Sponsor contact"), queryset=None)

    def __init__(self, *args, meeting, **kwargs):

        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = sponsor_contacts(meeting)
        self.fields["person"].label_from_instance = lambda p: (
            f"{p.full_name} ({p.organization.acronym or p.organization.name if p.organization_id else p.country})"
            + ("" if p.email else " — " + str(_("no e-mail address")))
        )


class CompareForm(forms.Form):
    a = forms.IntegerField(label=_("Older version"))
    b = forms.IntegerField(label=_("Newer version"))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=())
    notice_es = forms.CharField(label=_("Notice (Spanish)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    notice_en = forms.CharField(label=_("Notice (English)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = ALLOWED_TRANSITIONS[meeting.status]
        self.fields["status"].choices = [(v, label) for v, label in Meeting.Status.choices if v in allowed]


class LogisticsForm(forms.ModelForm):
    class Meta:
        model = MeetingLogistics
        fields = [f"{section}_{lang}" for section in SECTIONS for lang in ("es", "en")] + ["is_published"]
        widgets = {
            f"{section}_{lang}": forms.Textarea(attrs={"rows": 5}) for section in SECTIONS for lang in ("es", "en")
        }


class ActivityFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        required=False,
        queryset=Meeting.objects.order_by("-start_date"),
        empty_label=_("All meetings"),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=())
    text = forms.CharField(label=_("Words"), required=False, max_length=100)
    origin = forms.ChoiceField(
        label=_("Entered"),
        required=False,
        choices=[("", _("By the site and by hand")), ("site", _("By the site")), ("manual", _("By hand"))],
    )

    def __init__(self, *args, **kwargs):

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *Activity.Kind.choices]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period cannot end before it starts."))
        return data


class ActivityEntryForm(forms.Form):
    """An entry the Secretariat adds by hand: what no workflow of the site records."""

    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label=_("Kind"), choices=())
    meeting = forms.ModelChoiceField(
        label=_("Meeting"), required=False, queryset=Meeting.objects.order_by("-start_date"),
        empty_label=_("No meeting"),
    )  # fmt: skip
    engagement_es = forms.CharField(
        label=_("Other engagement (Spanish)"), required=False, max_length=300,
        help_text=_("When it is no meeting of the site: an event, a protocol, the platform."),
    )  # fmt: skip
    engagement_en = forms.CharField(label=_("Other engagement (English)"), required=False, max_length=300)
    summary_es = forms.CharField(label=_("Summary (Spanish)"), max_length=500)
    summary_en = forms.CharField(label=_("Summary (English)"), max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.value, k.label) for k in MANUAL_KINDS]


class MeetingDocumentForm(forms.Form):
    symbol = forms.CharField(label=_("Document symbol"), max_length=80, help_text=_("e.g. CRM/ST/2004/12"))
    role = forms.ChoiceField(label=_("Role"), choices=MeetingDocument.Role.choices)

    def clean_symbol(self):

        symbol = self.cleaned_data["symbol"].strip()
        document = Document.objects.filter(symbol=symbol).first()
        if document is None:
            raise forms.ValidationError(_("No document has the symbol %(symbol)s.") % {"symbol": symbol})
        self.cleaned_data["document"] = document
        return symbol


class MeetingNewDocumentForm(NewDocumentForm):
    """The documents app's form for a new document, plus its role on the meeting."""

    SERVICE_FIELDS = [*NewDocumentForm.Meta.fields]
    role = forms.ChoiceField(
        label=_("Role at the meeting"),
        choices=MeetingDocument.Role.choices,
        initial=MeetingDocument.Role.WORKING_DOCUMENT,
    )


class MeetingForm(forms.ModelForm):
    working_languages = forms.MultipleChoiceField(
        label=_("Working languages"), required=False, choices=Meeting.Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    class Meta:
        model = Meeting
        fields = [
            "kind", "slug", "title_es", "title_en", "description_es", "description_en", "start_date", "end_date",
            "time_zone", "city", "city_en", "country", "venue", "host_countries", "sponsor_countries", "sponsor_organizations",
            "group", "working_languages", "interpretation", "access_level", "access_group", "capacity",
            "registration_deadline",
        ]  # fmt: skip
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "registration_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description_es": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
            "host_countries": forms.SelectMultiple(attrs={"size": 6}),
            "sponsor_countries": forms.SelectMultiple(attrs={"size": 6}),
            "sponsor_organizations": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields["slug"]
        slug.required = False
        if self.instance.pk:
            slug.help_text = _(
                "Part of the meeting's address. Changing it breaks links others have saved; left empty, it stays as it is."
            )
        else:
            slug.help_text = _(
                "Part of the meeting's address. Leave it empty to make it from the title and year "
                "(e.g. seminario-migracion-y-salud-2004); you may write your own."
            )
            self.fields["access_level"].initial = DEFAULT_NEW_LEVEL
        self.fields["access_level"].help_text = DEFAULT_LEVEL_HELP

    def clean_slug(self):
        # Emptied on an existing meeting: keep its address (links and calendars point at it).
        return self.cleaned_data["slug"] or (self.instance.slug if self.instance.pk else "")
