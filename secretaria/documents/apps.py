from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "secretaria.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from secretaria.archive.registry import register as register_archive
        from secretaria.core import access
        from secretaria.core.dashboard import Panel, register_panel
        from secretaria.documents.archive import readable_copies
        from secretaria.documents.panels import recent_documents_panel
        from secretaria.documents.search import DocumentSearchSource
        from secretaria.search.registry import register_source

        if "documents.manage" not in access.rules():
            access.register_rule("documents.manage", lambda user, obj: access.is_secretariat(user))
        register_source(DocumentSearchSource())
        register_panel(Panel("documents.recent", "documents/_panel.html", recent_documents_panel, order=20))
        register_archive("documents.DocumentFile", readable=readable_copies)
        # Keys inside the payload of an event not yet delivered when the site was exported.
        register_archive("outbox.Event", json_refs={"payload": {
            "document_id": "documents.Document", "access_group_id": "directory.Group", "published_by": "accounts.User",
        }})  # fmt: skip
