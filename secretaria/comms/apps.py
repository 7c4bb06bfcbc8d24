from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommsConfig(AppConfig):
    name = "secretaria.comms"
    label = "comms"
    verbose_name = _("Distribution lists and bulletins")

    def ready(self):
        from secretaria.archive.registry import register as register_archive
        from secretaria.comms import bulletins, kinds, tasks  # noqa: F401 - registers event kinds, sections, the mail-queue wake-up
        from secretaria.comms.panels import secretariat_panel, subscriptions_panel
        from secretaria.comms.search import ListMessageSearchSource
        from secretaria.core import access
        from secretaria.core.dashboard import Panel, register_panel
        from secretaria.search.registry import register_source

        if "comms.manage" not in access.rules():
            access.register_rule("comms.manage", lambda user, obj: access.is_secretariat(user))
        register_source(ListMessageSearchSource())
        register_archive("outbox.Event", json_refs={"payload": {  # an event not yet delivered at export
            "bulletin_id": "comms.Bulletin", "list_id": "comms.MailingList",
        }})  # fmt: skip
        register_panel(Panel("comms.subscriptions", "comms/_panel.html", subscriptions_panel, order=60))
        register_panel(Panel("comms.secretariat", "comms/_secretariat_panel.html", secretariat_panel, order=16))
