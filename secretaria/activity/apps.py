from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    name = "secretaria.activity"
    label = "activity"
    verbose_name = _("Activity record")

    def ready(self):
        from secretaria.core import access

        # The record of what the Secretariat did is the Secretariat's working file; the
        # six-monthly report built from it is published separately.
        access.register_rule("activity.view", lambda user, obj: access.is_secretariat(user))
