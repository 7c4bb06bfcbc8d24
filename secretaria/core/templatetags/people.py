"""How templates name the account behind a record.

Imports, scripts and deleted accounts leave records with no user (``created_by``, ``hidden_by``,
a comment's author…). A filter argument such as ``|default:version.created_by.username`` raises
on such a record instead of rendering, so templates name accounts through ``account_name``.
"""

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def account_name(user) -> str:
    """The account's full name, else its user name; a neutral mark when no account is recorded."""
    if not user:
        return gettext("(account deleted or not recorded)")
    return user.get_full_name() or user.username
