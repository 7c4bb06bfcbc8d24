from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "secretaria.reports"
    label = "reports"
    verbose_name = _("Activity reports")

    def ready(self):
        from secretaria.core import access
        from secretaria.reports import providers

        access.register_rule("reports.manage", lambda user, obj: access.is_secretariat(user))
        # The Pro-Tempore Presidency approves a report the Secretariat sends it (optional step).
        access.register_rule(
            "reports.approve", lambda user, obj: access.is_secretariat(user) or access.is_current_ppt(user)
        )
        providers.register()
