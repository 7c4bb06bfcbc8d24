from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "secretaria.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from secretaria.search import directory

        directory.register()
