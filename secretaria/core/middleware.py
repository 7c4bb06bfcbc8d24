from django.http import JsonResponse
from django.utils.translation import gettext as _

from secretaria.core import errorlog


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
    header, ``record.request_id`` in the log): the reference shown on the 500 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = errorlog.new_request_id()
        token = errorlog.bind_request_id(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            errorlog.unbind_request_id(token)
        response.setdefault("X-Request-ID", request.request_id)
        return response
