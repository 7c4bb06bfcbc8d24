"""Template tags for the pages of apps above media (portal pages, outreach engagements):
``{% load media_tags %}{% owner_galleries page %}`` shows the galleries of ``page`` the reader may see."""

from django import template

from secretaria.core import access
from secretaria.media import selectors
from secretaria.media.owners import owner_label

register = template.Library()


@register.inclusion_tag("media/_owner_galleries.html", takes_context=True)
def owner_galleries(context, owner):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "galleries": list(selectors.galleries_for(user, owner=owner)[:12]),
        "manage": access.can(user, "media.manage"),
        "owner_key": f"{owner_label(owner)}:{owner.pk}",
    }
