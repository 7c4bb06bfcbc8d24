from django.contrib import admin

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
