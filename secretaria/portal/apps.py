from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "secretaria.portal"
    label = "portal"
    verbose_name = _("Portal and members' area")

    def ready(self):
        from secretaria.core.dashboard import Panel, register_panel
        from secretaria.portal import mailing, panels, search

        mailing.register()
        search.register()

        register_panel(Panel("portal.news", "portal/panels/latest_news.html", panels.latest_news, order=10))
        register_panel(Panel("portal.pages", "portal/panels/members_pages.html", panels.members_pages, order=20))
        register_panel(Panel("portal.drafts", "portal/panels/drafts.html", panels.drafts, order=90))
