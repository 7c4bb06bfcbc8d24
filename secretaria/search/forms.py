from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from secretaria.search.backends import SearchFilters
from secretaria.search.backends.base import DATE, RELEVANCE
from secretaria.search.query import MAX_QUERY_LENGTH

_code = RegexValidator(r"^[A-Za-z0-9_.-]+$", _("Use only letters, digits, dots, hyphens and underscores."))


class SearchForm(forms.Form):
    """The search page's GET parameters. Invalid filters are reported, never searched."""

    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY_LENGTH, required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[(RELEVANCE, _("Relevance")), (DATE, _("Date, newest first"))],
        required=False,
    )
    kind = forms.CharField(label=_("Kind"), max_length=40, required=False, validators=[_code])
    type = forms.CharField(label=_("Type"), max_length=60, required=False, validators=[_code])
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2200, required=False)
    meeting = forms.IntegerField(label=_("Meeting"), min_value=1, required=False)
    group = forms.IntegerField(label=_("Group"), min_value=1, required=False)
    country = forms.RegexField(
        label=_("Country"), regex=r"^[A-Za-z]{2}$", required=False,
        error_messages={"invalid": _("Use a two-letter country code.")},
    )  # fmt: skip
    language = forms.RegexField(
        label=_("Language"), regex=r"^[a-z]{2,3}$", required=False,
        error_messages={"invalid": _("Use a language code such as es or en.")},
    )  # fmt: skip
    status = forms.CharField(label=_("Status"), max_length=30, required=False, validators=[_code])
    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=10_000, required=False)

    def filters(self) -> SearchFilters:
        d = self.cleaned_data
        return SearchFilters(
            kind=d.get("kind") or None,
            doc_type=d.get("type") or None,
            year=d.get("year"),
            meeting_id=d.get("meeting"),
            group_id=d.get("group"),
            country=(d.get("country") or "").upper() or None,
            language=d.get("language") or None,
            status=d.get("status") or None,
        )
