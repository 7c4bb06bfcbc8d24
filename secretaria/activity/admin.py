from django.contrib import admin

from secretaria.activity.models import Activity


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "kind", "meeting", "actor", "summary_es"]
    list_filter = ["kind"]
    date_hierarchy = "occurred_at"
    search_fields = ["summary_es", "summary_en"]
    raw_id_fields = ["actor", "meeting"]

    # The record is written by the services; the admin only reads it.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
