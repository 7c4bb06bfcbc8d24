"""allauth adapters: how sign-up, sign-in and two-factor authentication fit our rules."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from secretaria.accounts.selectors import requires_two_factor
from secretaria.core.audit import audit_record
from secretaria.core.models import AuditEvent


class AccountAdapter(DefaultAccountAdapter):
    """Self-registration creates a registered (civil-society) account; roles are given by admins."""

    def is_open_for_signup(self, request):
        return True

    def pre_authenticate(self, request, **credentials):
        """Refuse sign-in, even with the right password, once an account is locked.

        allauth counts failed attempts per login name in the "login_failed" rate limit
        (settings.ACCOUNT_RATE_LIMITS: LOGIN_MAX_FAILURES per LOGIN_LOCKOUT_SECONDS). When
        the limit is reached it raises a generic error; we record the lockout in the audit
        log (once per lockout period, so a brute-force run does not flood the log) and say
        plainly what happened and what to do.
        """
        try:
            super().pre_authenticate(request, **credentials)
        except forms.ValidationError:
            login = (credentials.get("email") or credentials.get("username") or "").lower()
            if cache.add(f"sv:lockout-recorded:{login}", True, timeout=settings.LOGIN_LOCKOUT_SECONDS):
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
