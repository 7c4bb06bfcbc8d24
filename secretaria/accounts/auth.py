"""API authentication: a personal bearer token, else the browser session, else anonymous.

Endpoints decide what an anonymous caller may see; ``require_user`` turns "not signed in"
into a 401 with a JSON body. A token that is present but wrong is always a 401.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from secretaria.accounts.selectors import needs_two_factor_setup
from secretaria.accounts.services import api_token_authenticate

_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class ApiAuth(HttpBearer):
    # Tells django-ninja's interactive docs to send the CSRF token with "Try it out", so
    # writes made from /api/v1/docs in a signed-in browser pass the check below.
    csrf = True

    def __call__(self, request: HttpRequest):
        header = request.headers.get("Authorization")
        if header:
            scheme, _sep, token = header.partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                raise AuthenticationError()
            user = api_token_authenticate(token.strip())
            if user is None:
                raise AuthenticationError()
            if needs_two_factor_setup(user):
                # The same rule as RequireTwoFactorMiddleware applies to browser sessions.
                raise HttpError(
                    403, _("Two-factor authentication must be set up for this account before using the API.")
                )
            request.user = user
            request.sv_auth_method = "token"
            return user
        user = getattr(request, "user", None) or AnonymousUser()
        # A browser session must prove that a write came from our own pages.
        if user.is_authenticated and request.method not in _SAFE_METHODS and check_csrf(request) is not None:
            raise HttpError(403, _("CSRF verification failed. Reload the page and try again."))
        request.sv_auth_method = "session" if user.is_authenticated else None
        return user

    def authenticate(self, request, token):  # pragma: no cover - __call__ does the work
        return api_token_authenticate(token)


api_auth = ApiAuth()


def require_user(request: HttpRequest):
    user = request.auth
    if user is None or not user.is_authenticated:
        raise AuthenticationError()
    return user
