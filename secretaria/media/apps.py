from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "secretaria.media"
    label = "media"
    verbose_name = _("Photos and videos")

    def ready(self):
        from secretaria.archive.registry import register as register_archive
        from secretaria.core.dashboard import Panel, register_panel
        from secretaria.media import engagements, formats, mailing, panels, rules, search, sections

        formats.register_heif()
        rules.register()
        sections.register()
        engagements.register()
        search.register()
        mailing.register()
        register_archive("outbox.Event", json_refs={"payload": {  # an event not yet delivered at export
            "gallery_id": "media.Gallery", "meeting_id": "meetings.Meeting", "access_group_id": "directory.Group",
        }})  # fmt: skip
        register_panel(Panel("media.storage", "media/_panel.html", panels.storage_panel, order=80))
