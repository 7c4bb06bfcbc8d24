from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator

from secretaria.accounts.selectors import requires_two_factor


class AccountAdapter(DefaultAccountAdapter):
    """Self-registration creates a registered (civil-society) account; roles are given by admins."""

    def is_open_for_signup(self, request):
        return True


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        # Secretariat staff and administrators must keep their authenticator app.
        if authenticator.type == Authenticator.Type.TOTP and requires_two_factor(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
