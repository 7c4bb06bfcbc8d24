from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "secretaria.forums"
    label = "forums"
    verbose_name = _("Forums")

    def ready(self):
        from secretaria.core.dashboard import Panel, register_panel
        from secretaria.forums import policy
        from secretaria.forums.panels import recent_threads_panel
        from secretaria.forums.search import ForumPostSearchSource
        from secretaria.search.registry import register_source

        policy.register_rules()
        register_source(ForumPostSearchSource())
        register_panel(Panel("forums.recent", "forums/_panel.html", recent_threads_panel, order=40))
