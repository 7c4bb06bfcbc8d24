from django.contrib import admin

from secretaria.media.models import Gallery, MediaFile, MediaItem


class MediaFileInline(admin.TabularInline):
    model = MediaFile
    extra = 0
    fields = ["role", "language", "content_type", "size", "width", "height"]
    readonly_fields = fields


@admin.register(Gallery)
class GalleryAdmin(admin.ModelAdmin):
    list_display = ["title_es", "meeting", "status", "access_level", "created_at"]
    list_filter = ["status", "access_level"]
    search_fields = ["title_es", "title_en"]
    raw_id_fields = ["meeting", "cover"]


@admin.register(MediaItem)
class MediaItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "gallery", "kind", "state", "access_level", "position"]
    list_filter = ["kind", "state", "access_level"]
    raw_id_fields = ["gallery"]
    inlines = [MediaFileInline]
