from django.contrib import admin

from secretaria.core import access
from secretaria.core.models import AuditEvent


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
