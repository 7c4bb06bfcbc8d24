from django import template

from secretaria.accounts.selectors import requires_two_factor

register = template.Library()


@register.filter
def must_use_two_factor(user) -> bool:
    """True for the roles that may not turn two-factor authentication off."""
    return requires_two_factor(user)
