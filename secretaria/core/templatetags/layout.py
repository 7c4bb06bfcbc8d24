"""Template tags for the site's layout: the current navigation item, the page in another language."""

from django import template
from django.urls import translate_url
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_current(context, *view_names: str, **kwargs) -> str:
    """` aria-current="page"` when the page being shown is one of ``view_names``.

    Keyword arguments narrow the match to a URL argument (``slug="about"``), so two links
    to the same view with different pages are told apart.
    """
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in view_names:
        return ""
    if any(str(match.kwargs.get(key)) != str(value) for key, value in kwargs.items()):
        return ""
    return format_html(' aria-current="{}"', "page")


@register.simple_tag(takes_context=True)
def translated_url(context, lang_code: str) -> str:
    """The current page's address in ``lang_code`` (translated path segments, same query).

    Computed while the page's own language is active, because Django resolves translated
    paths in the active language: ``set_language`` runs without a language prefix, so it
    may resolve a Spanish path in English and fail to translate it. Falls back to the
    language's home page when the current address cannot be translated (an error page).
    """
    request = context.get("request")
    if request is None:
        return f"/{lang_code}/"
    path = request.get_full_path()
    translated = translate_url(path, lang_code)
    if translated == path and getattr(request, "resolver_match", None) is None:
        return f"/{lang_code}/"
    return translated
