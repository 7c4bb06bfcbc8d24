import re

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _

from secretaria.core import errorlog, health


class HealthCheckMiddleware:
    """Answers ``/healthz`` and ``/readyz`` (core/health.py) before anything else runs: no
    HTTPS redirect, no ALLOWED_HOSTS check, no session, no language prefix. GET and HEAD only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            if request.path == health.HEALTH_PATH:
                return health.healthz_response()
            if request.path == health.READY_PATH:
                return health.readyz_response()
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Adds a Permissions-Policy header: the site uses no camera, microphone, location…"""

    HEADER = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.HEADER)
        return response


class ApiJsonErrorsMiddleware:
    """Under /api/, every error is JSON with a ``detail``, even those django-ninja does not
    produce itself: an unknown path (Django's 404 page), a wrong method (ninja answers 405 in
    plain text) or a server error."""

    PREFIX = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code >= 400
            and request.path.startswith(self.PREFIX)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            messages = {
                404: _("Not found."),
                405: _("Method not allowed."),
                500: _("Server error. The Secretariat has been notified."),
            }
            detail = messages.get(response.status_code) or response.reason_phrase
            body = {"detail": detail}
            if response.status_code >= 500 and getattr(request, "request_id", None):
                body["reference"] = request.request_id
            replacement = JsonResponse(body, status=response.status_code)
            if response.has_header("Allow"):
                replacement["Allow"] = response["Allow"]
            return replacement
        return response


class RequestIdMiddleware:
    """Gives each request a short random id (``request.request_id``, the ``X-Request-ID``
    header, ``record.request_id`` in the log): the reference shown on the 500 page.

    Behind a trusted proxy (TRUSTED_PROXY_COUNT > 0) the proxy's own ``X-Request-ID`` is kept
    when it looks like one (nginx's ``$request_id``: 32 hex digits), so the proxy's access log
    and the application's lines share the id."""

    _INCOMING = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "") if settings.TRUSTED_PROXY_COUNT else ""
        request.request_id = incoming if self._INCOMING.match(incoming) else errorlog.new_request_id()
        token = errorlog.bind_request_id(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            errorlog.unbind_request_id(token)
        response.setdefault("X-Request-ID", request.request_id)
        return response
