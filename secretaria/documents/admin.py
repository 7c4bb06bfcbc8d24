from django.contrib import admin

from secretaria.documents.models import Document, DocumentFile, DocumentFileRevision, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_es", "name_en"]
    prepopulated_fields = {"slug": ["name_es"]}


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 0
    fields = ["language", "original_name", "file_type", "size", "extraction_state", "extraction_error"]
    readonly_fields = fields
    can_delete = False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Read-mostly: documents are written through the Secretariat's forms (services), not here."""

    list_display = ["symbol", "title_es", "doc_type", "date", "status", "access_level"]
    list_filter = ["status", "doc_type", "access_level"]
    search_fields = ["symbol", "title_es", "title_en"]
    readonly_fields = [f.name for f in Document._meta.fields]
    inlines = [DocumentFileInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DocumentFileRevision)
class DocumentFileRevisionAdmin(admin.ModelAdmin):
    list_display = ["document_file", "original_name", "uploaded_at", "replaced_at"]
    readonly_fields = [f.name for f in DocumentFileRevision._meta.fields]

    def has_add_permission(self, request):
        return False
