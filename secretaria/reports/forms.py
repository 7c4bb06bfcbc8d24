from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.widgets import CKEditor5Widget

from secretaria.core.access import AccessLevel
from secretaria.reports.models import PlatformChange


class ReportForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                            help_text=_("Empty: the last six whole months."))  # fmt: skip
    end = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    symbol = forms.CharField(label=_("Document symbol"), required=False, max_length=80)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period cannot end before it starts."))
        if bool(data.get("start")) != bool(data.get("end")):
            self.add_error("end", _("Give both dates, or neither for the last six months."))
        return data


class IssueForm(forms.Form):
    symbol = forms.CharField(label=_("Document symbol"), max_length=80)
    access_level = forms.ChoiceField(label=_("Access level"), choices=AccessLevel.choices, initial=AccessLevel.MEMBERS)


class PlatformChangeForm(forms.ModelForm):
    class Meta:
        model = PlatformChange
        fields = ["recorded_on", "category", "title_es", "title_en", "body_es", "body_en"]
        widgets = {"recorded_on": forms.DateInput(attrs={"type": "date"}),
                   "body_es": forms.Textarea(attrs={"rows": 4}), "body_en": forms.Textarea(attrs={"rows": 4})}  # fmt: skip


# The plugins of django-ckeditor-5's build the report's text has no use for: pictures and media
# (nothing is uploaded), raw HTML and source editing, Markdown output, fonts, colours, alignment.
_UNUSED_PLUGINS = [
    "Image", "ImageCaption", "ImageStyle", "ImageToolbar", "ImageResize", "ImageInsert", "ImageUpload",
    "ImageBlock", "ImageInline", "LinkImage", "AutoImage", "SimpleUploadAdapter", "CKFinderUploadAdapter",
    "MediaEmbed", "HtmlEmbed", "SourceEditing", "GeneralHtmlSupport", "FullPage", "Markdown", "Style", "Font",
    "Highlight", "Alignment", "CodeBlock", "Code", "TodoList", "PageBreak", "Mention", "WordCount",
    "TableProperties", "TableCellProperties", "TableCaption", "IndentBlock", "HorizontalLine",
    "SpecialCharacters", "SpecialCharactersEssentials", "ShowBlocks", "FindAndReplace", "Subscript",
    "Superscript", "Underline", "Strikethrough", "Autosave",
]  # fmt: skip


def editor_config() -> dict:
    """CKEditor 5's settings for a paragraph: what ``richtext.clean`` keeps, nothing more."""
    return {
        "language": translation.get_language()[:2],
        "toolbar": {"items": ["heading", "|", "bold", "italic", "link", "|", "bulletedList", "numberedList",
                              "blockQuote", "insertTable", "|", "undo", "redo"], "shouldNotGroupWhenFull": False},
        "heading": {"options": [
            {"model": "paragraph", "title": _("Paragraph"), "class": "ck-heading_paragraph"},
            {"model": "heading3", "view": "h3", "title": _("Subheading"), "class": "ck-heading_heading3"},
            {"model": "heading4", "view": "h4", "title": _("Minor subheading"), "class": "ck-heading_heading4"},
        ]},
        "link": {"defaultProtocol": "https://", "allowedProtocols": ["https?", "mailto"]},
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "removePlugins": _UNUSED_PLUGINS,
    }  # fmt: skip


class RichTextWidget(CKEditor5Widget):
    """django-ckeditor-5's editor (its own build and script: no inline code, so the site's CSP
    holds) with the report's configuration instead of settings.CKEDITOR_5_CONFIGS."""

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs)
        self._config_errors = []

    def render(self, name, value, attrs=None, renderer=None):
        self.config = editor_config()
        return super().render(name, value, attrs, renderer)

    class Media:
        js = ["django_ckeditor_5/dist/translations/es.js"]
