"""Template tags for the pages of apps above media (portal pages, outreach engagements):
``{% load media_tags %}{% owner_galleries page %}`` shows the galleries of ``page`` the reader may see."""

from urllib.parse import quote as urlquote

from django import template
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.media import selectors
from secretaria.media.owners import owner_label
from secretaria.media.sections import galleries_context

register = template.Library()


@register.inclusion_tag("media/_galleries.html", takes_context=True)
def owner_galleries(context, owner):
    request = context.get("request")
    user = getattr(request, "user", None)
    galleries = list(selectors.galleries_for(user, owner=owner)[:12])
    manage = access.can(user, "media.manage")
    if not galleries and not manage:
        return {"section": None}
    key = f"{owner_label(owner)}:{owner.pk}"
    return {"section": galleries_context(galleries, manage, f"owner={urlquote(key)}", _("New gallery for this page"))}
