from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "secretaria.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from secretaria.accounts import panels

        panels.register()
