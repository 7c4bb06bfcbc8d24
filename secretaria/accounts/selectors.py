from allauth.mfa.models import Authenticator

from secretaria.accounts.models import ApiToken
from secretaria.core import access


def requires_two_factor(user) -> bool:
    """Secretariat staff and administrators must use TOTP two-factor authentication."""
    return access.is_secretariat(user)


def has_two_factor(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def needs_two_factor_setup(user) -> bool:
    return requires_two_factor(user) and not has_two_factor(user)


def user_api_tokens(user):
    """The user's API tokens, newest first, revoked ones included (for the record)."""

    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")
