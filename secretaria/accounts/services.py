"""Writes about accounts: creating users, changing roles, API tokens."""

import secrets

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretaria.accounts.models import ApiToken
from secretaria.core.access import Role
from secretaria.core.audit import audit_record
from secretaria.core.models import AuditEvent
from secretaria.core.tasks import queue_email

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

        EmailAddress.objects.update_or_create(
            user=user, email=email.lower(), defaults={"verified": True, "primary": True}
        )
    audit_record(kind=AuditEvent.Kind.USER_CREATED, actor=by, target=username, role=role)
    return user


@transaction.atomic
def user_set_role(*, user, role: str, country=None, organization=None, by=None, request=None) -> "User":
    """Give ``user`` a role (with the country or organisation it needs); audited.

    The previous values are read from the database, so this works as well on an object a
    form has already changed (the admin site) as on a fresh one.
    """
    if role not in Role.values:
        raise ValidationError({"role": f"Unknown role {role!r}; choose one of: {', '.join(Role.values)}"})
    before = (
        User.objects.filter(pk=user.pk).values("role", "country__iso2", "organization_id").first() if user.pk else None
    ) or {}
    user.role = role
    user.country = country
    user.organization = organization
    user.is_staff = user.is_superuser = role == Role.ADMIN
    user.full_clean()
    user.save()
    changed = (
        before.get("role") != role
        or before.get("country__iso2") != (country.iso2 if country else None)
        or before.get("organization_id") != (organization.pk if organization else None)
    )
    if changed:
        audit_record(
            kind=AuditEvent.Kind.ROLE_CHANGED,
            actor=by,
            target=user.username,
            request=request,
            old=before.get("role", ""),
            new=role,
            country=country.iso2 if country else "",
            organization=organization.pk if organization else "",
        )
    return user


def api_token_create(*, user, name: str = "", by=None) -> tuple[ApiToken, str]:
    """Create a personal token; returns the row and the token, which is never shown again."""
    key = ApiToken.PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, key_hash=ApiToken.hash_key(key), key_prefix=key[:10])
    audit_record(kind=AuditEvent.Kind.TOKEN_CREATED, actor=by or user, target=user.username, token=token.key_prefix)
    return token, key


def api_token_revoke(*, token: ApiToken, by=None) -> None:
    if token.revoked_at is not None:
        return
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


def password_set_url(user) -> str:
    """A one-time link where ``user`` chooses a password (allauth's password-reset link).

    It stops working once used, or when the password or last login changes.
    """

    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        path = reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
        )
    return settings.SITE_URL + path


def user_send_password_set_link(*, user) -> None:
    """E-mail ``user`` the link to choose a password for a new account."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = _("Your account on the Secretaría Virtual")
        body = _(
            "Hello,\n\nAn account with the username %(username)s was created for you on the Secretaría Virtual "
            "of the Regional Conference on Migration.\n\nChoose your password here (the link works once):\n"
            "%(url)s\n\nTechnical Secretariat of the Regional Conference on Migration"
        ) % {"username": user.username, "url": password_set_url(user)}
    queue_email(subject=subject, body=body, to=[user.email])
