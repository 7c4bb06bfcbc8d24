from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundConfig(AppConfig):
    name = "secretaria.fund"
    label = "fund"
    verbose_name = _("Reserve fund for assisted return")

    def ready(self):
        from secretaria.fund import rules

        rules.register()
