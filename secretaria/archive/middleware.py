"""Old addresses keep answering (a 404 whose path is in the redirect table becomes a 301), and a
site being moved can be frozen (SITE_READ_ONLY)."""

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from secretaria.archive.models import Redirect


class RedirectFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Only a page someone reads moves: a form posted to an old address is not replayed, and
        # a 404 of the health checks (which must not touch the database) is left alone.
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = Redirect.objects.filter(old_path=request.path).values_list("new_path", flat=True).first()
        if target is None or target == request.path:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)


SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class ReadOnlyMiddleware:
    """With SITE_READ_ONLY on, only reading and signing in/out are allowed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.SITE_READ_ONLY or request.method in SAFE_METHODS or self._signing_in(request):
            return self.get_response(request)
        message = _("The site is read-only while it moves to new servers. Please try again later.")
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=503)
        return HttpResponse(
            message, status=503, content_type="text/plain; charset=utf-8", headers={"Retry-After": "3600"}
        )

    @staticmethod
    def _signing_in(request) -> bool:
        allowed = {reverse("account_login"), reverse("account_logout")}
        return request.path in allowed or "/mfa/" in request.path
