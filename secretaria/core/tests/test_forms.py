"""A service's refusal lands on the form's fields, or above the form."""

from django import forms
from django.core.exceptions import ValidationError

from secretaria.core.forms import add_service_errors


class _Form(forms.Form):
    title = forms.CharField()
    body = forms.CharField()


def _bound():
    form = _Form({"title": "t", "body": "b"})
    assert form.is_valid()
    return form


def test_messages_go_to_the_fields_the_form_has_and_the_rest_above_it():
    form = _bound()
    add_service_errors(form, ValidationError({"title": "Too short.", "amount": "Too much."}))
    assert form.errors["title"] == ["Too short."]
    assert form.non_field_errors() == ["Too much."]


def test_a_refusal_that_names_no_field_goes_to_the_default():
    form = _bound()
    add_service_errors(form, ValidationError("Not allowed."), default="body")
    assert form.errors["body"] == ["Not allowed."]
    form = _bound()
    add_service_errors(form, ValidationError(["One.", "Two."]))
    assert form.non_field_errors() == ["One.", "Two."]
