from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEventQuerySet(models.QuerySet):
    """Bulk writes are refused too, not only ``save()`` and ``delete()`` on one row."""

    def update(self, **kwargs):
        raise PermissionDenied("The audit log is append-only.")

    def delete(self):
        raise PermissionDenied("The audit log is append-only.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise PermissionDenied("The audit log is append-only.")


class AuditEvent(models.Model):
    """One security-relevant action. Append-only: rows are never changed or deleted."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("Login")
        LOGIN_FAILED = "login_failed", _("Failed login")
        LOGOUT = "logout", _("Logout")
        LOCKOUT = "lockout", _("Account locked after failed logins")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET = "password_reset", _("Password reset")
        MFA_CHANGED = "mfa_changed", _("Two-factor authentication changed")
        USER_CREATED = "user_created", _("Account created")
        ROLE_CHANGED = "role_changed", _("Role changed")
        ACCESS_CHANGED = "access_changed", _("Access level changed")
        TOKEN_CREATED = "token_created", _("API token created")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")
        EXPORT = "export", _("Data exported")
        REGISTRATION_CHANGED = "registration_changed", _("Registration details changed")

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("action"), max_length=32, choices=Kind.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text too, so the record stays readable if the account is deleted.
    actor_username = models.CharField(_("username"), max_length=150, blank=True)
    target = models.CharField(_("on"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.kind} {self.actor_username} {self.target}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("The audit log is append-only.")
