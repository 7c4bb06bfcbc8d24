"""Forms of the Secretariat's media pages (the views call the services with what they clean)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel
from secretaria.directory.models import Group
from secretaria.media.models import Gallery, MediaItem


class GalleryForm(forms.ModelForm):
    class Meta:
        model = Gallery
        fields = ["title_es", "title_en", "description_es", "description_en", "downloads_allowed"]
        widgets = {
            "description_es": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }


class AccessForm(forms.Form):
    access_level = forms.ChoiceField(label=_("Who may see it"), choices=AccessLevel.choices)
    access_group = forms.ModelChoiceField(label=_("Group with access"), queryset=Group.objects.all(), required=False)

    def clean(self):
        data = super().clean()
        if data.get("access_level") == AccessLevel.GROUP and not data.get("access_group"):
            self.add_error("access_group", _("Choose the group that may see it."))
        return data


class ItemForm(forms.ModelForm):
    class Meta:
        model = MediaItem
        fields = ["caption_es", "caption_en", "credit_es", "credit_en", "alt_es", "alt_en", "video_kind",
                  "poster_time", "transcript_es", "transcript_en"]  # fmt: skip
        widgets = {
            "transcript_es": forms.Textarea(attrs={"rows": 4}),
            "transcript_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.kind == MediaItem.Kind.PHOTO:
            for name in ("video_kind", "poster_time", "transcript_es", "transcript_en"):
                del self.fields[name]
        else:
            if self.instance.kind == MediaItem.Kind.EXTERNAL:
                del self.fields["poster_time"]
            for name in ("alt_es", "alt_en"):
                del self.fields[name]

    def clean_poster_time(self):
        value = self.cleaned_data.get("poster_time") or 0
        if value < 0:
            raise forms.ValidationError(_("The poster frame is taken at a time from the start, in seconds."))
        return value


class SubtitleForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("es", _("Spanish")), ("en", _("English")), ("fr", _("French")), ("pt", _("Portuguese"))],
    )
    file = forms.FileField(label=_("Subtitles (WebVTT .vtt or SubRip .srt)"))


class ExternalForm(forms.Form):
    url = forms.URLField(label=_("Address of the video on YouTube or Vimeo"), assume_scheme="https")
    caption_es = forms.CharField(label=_("Caption (Spanish)"), max_length=500)
    caption_en = forms.CharField(label=_("Caption (English)"), max_length=500, required=False)
    video_kind = forms.ChoiceField(label=_("Kind of video"), choices=MediaItem.VideoKind.choices)
