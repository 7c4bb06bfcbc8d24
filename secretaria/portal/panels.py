"""The portal's panels on the members' dashboard (registered in PortalConfig.ready)."""

from secretaria.core import access
from secretaria.portal import selectors
from secretaria.portal.models import Page


def latest_news(request) -> dict | None:
    return {"news": list(selectors.live_news(request.user)[:5])}


def members_pages(request) -> dict | None:
    pages = list(selectors.live_pages(request.user, Page.Site.MEMBERS).order_by("menu_order", "title_es"))
    return {"pages": pages}


def drafts(request) -> dict | None:
    if not access.can(request.user, "portal.manage"):
        return None
    waiting = selectors.drafts()
    return {"pages": list(waiting["pages"][:10]), "news": list(waiting["news"][:10])}
