"""Forms of the who's who: a person's own contact details, the Secretariat's edits of people, posts and terms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.directory.models import ContactVisibility, Person, Post


def _codes(value: str) -> list[str]:
    codes = [c.strip().lower() for c in (value or "").replace(";", ",").split(",") if c.strip()]
    for code in codes:
        if len(code) != 2 or not code.isalpha():
            raise forms.ValidationError(_("Write ISO 639-1 codes separated by commas, e.g. es, en."))
    return codes


class OwnContactForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), required=False)
    email_visibility = forms.ChoiceField(label=_("Who sees the e-mail"), choices=ContactVisibility.choices)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    phone_visibility = forms.ChoiceField(label=_("Who sees the phone"), choices=ContactVisibility.choices)
    languages = forms.CharField(label=_("Languages spoken"), max_length=60, required=False,
                                help_text=_("ISO 639-1 codes separated by commas, e.g. es, en."))  # fmt: skip
    preferred_language = forms.ChoiceField(label=_("Language of the site and e-mails"),
                                           choices=[("es", "Español"), ("en", "English")])  # fmt: skip

    def clean_languages(self):
        return _codes(self.cleaned_data["languages"])


class PersonForm(forms.ModelForm):
    languages_text = forms.CharField(label=_("Languages spoken"), max_length=60, required=False)

    class Meta:
        model = Person
        fields = ["honorific", "gender", "given_name", "family_name", "organization", "country", "email",
                  "email_visibility", "phone", "phone_visibility", "is_public"]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["languages_text"].initial = ", ".join(self.instance.languages or [])

    def clean_languages_text(self):
        return _codes(self.cleaned_data["languages_text"])

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["languages"] = data.pop("languages_text")
        return data


class TermForm(forms.Form):
    post = forms.ModelChoiceField(label=_("Post"), queryset=Post.objects.all())
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


class PostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["slug", "title_es", "title_en", "organization", "country", "group", "is_public", "is_focal_point"]
