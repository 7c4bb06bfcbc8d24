"""allauth adapters: how sign-up, sign-in and two-factor authentication fit our rules."""

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.account.utils import filter_users_by_email, filter_users_by_username
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django import forms
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from secretaria.accounts.selectors import needs_two_factor_setup, requires_two_factor
from secretaria.core.audit import audit_record
from secretaria.core.models import AuditEvent


class AccountAdapter(DefaultAccountAdapter):
    """Self-registration creates a registered (civil-society) account; roles are given by admins."""

    def is_open_for_signup(self, request):
        return True

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Do not ask for the password twice in a row when the site forces TOTP setup.

        allauth asks for the password again before any change to a second factor, even
        right after signing in. Secretariat staff without an authenticator are sent to the
        activation page by RequireTwoFactorMiddleware as soon as they sign in; asking them
        for the password they typed seconds ago adds nothing. This exception is narrow: only
        while the account has no authenticator at all, and only within allauth's
        reauthentication window after a password sign-in in this session.
        """

        request = context.request
        user = getattr(request, "user", None)
        if app == "allauth.mfa" and user is not None and needs_two_factor_setup(user):
            records = [r for r in get_authentication_records(request, user) if r.get("method") == "password"]
            if records and time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT:
                return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Count failed sign-ins per account, whatever identifier was typed.

        allauth keys its "login_failed" rate limit on the typed login, so five wrong passwords
        for ``ppt`` left ``ppt@…`` free to try again. We key it on the account the login names
        (username or e-mail address, any case) and fall back to the typed text only when no
        account matches, so unknown names are limited too. allauth calls this method for the
        lockout and when a password reset clears it; a test pins the behaviour in case an
        upgrade renames it.
        """

        site = get_current_site(request)
        login = (credentials.get("email") or credentials.get("username") or "").strip()
        user = None
        if login:
            if "@" in login:
                users = filter_users_by_email(login, prefer_verified=True)
                user = users[0] if len(users) == 1 else None
            if user is None:
                user = filter_users_by_username(login).first()
        if user is not None:
            return f"{site.domain}:account:{user.pk}"
        return f"{site.domain}:{login.lower()}"

    def pre_authenticate(self, request, **credentials):
        """Refuse sign-in, even with the right password, once an account is locked.

        allauth counts failed attempts per account (see above) in the "login_failed" rate limit
        (settings.ACCOUNT_RATE_LIMITS: LOGIN_MAX_FAILURES per LOGIN_LOCKOUT_SECONDS). When
        the limit is reached it raises a generic error; we record the lockout in the audit
        log (once per lockout period, so a brute-force run does not flood the log) and say
        plainly what happened and what to do.
        """
        try:
            super().pre_authenticate(request, **credentials)
        except forms.ValidationError:
            login = (credentials.get("email") or credentials.get("username") or "").lower()
            key = self._get_login_attempts_cache_key(request, **credentials)
            if cache.add(f"sv:lockout-recorded:{key}", True, timeout=settings.LOGIN_LOCKOUT_SECONDS):
                audit_record(
                    kind=AuditEvent.Kind.LOCKOUT,
                    target=login,
                    request=request,
                    username=login,
                    failures=settings.LOGIN_MAX_FAILURES,
                )
            minutes = max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)
            raise forms.ValidationError(
                ngettext(
                    "This account is locked after too many failed sign-in attempts. "
                    "Try again in %(minutes)d minute, or reset your password by e-mail.",
                    "This account is locked after too many failed sign-in attempts. "
                    "Try again in %(minutes)d minutes, or reset your password by e-mail.",
                    minutes,
                )
                % {"minutes": minutes},
                code="locked",
            ) from None


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _(
            "Your role requires two-factor authentication, so the authenticator app cannot be deactivated."
        ),
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        # Secretariat staff and administrators must keep their authenticator app.
        if authenticator.type == Authenticator.Type.TOTP and requires_two_factor(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
