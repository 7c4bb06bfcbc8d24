from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.forums.models import Follow, Forum
from secretaria.forums.services import MAX_ATTACHMENTS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


_BODY_HELP = _("Markdown: **bold**, *italic*, [link](https://…), lists with “-”, quotes with “>”.")


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}), help_text=_BODY_HELP, max_length=50_000
    )
    quote_of = forms.IntegerField(required=False, widget=forms.HiddenInput)
    attachments = MultipleFileField(
        label=_("Attach files"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted here, in the request's language (a lazy string formatted at import is not lazy).
        self.fields["attachments"].help_text = _(
            "Up to %(max)s files: PDF, Office documents, text, images or MP4 video."
        ) % {"max": MAX_ATTACHMENTS}


class ThreadForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    field_order = ["title", "body", "attachments"]


class EditForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}), help_text=_BODY_HELP, max_length=50_000
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this post?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason (shown to the Secretariat only)"), required=False, max_length=255)


class MoveForm(forms.Form):
    forum = forms.ModelChoiceField(label=_("Move to forum"), queryset=Forum.objects.none())

    def __init__(self, *args, exclude=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Forum.objects.order_by("position", "name_es")
        if exclude is not None:
            qs = qs.exclude(pk=exclude.pk)
        self.fields["forum"].queryset = qs


class FollowForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Notifications"),
        choices=[("", _("Not following"))] + list(Follow.Mode.choices),
        required=False,
    )


class ResolveForm(forms.Form):
    resolution = forms.CharField(label=_("Resolution"), required=False, max_length=255)
