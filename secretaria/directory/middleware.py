from django.utils.functional import SimpleLazyObject

from secretaria.core import access


class ViewerMiddleware:
    """Attaches ``request.viewer``: what the access policy knows of the person asking, built at
    most once per request (and kept on ``request.user``, so checks given the user reuse it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.viewer = SimpleLazyObject(lambda: access.viewer_of(request.user))
        return self.get_response(request)
