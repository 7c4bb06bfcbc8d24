from django.contrib import admin

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core.access import DEFAULT_LEVEL_HELP, DEFAULT_NEW_LEVEL
from secretaria.core.admin import ManagedByRule
from secretaria.meetings.mailing import MEETING_ANNOUNCED
from secretaria.meetings.models import (
    ContractedService,
    ContractedServiceFile,
    ContractedServiceStatusChange,
    Invitation,
    Letter,
    LetterRecipient,
    LetterTemplate,
    Mailing,
    Meeting,
    ParticipationEvent,
    Registration,
)
from secretaria.meetings.search import entries_of, index_meeting
from secretaria.outbox.services import outbox_emit
from secretaria.search.services import unindex_object


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

    def get_changeform_initial_data(self, request):
        # The same default as the Secretariat's form: members-only until someone chooses "Public".
        return {"access_level": DEFAULT_NEW_LEVEL, **super().get_changeform_initial_data(request)}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "access_level":
            field.help_text = DEFAULT_LEVEL_HELP
        return field

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
            outbox_emit(kind=MEETING_ANNOUNCED, payload={"meeting_id": obj.pk})  # for the distribution lists

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        index_meeting(form.instance)  # after the sponsors and hosts: they are in the entry

    def delete_model(self, request, obj):
        gone = entries_of(obj)
        super().delete_model(request, obj)
        for kind, pk in gone:
            unindex_object(kind, pk)

    def delete_queryset(self, request, queryset):
        gone = [entry for meeting in queryset for entry in entries_of(meeting)]
        super().delete_queryset(request, queryset)
        for kind, pk in gone:
            unindex_object(kind, pk)


# --- Read-only views of what the services write ------------------------------------------
# Invitations, registrations, letters, mailings and contracted services change only through
# their services (signed links, history events, activity record, e-mails, status transitions),
# so the admin shows them without letting anyone add, edit or delete them here.


class ReadOnlyAdminMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(ReadOnlyAdminMixin, admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False


class ParticipationEventInline(ReadOnlyInline):
    model = ParticipationEvent
    fields = ["at", "kind", "registration", "actor", "note"]


class RegistrationInline(ReadOnlyInline):
    model = Registration
    fields = ["person", "role", "status", "listed_publicly", "registered_at", "decided_at"]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "meeting", "category", "for_delegation", "status", "sent_at", "responded_at"]
    list_filter = ["category", "status", "for_delegation", "meeting"]
    search_fields = ["person__family_name", "person__given_name", "country__name_es", "organization__name_es", "email"]
    list_select_related = ["meeting", "person", "country", "organization"]
    exclude = ["nonce"]
    inlines = [RegistrationInline, ParticipationEventInline]


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["person", "meeting", "role", "status", "listed_publicly", "registered_at"]
    list_filter = ["status", "role", "listed_publicly", "meeting"]
    search_fields = ["person__family_name", "person__given_name"]
    list_select_related = ["meeting", "person"]
    exclude = ["nonce"]


@admin.register(ParticipationEvent)
class ParticipationEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "kind", "invitation", "registration", "actor"]
    list_filter = ["kind"]
    list_select_related = ["invitation", "registration", "actor"]
    date_hierarchy = "at"


@admin.register(LetterTemplate)
class LetterTemplateAdmin(ManagedByRule, admin.ModelAdmin):
    """Templates are plain content (placeholders such as {name}, {meeting}): edited here, by the Secretariat too."""

    manage_rule = "meetings.manage"

    list_display = ["name", "slug", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "subject_es", "subject_en"]
    prepopulated_fields = {"slug": ["name"]}


class LetterRecipientInline(ReadOnlyInline):
    model = LetterRecipient
    fields = ["name", "email", "language", "subject", "sent_at", "send_count"]


@admin.register(Letter)
class LetterAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["template", "meeting", "kind", "signed_on_behalf_of", "sent_at", "sent_by"]
    list_filter = ["kind", "meeting"]
    list_select_related = ["template", "meeting", "sent_by"]
    inlines = [LetterRecipientInline]


@admin.register(Mailing)
class MailingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["subject_es", "meeting", "sent_at", "sent_by"]
    list_filter = ["meeting"]
    list_select_related = ["meeting", "sent_by"]


class ServiceStatusChangeInline(ReadOnlyInline):
    model = ContractedServiceStatusChange
    fk_name = "service"


class ServiceFileInline(ReadOnlyInline):
    model = ContractedServiceFile
    fk_name = "service"


@admin.register(ContractedService)
class ContractedServiceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "meeting", "kind", "supplier", "amount", "currency", "funder", "status"]
    list_filter = ["kind", "status", "funder", "currency", "meeting"]
    search_fields = ["description_es", "description_en", "supplier__name_es"]
    list_select_related = ["meeting", "supplier"]
    inlines = [ServiceStatusChangeInline, ServiceFileInline]
