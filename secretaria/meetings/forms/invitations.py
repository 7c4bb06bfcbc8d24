"""The Secretariat's form to invite member states, organisations and people."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from secretaria.directory.models import Group, Person
from secretaria.meetings.models import InviteeCategory


class InviteForm(forms.Form):
    member_states = forms.BooleanField(label=_("All member states (their focal points)"), required=False)
    observer_organizations = forms.BooleanField(
        label=_("All observer organisations (their focal points)"), required=False
    )
    group = forms.ModelChoiceField(
        label=_("The members of a network or body"),
        queryset=Group.objects.filter(is_active=True).order_by("name_es"),
        required=False,
        help_text=_("Each member is invited personally, e.g. the liaison officers of one network."),
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Named people"),
        queryset=Person.objects.select_related("organization", "country").order_by("family_name", "given_name"),
        required=False,
    )
    category = forms.ChoiceField(
        label=_("Category of the named people"), choices=InviteeCategory.choices, initial=InviteeCategory.SPEAKER
    )
    quota = forms.IntegerField(label=_("Places per delegation"), min_value=1, max_value=50, initial=2)

    def clean(self):
        data = super().clean()
        if not (
            data.get("member_states") or data.get("observer_organizations") or data.get("group") or data.get("people")
        ):
            raise forms.ValidationError(_("Choose whom to invite."))
        return data
