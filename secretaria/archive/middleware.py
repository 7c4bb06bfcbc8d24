"""Old addresses keep answering: a 404 whose path is in the redirect table becomes a 301."""

from django.http import HttpResponsePermanentRedirect

from secretaria.archive.models import Redirect


class RedirectFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        target = Redirect.objects.filter(old_path=request.path).values_list("new_path", flat=True).first()
        if target is None or target == request.path:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
