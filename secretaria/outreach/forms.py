"""Forms of the outreach app: engagements, the PPT's decision, inquiries (the public form and
the Secretariat's reply) and answer templates. They parse; the services decide."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel, Role
from secretaria.directory.models import Country, Person
from secretaria.documents.models import Document
from secretaria.outreach import pow
from secretaria.outreach.models import (
    AnswerTemplateVersion,
    Engagement,
    FollowUp,
    Inquiry,
    InquiryLanguage,
    Material,
    MissionCost,
)


class DateInput(forms.DateInput):
    input_type = "date"


class EngagementForm(forms.ModelForm):
    class Meta:
        model = Engagement
        fields = [
            "kind", "title_es", "title_en", "summary_es", "summary_en", "start_date", "end_date", "place", "country",
            "organization", "contact", "secretariat_people", "purpose_es", "purpose_en", "audience_es",
            "audience_en", "people_met", "organizations_met", "topics_es", "topics_en", "confidential_notes",
            "mission_report", "access_level", "needs_approval",
        ]  # fmt: skip
        widgets = {"start_date": DateInput, "end_date": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["secretariat_people"].queryset = Person.objects.filter(organization__kind="secretariat")
        self.fields["mission_report"].queryset = Document.objects.order_by("-date")
        for name in ("purpose_es", "purpose_en", "topics_es", "topics_en", "confidential_notes"):
            self.fields[name].widget.attrs["rows"] = 3

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date is before the start date."))
        return data

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        people = {k: data.pop(k) for k in ("secretariat_people", "people_met", "organizations_met")}
        return {**data, **people}


class MaterialForm(forms.ModelForm):
    """A poster, brochure or research paper: for an engagement or a campaign, with its document
    (needed to publish; it may come after the draft)."""

    class Meta:
        model = Material
        fields = ["kind", "title_es", "title_en", "summary_es", "summary_en", "date", "engagement", "campaign",
                  "document", "access_level"]  # fmt: skip
        widgets = {"date": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["engagement"].queryset = Engagement.objects.order_by("-start_date")
        self.fields["document"].queryset = Document.objects.order_by("-date")
        self.fields["document"].help_text = _("Needed before publishing.")

    def clean(self):
        data = super().clean()
        if not data.get("engagement") and not (data.get("campaign") or "").strip():
            self.add_error("engagement", _("Link the material to an engagement or name the campaign it serves."))
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("decline", _("Decline"))])
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DeliverableForm(forms.Form):
    document = forms.ModelChoiceField(label=_("Document"), queryset=Document.objects.order_by("-date"))
    role = forms.ChoiceField(label=_("Delivered as"), choices=[
        ("presentation", _("Presentation")), ("paper", _("Paper")), ("report", _("Report")), ("other", _("Other"))])  # fmt: skip


class InquiryForm(forms.Form):
    """The public contact form: every message becomes an inquiry with a reference."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your e-mail address"))
    organization = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.all(), required=False)
    language = forms.ChoiceField(label=_("Language of the answer"), choices=InquiryLanguage.choices)
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(label=_("Message"), min_length=10, max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 8}))  # fmt: skip
    attachment = forms.FileField(
        label=_("Attachment (optional)"), required=False,
        help_text=_("PDF, Word, OpenDocument or an image; at most one file."),
    )  # fmt: skip
    # A field people never see (hidden and out of the tab order): bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    pow_challenge = forms.CharField(widget=forms.HiddenInput, required=False)
    pow_nonce = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["pow_challenge"] = pow.challenge_new()
        else:
            # A refused form is shown again with a fresh challenge.
            self.data = self.data.copy()
            self.data["pow_challenge"], self.data["pow_nonce"] = pow.challenge_new(), ""

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())  # one line: no header injection

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    @property
    def pow_difficulty(self) -> int:
        return settings.OUTREACH_POW_DIFFICULTY


class InquiryRecordForm(forms.Form):
    """An inquiry received by telephone, letter, in person or in an officer's mailbox, entered by the Secretariat."""

    channel = forms.ChoiceField(label=_("Received by"), choices=[
        (Inquiry.Channel.EMAIL, _("E-mail")), (Inquiry.Channel.OTHER, _("Telephone, letter or in person")),
    ])  # fmt: skip
    received_at = forms.DateTimeField(
        label=_("Received on"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    name = forms.CharField(label=_("Requester's name"), max_length=120)
    organization = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.all(), required=False)
    language = forms.ChoiceField(label=_("Language of the answer"), choices=InquiryLanguage.choices)
    topic = forms.CharField(label=_("Topic"), max_length=100, required=False)
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(label=_("The inquiry"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8}),
                              help_text=_("As received, or a faithful summary of a telephone call."))  # fmt: skip
    attachment = forms.FileField(label=_("Attachment (optional)"), required=False,
                                 help_text=_("The letter or message received: PDF, Word, OpenDocument or an image."))  # fmt: skip
    acknowledge = forms.BooleanField(
        label=_("Send the requester the acknowledgement with the reference"), required=False,
        help_text=_("Needs the e-mail address."),
    )  # fmt: skip

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())


def check_pow(data) -> bool:
    return pow.challenge_verify(data.get("pow_challenge", ""), data.get("pow_nonce", ""))


def _staff():
    return get_user_model().objects.filter(role__in=[Role.SECRETARIAT, Role.ADMIN], is_active=True)


class AssignForm(forms.Form):
    assigned_to = forms.ModelChoiceField(label=_("Assign to"), queryset=_staff())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = _staff()


class ReplyForm(forms.Form):
    template_version = forms.ModelChoiceField(
        label=_("Answer template"), queryset=AnswerTemplateVersion.objects.none(), required=False
    )
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    body = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 10}), max_length=20000)
    documents = forms.ModelMultipleChoiceField(
        label=_("Documents sent"), queryset=Document.objects.filter(status="published").order_by("-date"),
        required=False, help_text=_("Public documents only: the answer carries each one's link."),
    )  # fmt: skip
    waiting = forms.BooleanField(label=_("Ask the requester and wait for the answer (pauses the clock)"),
                                 required=False)  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template_version"].queryset = AnswerTemplateVersion.objects.filter(
            template__is_active=True
        ).select_related("template")

    def clean_documents(self):
        documents = self.cleaned_data["documents"]
        closed = [d.symbol for d in documents if d.access_level != AccessLevel.PUBLIC]
        if closed:
            raise forms.ValidationError(
                _("The requester could not open these documents, which are not public: %(symbols)s.")
                % {"symbols": ", ".join(closed)}
            )
        return documents


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["kind", "text_es", "text_en", "due_on", "done_on"]
        widgets = {"due_on": DateInput, "done_on": DateInput, "text_es": forms.Textarea(attrs={"rows": 2}),
                   "text_en": forms.Textarea(attrs={"rows": 2})}  # fmt: skip


class MissionCostForm(forms.ModelForm):
    class Meta:
        model = MissionCost
        fields = ["kind", "description", "amount", "currency", "usd_rate", "funder", "funder_country",
                  "funder_organization"]  # fmt: skip


class AnswerTemplateForm(forms.Form):
    """An answer template in both languages; saving an existing one makes its next version."""

    slug = forms.SlugField(label=_("Short name"), max_length=50,
                           help_text=_("Letters, digits and hyphens, e.g. “data-request”. It cannot be changed later."))  # fmt: skip
    name_es = forms.CharField(label=_("Name (Spanish)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    subject_es = forms.CharField(label=_("Subject (Spanish)"), max_length=200)
    subject_en = forms.CharField(label=_("Subject (English)"), max_length=200)
    body_es = forms.CharField(label=_("Text (Spanish)"), max_length=20000,
                              widget=forms.Textarea(attrs={"rows": 10}))  # fmt: skip
    body_en = forms.CharField(label=_("Text (English)"), max_length=20000,
                              widget=forms.Textarea(attrs={"rows": 10}))  # fmt: skip

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["slug"]
