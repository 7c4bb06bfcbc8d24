from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "secretaria.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from secretaria.meetings import rules

        rules.register()
        from secretaria.meetings import contracts_rules

        contracts_rules.register()
