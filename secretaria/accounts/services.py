"""Writes about accounts: creating users, changing roles, API tokens."""

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from secretaria.accounts.models import ApiToken
from secretaria.core.access import Role
from secretaria.core.audit import audit_record
from secretaria.core.models import AuditEvent

User = get_user_model()


@transaction.atomic
def user_create(
    *,
    username: str,
    email: str,
    role: str,
    password: str | None = None,
    country=None,
    organization=None,
    person=None,
    first_name: str = "",
    last_name: str = "",
    by=None,
) -> "User":
    """Create an account with a role; validates the role's ties (country, organisation)."""
    if role not in Role.values:
        raise ValidationError({"role": f"Unknown role {role!r}; choose one of: {', '.join(Role.values)}"})
    user = User(
        username=username,
        email=email,
        role=role,
        country=country,
        organization=organization,
        person=person,
        first_name=first_name,
        last_name=last_name,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    if email:
        # allauth keeps its own record of addresses; an admin-created address counts as verified.
        from allauth.account.models import EmailAddress

        EmailAddress.objects.update_or_create(
            user=user, email=email.lower(), defaults={"verified": True, "primary": True}
        )
    audit_record(kind=AuditEvent.Kind.USER_CREATED, actor=by, target=username, role=role)
    return user


@transaction.atomic
def user_set_role(*, user, role: str, country=None, organization=None, by=None) -> "User":
    old = user.role
    user.role = role
    user.country = country
    user.organization = organization
    user.is_staff = user.is_superuser = role == Role.ADMIN
    user.full_clean()
    user.save()
    audit_record(kind=AuditEvent.Kind.ROLE_CHANGED, actor=by, target=user.username, old=old, new=role)
    return user


def api_token_create(*, user, name: str = "", by=None) -> tuple[ApiToken, str]:
    """Create a personal token; returns the row and the token, which is never shown again."""
    key = ApiToken.PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, key_hash=ApiToken.hash_key(key), key_prefix=key[:10])
    audit_record(kind=AuditEvent.Kind.TOKEN_CREATED, actor=by or user, target=user.username, token=token.key_prefix)
    return token, key


def api_token_revoke(*, token: ApiToken, by=None) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(kind=AuditEvent.Kind.TOKEN_REVOKED, actor=by, target=token.user.username, token=token.key_prefix)


def api_token_authenticate(key: str):
    """The active user owning ``key``, or None."""
    if not key.startswith(ApiToken.PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
