from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "secretaria.reports"
    label = "reports"
    verbose_name = _("Activity reports")

    def ready(self):
        from secretaria.archive.registry import register as register_archive
        from secretaria.core import access
        from secretaria.core.dashboard import Panel, register_panel
        from secretaria.reports import panels, providers
        from secretaria.reports.archive import readable_copies

        access.register_rule("reports.manage", lambda user, obj: access.is_secretariat(user))
        # The Pro-Tempore Presidency approves a report the Secretariat sends it (optional step).
        access.register_rule(
            "reports.approve", lambda user, obj: access.is_secretariat(user) or access.is_current_ppt(user)
        )
        providers.register()
        register_panel(Panel("reports.awaiting_approval", "reports/panels/awaiting_approval.html",
                             panels.awaiting_approval, order=6))  # fmt: skip
        register_archive("reports.ReportFile", readable=readable_copies)
