"""Error pages in the site's layout (JSON under /api/), and the members' area guard every app's views use."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.core.errorlog import current_request_id


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _error(request, status: int, title: str, message: str):
    if _is_api(request):
        return JsonResponse({"detail": message}, status=status)
    return render(request, "error.html", {"status": status, "title": title, "message": message}, status=status)


def bad_request(request, exception=None):
    return _error(request, 400, _("Bad request"), _("The request could not be understood."))


def permission_denied(request, exception=None):
    return _error(request, 403, _("Access denied"), _("You do not have permission to see this page."))


def page_not_found(request, exception=None):
    return _error(request, 404, _("Page not found"), _("The page you were looking for does not exist or has moved."))


def server_error(request):
    """The 500 page: rendered without context processors, so it works with the database down.

    It shows the request's reference (core/errorlog.py), the one in the log line and in the
    administrators' e-mail; it says the Secretariat was notified only when someone is.
    """
    title = _("Server error")
    if settings.ADMINS or settings.SENTRY_DSN:
        message = _("Something went wrong on our side. The Secretariat has been notified.")
    else:
        message = _("Something went wrong on our side. If it happens again, write to the Secretariat.")
    reference = getattr(request, "request_id", None) or current_request_id() or ""
    if _is_api(request):
        body = {"detail": message}
        if reference:
            body["reference"] = reference
        return JsonResponse(body, status=500)
    html = loader.get_template("500.html").render(
        {"status": 500, "title": title, "message": message, "reference": reference}
    )
    return HttpResponseServerError(html)


def members_only(view):
    """Signed-in people who may enter the members' area; others go to login (or get a 403)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.can(request.user, "members_area.enter"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
