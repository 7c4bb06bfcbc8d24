"""API authentication: a personal bearer token, else the browser session, else anonymous.

Endpoints decide what an anonymous caller may see; ``require_user`` turns "not signed in"
into a 401 with a JSON body. A token that is present but wrong is always a 401.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from secretaria.accounts.services import api_token_authenticate

_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class ApiAuth(HttpBearer):
    def __call__(self, request: HttpRequest):
        header = request.headers.get("Authorization")
        if header:
            scheme, _, token = header.partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                raise AuthenticationError()
            user = api_token_authenticate(token.strip())
            if user is None:
                raise AuthenticationError()
            request.user = user
            return user
        user = getattr(request, "user", None) or AnonymousUser()
        # A browser session must prove that a write came from our own pages.
        if user.is_authenticated and request.method not in _SAFE_METHODS and check_csrf(request) is not None:
            raise HttpError(403, "CSRF verification failed.")
        return user

    def authenticate(self, request, token):  # pragma: no cover - __call__ does the work
        return api_token_authenticate(token)


api_auth = ApiAuth()


def require_user(request: HttpRequest):
    user = request.auth
    if user is None or not user.is_authenticated:
        raise AuthenticationError()
    return user
