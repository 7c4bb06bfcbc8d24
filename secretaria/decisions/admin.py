from django.contrib import admin

from secretaria.core.admin import ManagedByRule
from secretaria.decisions.models import Commitment, CommitmentParty, Decision, FollowUpLetter, ProgressNote, Theme


@admin.register(Theme)
class ThemeAdmin(ManagedByRule, admin.ModelAdmin):
    manage_rule = "decisions.manage"
    list_display = ["name_es", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


class CommitmentInline(admin.StackedInline):
    model = Commitment
    extra = 0
    fields = ["description_es", "description_en", "due_date", "due_before_meeting", "order"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "theme", "kind", "access_level", "country_detail_public"]
    list_filter = ["meeting", "theme", "kind", "access_level"]
    list_select_related = ["meeting", "theme"]
    search_fields = ["text_es", "text_en"]
    raw_id_fields = ["supersedes"]
    inlines = [CommitmentInline]


class PartyInline(admin.TabularInline):
    model = CommitmentParty
    extra = 0
    fields = ["kind", "country", "group", "organization", "status"]
    # Statuses change through the members' area or the API, which log who and when.
    readonly_fields = ["status"]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "decision", "due_date", "due_before_meeting"]
    list_select_related = ["decision", "decision__meeting", "due_before_meeting"]
    inlines = [PartyInline]


@admin.register(ProgressNote)
class ProgressNoteAdmin(admin.ModelAdmin):
    list_display = ["occurred_on", "party", "kind", "status_from", "status_to", "author_name"]
    list_filter = ["kind", "status_to"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FollowUpLetter)
class FollowUpLetterAdmin(admin.ModelAdmin):
    list_display = ["meeting", "country", "language", "letter_date", "status", "sent_at"]
    list_filter = ["status", "language"]
    readonly_fields = ["items", "recipients", "sent_at"]
