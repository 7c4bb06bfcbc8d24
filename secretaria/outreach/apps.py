from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "secretaria.outreach"
    label = "outreach"
    verbose_name = _("Outreach and inquiries")

    def ready(self):
        from secretaria.core.dashboard import Panel, register_panel
        from secretaria.outreach import panels, rules
        from secretaria.outreach.search import EngagementSearchSource, MaterialSearchSource
        from secretaria.search.registry import register_source

        rules.register()
        register_panel(Panel("outreach.pending_approvals", "outreach/panels/pending.html", panels.pending, order=35))
        register_panel(Panel("outreach.inquiries", "outreach/panels/inquiries.html", panels.inquiries, order=36))
        register_source(EngagementSearchSource())
        register_source(MaterialSearchSource())
