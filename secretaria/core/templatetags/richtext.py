from django import template

from secretaria.core.richtext import email_html as _email_html

register = template.Library()


@register.filter
def email_html(html) -> str:
    """``{{ post.body_html|email_html }}``: sanitised rich text for an e-mail (no remote images)."""
    return _email_html(str(html or ""))
