"""Spans of days as the reader's language writes them: {{ meeting.start_date|date_range:meeting.end_date }}
gives "18 y 19 de octubre de 2004" on a Spanish page, "18–19 October 2004" on an English one."""

from django import template

from secretaria.core.i18n import date_range_text

register = template.Library()


@register.filter
def date_range(start, end=None) -> str:
    if not start:
        return ""
    return date_range_text(start, end or start)
