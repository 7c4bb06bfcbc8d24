from django.contrib import admin

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.meetings.models import Meeting


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title_es", "kind", "start_date", "city", "country", "status", "access_level"]
    list_filter = ["kind", "status", "access_level", "country"]
    search_fields = ["title_es", "title_en", "city", "venue"]
    prepopulated_fields = {"slug": ["title_es"]}
    date_hierarchy = "start_date"
    autocomplete_fields = ["country", "host_countries", "sponsor_countries", "sponsor_organizations", "group"]
    # Status changes go through services.meeting_set_status (activity record, notices).
    readonly_fields = ["status", "created_at", "updated_at", "created_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if not change:
            # The same record as services.meeting_create, for meetings added here.
            activity_record(
                kind=Activity.Kind.MEETING_CREATED,
                actor=request.user,
                meeting=obj,
                obj=obj,
                summary_es=f"Reunión creada: {obj.title_es}",
                summary_en=f"Meeting created: {obj.title_en or obj.title_es}",
            )
