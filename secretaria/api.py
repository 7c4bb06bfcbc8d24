"""The JSON API under /api/v1/: one NinjaAPI, a router per app."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import Swagger
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from secretaria.accounts.api import router as accounts_router
from secretaria.accounts.auth import api_auth
from secretaria.core.openapi import Api
from secretaria.decisions.api import router as decisions_router
from secretaria.directory.api import router as directory_router
from secretaria.documents.api import router as documents_router
from secretaria.fund.api import router as fund_router
from secretaria.media.api import meeting_router as media_meeting_router
from secretaria.media.api import router as media_router
from secretaria.meetings.api import activity_router
from secretaria.meetings.api import participation_router as meetings_participation_router
from secretaria.meetings.api import router as meetings_router
from secretaria.meetings.api import services_router as meeting_services_router
from secretaria.outreach.api import router as outreach_router
from secretaria.reports.api import router as reports_router
from secretaria.search.api import router as search_router

api = Api(
    title="Secretaría Virtual API",
    version="1",
    description="JSON API of Secretaría Virtual. Authenticate with the session cookie or `Authorization: Bearer <token>`.",
    auth=api_auth,
    urls_namespace="api",
    # The interactive docs at /api/v1/docs: with "ninja" in INSTALLED_APPS, django-ninja
    # serves Swagger UI from its own static files (ninja/static/ninja/), not from a CDN,
    # and its template has no inline script (settings go in a JSON data block read by
    # swagger-ui-init.js), so our CSP (script-src/style-src 'self') needs no exception.
    # validatorUrl=None stops Swagger UI from calling validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or _("You do not have permission to do this.")}, status=403)


@api.exception_handler(AuthenticationError)
def _unauthorized(request, exc):
    return api.create_response(request, {"detail": _("Authentication required or token invalid.")}, status=401)


@api.exception_handler(ValidationError)
def _django_validation(request, exc):
    return api.create_response(
        request,
        {"detail": _("Invalid data."), "errors": exc.message_dict if hasattr(exc, "error_dict") else exc.messages},
        status=400,
    )


@api.exception_handler(NinjaValidationError)
def _validation(request, exc):
    return api.create_response(request, {"detail": _("Invalid data."), "errors": exc.errors}, status=422)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


# The convention (docs/ARCHITECTURE.md, "The JSON API"): no trailing slash; a resource that
# belongs to another is nested under it (/meetings/{slug}/services).
api.add_router("", accounts_router)
api.add_router("/directory", directory_router)
api.add_router("/meetings", meetings_participation_router)
api.add_router("/decisions", decisions_router)
api.add_router("/fund", fund_router)
api.add_router("/documents", documents_router)
api.add_router("/meetings", meetings_router)
api.add_router("", search_router)
api.add_router("/meetings", meeting_services_router)
api.add_router("/outreach", outreach_router)
api.add_router("/meetings", media_meeting_router)
api.add_router("/media", media_router)
api.add_router("/activity", activity_router)
api.add_router("/reports", reports_router)


# --- Old addresses, answered for one release (until 0.3) ------------------------------------
# Before the convention, lists ended in a slash and a meeting's services lived under
# /meeting-services/{slug}/…: a permanent redirect that keeps the method and body (308), and
# the query string, sends old clients to the new address.
def _moved(request, new_path: str):
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(new_path + (f"?{query}" if query else ""), preserve_request=True)


def _list_moved(request, resource: str):
    return _moved(request, f"/api/v1/{resource}")


def _services_moved(request, slug: str, rest: str = ""):
    rest = rest.strip("/")
    return _moved(request, f"/api/v1/meetings/{slug}/services" + (f"/{rest}" if rest else ""))


legacy_urlpatterns = [
    re_path(r"^api/v1/(?P<resource>decisions|documents|meetings)/$", csrf_exempt(_list_moved)),
    re_path(r"^api/v1/meeting-services/(?P<slug>[-\w]+)/(?P<rest>.*)$", csrf_exempt(_services_moved)),
]
