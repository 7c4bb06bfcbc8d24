from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from secretaria.core import access
from secretaria.core.models import AuditEvent


def site_has_permission(request) -> bool:
    """Who may open the admin site: administrators, and Secretariat staff for the models whose
    admin says so (``ManagedByRule``). Everything else still needs Django's model permissions,
    which only administrators (superusers) hold."""
    user = request.user
    return bool(user.is_active and (user.is_staff or access.is_secretariat(user)))


def admin_login(login_view):
    """The admin's login page: allauth's (with two-factor) for visitors; straight in for anyone
    already signed in whom the site admits, Secretariat staff included; refused otherwise."""

    secured = secure_admin_login(login_view)

    def view(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request.user.is_staff:
            return secured(request, *args, **kwargs)
        if site_has_permission(request):
            return redirect(request.GET.get("next") if _safe_next(request) else "admin:index")
        raise PermissionDenied

    return view


def _safe_next(request) -> bool:
    target = request.GET.get("next", "")
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def admin_password_change(request, extra_context=None):
    """Passwords change in the account pages, where the change is audited and notified."""

    return redirect("account_change_password")


class ManagedByRule:
    """ModelAdmin/inline mixin: whoever passes ``manage_rule`` of the access policy may view, add,
    change and delete here (a subclass can still refuse an action, e.g. deleting history)."""

    manage_rule = ""

    def _allowed(self, request) -> bool:
        return bool(self.manage_rule) and access.can(request.user, self.manage_rule)

    def has_module_permission(self, request):
        return self._allowed(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self._allowed(request) or super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request) or super().has_delete_permission(request, obj)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log, read-only for administrators; nobody adds, edits or deletes rows."""

    list_display = ["created_at", "kind", "actor_username", "target", "ip_address"]
    list_filter = ["kind", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["actor_username", "target", "ip_address"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "kind", "actor", "actor_username", "target", "ip_address", "details"]
    fields = readonly_fields
    list_select_related = ["actor"]
    actions = None

    def has_module_permission(self, request):
        return access.can(request.user, "audit.view")

    def has_view_permission(self, request, obj=None):
        return access.can(request.user, "audit.view")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
