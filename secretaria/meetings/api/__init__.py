"""The meetings app's JSON API, one module per topic; secretaria/api.py mounts these routers.

``router`` (under /meetings/) holds the meetings and their agendas (``meeting``) and, before them,
invitations, registrations and participant lists (``participation_router``); ``services_router``
(under /meeting-services/) holds the contracted services (``contracts``).
"""

from secretaria.meetings.api.activity import router as activity_router
from secretaria.meetings.api.contracts import router as services_router
from secretaria.meetings.api.meeting import router
from secretaria.meetings.api.participation import router as participation_router

__all__ = ["activity_router", "participation_router", "router", "services_router"]
