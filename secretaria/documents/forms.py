from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import DEFAULT_LEVEL_HELP, DEFAULT_NEW_LEVEL, AccessLevel
from secretaria.directory.models import Group, Organization
from secretaria.documents.models import Document, Language, Topic
from secretaria.files.filetypes import ACCEPTED_EXTENSIONS

UPLOAD_ROWS = 4


class DocumentForm(forms.ModelForm):
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.order_by("name_es"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    author = forms.ModelChoiceField(
        label=_("Author organisation"), queryset=Organization.objects.order_by("name_es"), required=False
    )
    group = forms.ModelChoiceField(label=_("Group"), queryset=Group.objects.order_by("name_es"), required=False)

    class Meta:
        model = Document
        fields = [
            "symbol",
            "doc_type",
            "date",
            "title_es",
            "title_en",
            "summary_es",
            "summary_en",
            "topics",
            "author",
            "group",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary_es": forms.Textarea(attrs={"rows": 4}),
            "summary_en": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        data = super().clean()
        if not (data.get("title_es") or data.get("title_en")):
            self.add_error("title_es", _("Give the title in at least one language."))
        return data


class NewDocumentForm(DocumentForm):
    access_level = forms.ChoiceField(
        label=_("Who may read it"), choices=AccessLevel.choices, initial=DEFAULT_NEW_LEVEL, help_text=DEFAULT_LEVEL_HELP
    )
    access_group = forms.ModelChoiceField(
        label=_("Readers' group"),
        queryset=Group.objects.order_by("name_es"),
        required=False,
        help_text=_('Only for the access level "A named group".'),
    )

    class Meta(DocumentForm.Meta):
        fields = [*DocumentForm.Meta.fields, "access_level", "access_group"]

    def clean(self):
        data = super().clean()
        if data.get("access_level") == AccessLevel.GROUP and not data.get("access_group"):
            self.add_error("access_group", _("Choose the group whose members may read it."))
        return data

    def _post_clean(self):
        # Access goes through document_create/document_set_access; skip the model's checks here.
        pass


class AccessForm(forms.Form):
    access_level = forms.ChoiceField(label=_("Who may read it"), choices=AccessLevel.choices)
    access_group = forms.ModelChoiceField(
        label=_("Readers' group"), queryset=Group.objects.order_by("name_es"), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("access_level") == AccessLevel.GROUP and not data.get("access_group"):
            self.add_error("access_group", _("Choose the group whose members may read it."))
        return data


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("Reason for withdrawal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Readers see this note on the document's page."),
    )


class UploadForm(forms.Form):
    """Several files at once, each with its language, and/or a zip of many files."""

    archive = forms.FileField(
        label=_("Or a zip of several files"),
        required=False,
        help_text=_(
            "Each file inside is checked. A language marker at the end of a name (…_ES.pdf, …-en.docx) sets its "
            "language; other files take the language below."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
    archive_language = forms.ChoiceField(
        label=_("Language of the files in the zip"), choices=Language.choices, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        accept = ",".join(ACCEPTED_EXTENSIONS)
        for i in range(UPLOAD_ROWS):
            self.fields[f"file_{i}"] = forms.FileField(
                label=_("File %(n)s") % {"n": i + 1},
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": accept}),
            )
            self.fields[f"language_{i}"] = forms.ChoiceField(
                label=_("Language of file %(n)s") % {"n": i + 1},
                choices=Language.choices,
                initial=Language.values[min(i, 1)],
                required=False,  # rows without a file need no language
            )

    def rows(self):
        return [(self[f"file_{i}"], self[f"language_{i}"]) for i in range(UPLOAD_ROWS)]

    def clean(self):
        data = super().clean()
        if not data.get("archive") and not any(data.get(f"file_{i}") for i in range(UPLOAD_ROWS)):
            raise forms.ValidationError(_("Choose at least one file or a zip archive."))
        for i in range(UPLOAD_ROWS):
            if data.get(f"file_{i}") and not data.get(f"language_{i}"):
                self.add_error(f"language_{i}", _("Choose the language of this file."))
        languages = [data.get(f"language_{i}") for i in range(UPLOAD_ROWS) if data.get(f"file_{i}")]
        if len(languages) != len(set(languages)):
            raise forms.ValidationError(_("Each language version takes one file; two files have the same language."))
        return data

    def uploads(self):
        """(fileobj, name, language) for each chosen file, the zip last."""
        items = []
        for i in range(UPLOAD_ROWS):
            upload = self.cleaned_data.get(f"file_{i}")
            if upload:
                items.append((upload, upload.name, self.cleaned_data[f"language_{i}"]))
        archive = self.cleaned_data.get("archive")
        if archive:
            items.append((archive, archive.name, self.cleaned_data.get("archive_language") or Language.SPANISH))
        return items


class FilterForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    group = forms.ChoiceField(label=_("Group"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, data, options, *args, with_status=False, can_manage=False, **kwargs):
        super().__init__(data, *args, **kwargs)
        everything = [("", _("All"))]
        if with_status:
            # Withdrawn documents leave the list; they are found by asking for them.
            current = [("", _("Current (not withdrawn)")), (Document.Status.PUBLISHED, _("Published"))]
            drafts = [(Document.Status.DRAFT, _("Draft"))] if can_manage else []
            self.fields["status"].choices = current + drafts + [(Document.Status.WITHDRAWN, _("Withdrawn"))]
        else:
            del self.fields["status"]
        self.fields["type"].choices = everything + list(options["types"])
        self.fields["year"].choices = everything + [(y, y) for y in options["years"]]
        self.fields["group"].choices = everything + [(g.slug, g.name) for g in options["groups"]]
        self.fields["topic"].choices = everything + [(t.slug, t.name) for t in options["topics"]]


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by everyone who may read this document."),
    )  # fmt: skip
