from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundConfig(AppConfig):
    name = "secretaria.fund"
    label = "fund"
    verbose_name = _("Reserve fund for assisted return")

    def ready(self):
        from secretaria.core.dashboard import Panel, register_panel
        from secretaria.fund import panels, rules

        rules.register()
        register_panel(Panel("fund", "fund/panels/fund.html", panels.fund_panel, order=45))
