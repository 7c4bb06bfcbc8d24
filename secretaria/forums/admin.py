from django.contrib import admin

from secretaria.core.admin import ManagedByRule
from secretaria.forums.models import Follow, Forum, Post, PostReport, Thread
from secretaria.forums.services import forum_save


@admin.register(Forum)
class ForumAdmin(ManagedByRule, admin.ModelAdmin):
    manage_rule = "forums.moderate"
    list_display = ["name_es", "slug", "kind", "group", "access_level", "is_active", "position"]
    list_filter = ["kind", "access_level", "is_active"]
    fields = [
        "slug", "kind", "group", "name_es", "name_en", "description_es", "description_en",
        "access_level", "access_group", "position", "is_active",
    ]  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj else []  # forum_save finds the forum by its slug

    def save_model(self, request, obj, form, change):
        # Access is derived for a group's forum (its group) and the public one; the service
        # decides, and reindexes the forum's posts when it changes.

        names = ("name_en", "description_es", "description_en", "position", "is_active", "access_level", "access_group")
        fields = {f: getattr(obj, f) for f in names}
        saved = forum_save(slug=obj.slug, kind=obj.kind, name_es=obj.name_es, group=obj.group, **fields)
        obj.pk = saved.pk


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["title", "forum", "author", "created", "pinned", "locked", "hidden"]
    list_filter = ["forum", "pinned", "locked", "hidden"]
    search_fields = ["title"]
    raw_id_fields = ["author"]
    # Moving, locking, pinning and hiding go through the moderation pages (services: index, audit).
    readonly_fields = ["forum", "pinned", "locked", "hidden"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "created", "hidden"]
    list_filter = ["hidden", "thread__forum"]
    raw_id_fields = ["thread", "author", "hidden_by", "quote_of"]
    # Editing and hiding go through the forum pages (services: revisions, index, audit).
    readonly_fields = ["thread", "body", "body_html", "hidden", "hidden_by"]


@admin.register(PostReport)
class PostReportAdmin(admin.ModelAdmin):
    list_display = ["post", "reporter", "created", "resolved_at"]
    raw_id_fields = ["post", "reporter", "resolved_by"]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "thread", "forum", "mode"]
    raw_id_fields = ["user", "thread", "forum"]
