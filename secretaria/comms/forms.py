from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.comms.kinds import event_kinds, meeting_scope
from secretaria.comms.models import Bulletin, Delivery, Language, ListRule, MailingList, Rhythm
from secretaria.core.access import AccessLevel, Role
from secretaria.documents.models import Document


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"))
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    rhythm = forms.ChoiceField(label=_("How often"), choices=Rhythm.choices, initial=Rhythm.EACH)


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    rhythm = forms.ChoiceField(label=_("How often"), choices=Rhythm.choices)


class MailingListForm(forms.ModelForm):
    auto_roles = forms.MultipleChoiceField(
        label=_("Roles subscribed automatically"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MailingList
        fields = [
            "slug", "name_es", "name_en", "description_es", "description_en", "kind", "access_level",
            "access_group", "auto_roles", "auto_group", "allow_opt_out", "allow_self_subscribe", "is_active",
        ]  # fmt: skip


class ListRuleForm(forms.ModelForm):
    event_kind = forms.ChoiceField(label=_("Event"))

    class Meta:
        model = ListRule
        fields = ["event_kind", "doc_type", "group", "topic", "meeting_id"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event_kind"].choices = [(k, v.label) for k, v in sorted(event_kinds().items())]
        self.fields["doc_type"] = forms.ChoiceField(
            label=_("Document type"), choices=[("", _("Any"))] + list(Document.Type.choices), required=False
        )
        self.fields["meeting_id"] = forms.TypedChoiceField(
            label=_("Meeting"),
            choices=[("", _("Any"))] + meeting_scope().choices(),
            coerce=int,
            empty_value=None,
            required=False,
            help_text=_("Only items of this meeting: its announcement, its agendas, the documents linked to it."),
        )


class AnnouncementForm(forms.Form):
    subject_es = forms.CharField(label=_("Subject (Spanish)"), max_length=300)
    subject_en = forms.CharField(label=_("Subject (English)"), max_length=300)
    body_es = forms.CharField(label=_("Text (Spanish)"), widget=forms.Textarea, help_text=_("Markdown."))
    body_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea, help_text=_("Markdown."))


class DeliveryFilterForm(forms.Form):
    mailing_list = forms.ChoiceField(label=_("List"), required=False)
    state = forms.ChoiceField(
        label=_("Result"), choices=[("", _("Any"))] + list(Delivery.State.choices), required=False
    )
    email = forms.CharField(label=_("Recipient contains"), required=False, max_length=200)
    message = forms.IntegerField(label=_("Message number"), required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mailing_list"].choices = [("", _("Any"))] + list(
            MailingList.objects.order_by("name_es").values_list("slug", "name_es")
        )


class BulletinDraftForm(forms.Form):
    period_start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    access_level = forms.ChoiceField(
        label=_("Who may read it"),
        choices=[c for c in AccessLevel.choices if c[0] != AccessLevel.GROUP],
        initial=AccessLevel.PUBLIC,
    )

    def clean(self):
        data = super().clean()
        if data.get("period_start") and data.get("period_end") and data["period_end"] < data["period_start"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data


class BulletinForm(forms.ModelForm):
    class Meta:
        model = Bulletin
        fields = ["title_es", "title_en", "body_es", "body_en"]


class BulletinSendForm(forms.Form):
    mailing_list = forms.ModelChoiceField(
        label=_("Send to the list"), queryset=MailingList.objects.filter(is_active=True)
    )
