from django.contrib import admin

from secretaria.archive.models import DrillRun, Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]


@admin.register(DrillRun)
class DrillRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "ok", "records", "files", "finished_at"]
    readonly_fields = ["started_at", "finished_at", "ok", "records", "files", "report"]

    def has_add_permission(self, request):
        return False
