from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.portal.models import Image, NewsItem, Page
from secretaria.portal.services import image_validate

BILINGUAL = ("title", "summary", "body")


class _ContentForm(forms.ModelForm):
    reason = forms.CharField(
        label=_("What did you change?"),
        required=False,
        max_length=100,
        help_text=_("Kept in the change history, e.g. “Updated the list of observers”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("publish_at",):
            self.fields[name].widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
        for lang in ("es", "en"):
            self.fields[f"summary_{lang}"].widget = forms.Textarea(attrs={"rows": 3})
            self.fields[f"body_{lang}"].widget = forms.Textarea(attrs={"rows": 18, "class": "markdown"})

    def language_fields(self, lang: str):
        return [self[f"{name}_{lang}"] for name in BILINGUAL]

    def spanish_fields(self):
        return self.language_fields("es")

    def english_fields(self):
        return self.language_fields("en")

    def content_data(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "reason"}


class PageForm(_ContentForm):
    class Meta:
        model = Page
        fields = [
            "site", "slug", "access_level", "access_group", "menu_order", "show_in_nav", "publish_at",
            "title_es", "summary_es", "body_es", "title_en", "summary_en", "body_en",
        ]  # fmt: skip

    def settings_fields(self):
        return [self[name] for name in ("site", "slug", "access_level", "access_group", "menu_order", "show_in_nav")]


class NewsForm(_ContentForm):
    class Meta:
        model = NewsItem
        fields = [
            "slug", "access_level", "access_group", "image", "publish_at",
            "title_es", "summary_es", "body_es", "title_en", "summary_en", "body_en",
            "related_meetings", "related_documents",
        ]  # fmt: skip
        widgets = {
            "related_meetings": forms.SelectMultiple(attrs={"size": 6}),
            "related_documents": forms.SelectMultiple(attrs={"size": 8}),
        }
        help_texts = {
            "related_meetings": _("Listed under the news item, to the readers who may see each meeting."),
            "related_documents": _(
                "Listed under the news item, to the readers who may read each document (published ones only)."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["related_meetings"].queryset = self.fields["related_meetings"].queryset.order_by("-start_date")
        documents = self.fields["related_documents"]
        documents.queryset = documents.queryset.order_by("-date", "symbol")
        documents.label_from_instance = lambda doc: f"{doc.symbol} — {doc.title}"

    def settings_fields(self):
        return [
            self[name]
            for name in ("slug", "access_level", "access_group", "image", "related_meetings", "related_documents")
        ]


class ImageUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Picture"),
        help_text=_(
            "JPEG, PNG, WebP or GIF. Pictures are public: anyone who has the address can see them, "
            "even when they illustrate a members' page."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    alt_es = Image._meta.get_field("alt_es").formfield()
    alt_en = Image._meta.get_field("alt_en").formfield()

    def clean_file(self):
        file = self.cleaned_data["file"]
        image_validate(file)
        return file
