from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from secretaria.portal.models import Image, NewsItem, Page


@admin.register(Page)
class PageAdmin(SimpleHistoryAdmin):
    list_display = ["title_es", "site", "slug", "access_level", "status", "publish_at", "updated_at"]
    list_filter = ["site", "status", "access_level"]
    search_fields = ["slug", "title_es", "title_en"]
    list_select_related = ["access_group"]
    readonly_fields = ["created_at", "updated_at", "created_by", "updated_by"]


@admin.register(NewsItem)
class NewsItemAdmin(SimpleHistoryAdmin):
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
