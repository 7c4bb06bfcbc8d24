import functools

from django import template
from django.utils.safestring import mark_safe

from secretaria.core.richtext import render_markdown

register = template.Library()


@functools.lru_cache(maxsize=4096)
def _rendered(text: str) -> str:
    # Rendering is a pure function of the text, and an agenda repeats little-changed
    # descriptions on every view of the meeting page: about 5 ms each without the cache.
    return str(render_markdown(text))


@register.filter
def markdown(text: str):
    """Markdown sanitised by nh3 (secretaria.core.richtext)."""
    return mark_safe(_rendered(text or ""))  # noqa: S308 - render_markdown sanitises


@register.filter
def status_badge(status: str) -> str:
    return {
        "planned": "badge-info",
        "invitations_sent": "badge-info",
        "registration_open": "badge-success",
        "held": "",
        "report_published": "badge-success",
        "cancelled": "badge-danger",
        "postponed": "badge-warning",
        "draft": "badge-warning",
        "submitted": "badge-info",
        "approved": "badge-success",
        "returned": "badge-danger",
    }.get(status, "")
