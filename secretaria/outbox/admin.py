from django.contrib import admin

from secretaria.outbox.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "created_at", "processed_at", "attempts"]
    list_filter = ["kind"]
    readonly_fields = ["kind", "payload", "created_at", "processed_at", "attempts", "last_error"]
