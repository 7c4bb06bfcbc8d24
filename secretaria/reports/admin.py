from django.contrib import admin

from secretaria.reports.models import PlatformChange, Report, ReportFile, ReportVersion


@admin.register(PlatformChange)
class PlatformChangeAdmin(admin.ModelAdmin):
    """The Secretariat's list of changes to the Virtual Secretariat, told in section C of the report."""

    list_display = ["recorded_on", "category", "title_es"]
    list_filter = ["category"]
    date_hierarchy = "recorded_on"
    search_fields = ["title_es", "title_en", "body_es", "body_en"]
    exclude = ["created_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class ReadOnly(admin.ModelAdmin):
    # Reports are written by their services (versions, issue); the admin only reads them.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(ReadOnly):
    list_display = ["title_es", "period_start", "period_end", "status", "symbol", "issued_at"]
    list_filter = ["status"]


admin.site.register(ReportVersion, ReadOnly)
admin.site.register(ReportFile, ReadOnly)
