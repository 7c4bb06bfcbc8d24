from django.contrib import admin

from secretaria.core.admin import ManagedByRule
from secretaria.outreach.models import (
    AnswerTemplate,
    AnswerTemplateVersion,
    Engagement,
    EngagementDocument,
    FollowUp,
    Material,
    MissionCost,
)


class _Managed(ManagedByRule, admin.ModelAdmin):
    manage_rule = "outreach.manage"


class _Inline(ManagedByRule):
    manage_rule = "outreach.manage"
    extra = 0


class DeliverableInline(_Inline, admin.TabularInline):
    model = EngagementDocument
    raw_id_fields = ["document"]


class FollowUpInline(_Inline, admin.TabularInline):
    model = FollowUp


class MissionCostInline(_Inline, admin.TabularInline):
    model = MissionCost
    raw_id_fields = ["funder_country", "funder_organization"]


@admin.register(Engagement)
class EngagementAdmin(_Managed):
    list_display = ["title_es", "kind", "start_date", "status", "access_level"]
    list_filter = ["kind", "status", "access_level"]
    search_fields = ["title_es", "title_en", "place"]
    raw_id_fields = ["organization", "contact", "mission_report", "country"]
    filter_horizontal = ["secretariat_people", "people_met", "organizations_met"]
    readonly_fields = ["status", "decided_at", "decided_by", "decision_comment"]
    inlines = [DeliverableInline, FollowUpInline, MissionCostInline]


@admin.register(Material)
class MaterialAdmin(_Managed):
    list_display = ["title_es", "kind", "date", "status"]
    readonly_fields = ["status", "reviewed_at", "reviewed_by", "published_at"]


class VersionInline(admin.StackedInline):
    model = AnswerTemplateVersion
    extra = 0
    readonly_fields = ["number", "subject_es", "subject_en", "body_es", "body_en", "created_at", "created_by"]
    can_delete = False


@admin.register(AnswerTemplate)
class AnswerTemplateAdmin(_Managed):
    list_display = ["slug", "name_es", "is_active"]
    inlines = [VersionInline]
