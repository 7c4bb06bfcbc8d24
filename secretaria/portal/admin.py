from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from secretaria.portal.models import Image, NewsItem, Page
from secretaria.portal.search import index_content, kind_of
from secretaria.search.services import unindex_object


class IndexedAdmin(SimpleHistoryAdmin):
    """Administrators edit pages and news here without the services: keep the search in step."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        index_content(obj)

    def delete_model(self, request, obj):
        kind, pk = kind_of(obj), obj.pk
        super().delete_model(request, obj)
        unindex_object(kind, pk)

    def delete_queryset(self, request, queryset):
        gone = [(kind_of(obj), obj.pk) for obj in queryset]
        super().delete_queryset(request, queryset)
        for kind, pk in gone:
            unindex_object(kind, pk)


@admin.register(Page)
class PageAdmin(IndexedAdmin):
    list_display = ["title_es", "site", "slug", "access_level", "status", "publish_at", "updated_at"]
    list_filter = ["site", "status", "access_level"]
    search_fields = ["slug", "title_es", "title_en"]
    list_select_related = ["access_group"]
    readonly_fields = ["created_at", "updated_at", "created_by", "updated_by"]


@admin.register(NewsItem)
class NewsItemAdmin(IndexedAdmin):
    list_display = ["title_es", "slug", "access_level", "status", "publish_at", "author"]
    list_filter = ["status", "access_level"]
    search_fields = ["slug", "title_es", "title_en"]
    date_hierarchy = "publish_at"
    list_select_related = ["author"]
    readonly_fields = ["created_at", "updated_at", "author", "updated_by"]


@admin.register(Image)
class ImageAdmin(SimpleHistoryAdmin):
    list_display = ["name", "alt_es", "width", "height", "uploaded_by", "uploaded_at"]
    search_fields = ["alt_es", "alt_en", "original_name"]
    list_select_related = ["uploaded_by"]
    readonly_fields = ["width", "height", "uploaded_by", "uploaded_at", "original_name"]
