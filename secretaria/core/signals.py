"""Audit-log receivers for Django's and allauth's authentication signals."""

from allauth.account.signals import password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from secretaria.core.audit import audit_record
from secretaria.core.models import AuditEvent


@receiver(user_logged_in)
def _on_login(sender, request, user, **kwargs):
    audit_record(kind=AuditEvent.Kind.LOGIN, actor=user, target=user.get_username(), request=request)


@receiver(user_logged_out)
def _on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(kind=AuditEvent.Kind.LOGOUT, actor=user, target=user.get_username(), request=request)


@receiver(user_login_failed)
def _on_login_failed(sender, credentials, request=None, **kwargs):
    # Never store the password that was tried.
    name = credentials.get("username") or credentials.get("email") or ""
    audit_record(kind=AuditEvent.Kind.LOGIN_FAILED, target=name, request=request, username=name)


@receiver(password_changed)
def _on_password_changed(sender, request, user, **kwargs):
    audit_record(kind=AuditEvent.Kind.PASSWORD_CHANGED, actor=user, target=user.get_username(), request=request)


@receiver(password_reset)
def _on_password_reset(sender, request, user, **kwargs):
    audit_record(kind=AuditEvent.Kind.PASSWORD_RESET, actor=user, target=user.get_username(), request=request)


@receiver(authenticator_added)
@receiver(authenticator_removed)
@receiver(authenticator_reset)
def _on_mfa_changed(sender, request, user, **kwargs):
    authenticator = kwargs.get("authenticator")
    audit_record(
        kind=AuditEvent.Kind.MFA_CHANGED,
        actor=user,
        target=user.get_username(),
        request=request,
        authenticator=getattr(authenticator, "type", ""),
    )
