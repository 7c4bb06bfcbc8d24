"""The media panel of the members' dashboard: for the Secretariat, the space photos and videos take
and what the worker is doing or refused (the seed worried about the servers' capacity)."""

from secretaria.core import access
from secretaria.media import selectors


def storage_panel(request) -> dict | None:
    if not access.can(request.user, "media.manage"):
        return None
    return {"usage": selectors.storage_used()}
