"""The members' dashboard panel about the signed-in person's own account."""

from secretaria.accounts.selectors import has_two_factor, requires_two_factor, user_api_tokens
from secretaria.core.dashboard import Panel, register_panel


def _account_context(request):
    user = request.user
    if not user.is_authenticated:
        return None
    return {
        "account_user": user,
        "two_factor_on": has_two_factor(user),
        "two_factor_required": requires_two_factor(user),
        "active_tokens": user_api_tokens(user).filter(revoked_at__isnull=True).count(),
    }


def register() -> None:
    register_panel(
        Panel(key="accounts.account", template="accounts/panels/account.html", context=_account_context, order=900)
    )
