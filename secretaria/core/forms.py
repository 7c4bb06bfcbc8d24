"""What every app's forms share."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def add_service_errors(form, exc: ValidationError, *, default: str | None = None) -> None:
    """Show a service's refusal on the form: the messages of a field the form has go to that field,
    the others (and a refusal that names no field) to ``default`` (None: above the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else default, errors)
    else:
        form.add_error(default, exc.messages)
