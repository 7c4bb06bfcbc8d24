"""The door of every fund page: signed in, a fund role, TOTP. Anyone else gets a 404, as if
the fund's pages did not exist (nobody learns from a 403 that there is something to hide)."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from secretaria.fund import rules


def fund_only(view):
    @wraps(view)
    @never_cache
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        fa = rules.fund_access(request.user)
        if fa.needs_totp:
            messages.warning(
                request, _("The reserve fund requires two-factor authentication. Please set it up to continue.")
            )
            return redirect("mfa_activate_totp")
        if not fa.any:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def officers_only(view):
    @wraps(view)
    @fund_only
    def wrapper(request, *args, **kwargs):
        if not rules.fund_access(request.user).officer:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
