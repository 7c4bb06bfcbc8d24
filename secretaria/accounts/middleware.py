from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from secretaria.accounts.selectors import needs_two_factor_setup

# Pages a user who must set up two-factor authentication can still reach.
_ALLOWED_PREFIXES = ("account_", "mfa_")
_ALLOWED_NAMES = {"set_language", "javascript-catalog"}


class RequireTwoFactorMiddleware:
    """Sends Secretariat staff and administrators without TOTP to set it up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        match = request.resolver_match
        name = match.url_name or "" if match else ""
        if name.startswith(_ALLOWED_PREFIXES) or name in _ALLOWED_NAMES:
            return None
        if not needs_two_factor_setup(user):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": _("Two-factor authentication must be set up for this account before using the API.")},
                status=403,
            )
        messages.warning(request, _("Your role requires two-factor authentication. Please set it up to continue."))
        return redirect("mfa_activate_totp")
