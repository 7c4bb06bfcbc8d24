from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from secretaria.accounts.models import ApiToken, User
from secretaria.accounts.services import api_token_revoke, user_set_role
from secretaria.core.access import Role
from secretaria.core.audit import audit_record
from secretaria.core.models import AuditEvent

_ROLE_FIELDS = ("role", "country", "organization")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Accounts. The role (and the country or organisation it needs) decides what a person
    sees; is_staff and is_superuser follow the role, so they are shown but not edited."""

    list_display = ["username", "display_name", "email", "role", "country", "organization", "is_active", "last_login"]
    list_filter = ["role", "is_active", "country", "preferred_language"]
    search_fields = ["username", "email", "first_name", "last_name", "person__given_name", "person__family_name"]
    list_select_related = ["person", "country", "organization"]
    raw_id_fields = ["person"]
    readonly_fields = ["is_staff", "is_superuser", "last_login", "date_joined"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email", "preferred_language")}),
        (_("Role in the Conference"), {"fields": ("role", "person", "country", "organization")}),
        (_("Status"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "usable_password", "password1", "password2")}),
        (_("Role in the Conference"), {"fields": ("role", "person", "country", "organization")}),
    )

    @admin.display(description=_("name"))
    def display_name(self, obj):
        return obj.display_name

    def save_model(self, request, obj, form, change):
        role_changed = any(name in form.changed_data for name in _ROLE_FIELDS)
        if change and role_changed:
            # Through the service, so the change is validated and audited.
            user_set_role(
                user=obj, role=obj.role, country=obj.country, organization=obj.organization, by=request.user,
                request=request,
            )  # fmt: skip
        else:
            obj.is_staff = obj.is_superuser = obj.role == Role.ADMIN
            super().save_model(request, obj, form, change)
        if not change:
            audit_record(
                kind=AuditEvent.Kind.USER_CREATED,
                actor=request.user,
                target=obj.username,
                request=request,
                role=obj.role,
            )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created by their owner (or ``manage.py api_token``) and shown once; here
    administrators only see and revoke them."""

    list_display = ["key_prefix", "user", "name", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__username", "name", "key_prefix"]
    list_select_related = ["user"]
    readonly_fields = ["user", "name", "key_prefix", "created_at", "last_used_at", "revoked_at"]
    fields = readonly_fields
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Revoke the selected tokens"), permissions=["view"])
    def revoke(self, request, queryset):
        tokens = list(queryset.filter(revoked_at__isnull=True).select_related("user"))
        for token in tokens:
            api_token_revoke(token=token, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", len(tokens)) % {"count": len(tokens)},
            messages.SUCCESS,
        )
