from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "secretaria.portal"
    label = "portal"
    verbose_name = _("Portal and members' area")

    def ready(self):
        from secretaria.core import access
        from secretaria.core.dashboard import Panel, register_panel
        from secretaria.media.owners import OwnerKind, register_owner
        from secretaria.portal import mailing, panels, search

        mailing.register()
        search.register()
        # Galleries of photos and videos on a page (media sits below the portal: it offers the registry).
        register_owner(OwnerKind("portal.page", can_view=lambda user, page: page.is_live and access.can_view_object(user, page),
                                 url=lambda page: page.get_absolute_url()))  # fmt: skip

        register_panel(Panel("portal.news", "portal/panels/latest_news.html", panels.latest_news, order=10))
        register_panel(Panel("portal.pages", "portal/panels/members_pages.html", panels.members_pages, order=20))
        register_panel(Panel("portal.drafts", "portal/panels/drafts.html", panels.drafts, order=90))
