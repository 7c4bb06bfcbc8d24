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
        self._tell_the_archive()
        register_panel(Panel("fund", "fund/panels/fund.html", panels.fund_panel, order=45))

    def _tell_the_archive(self):
        """A site export carries the cases' personal data only in its passphrase-encrypted part
        (every ``Encrypted*`` field), never in the readable records; the ledger's lock row is made
        by the target's own migration."""
        from secretaria.archive.registry import register as register_archive
        from secretaria.fund.crypto import EncryptedFieldMixin

        for model in self.get_models():
            personal = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedFieldMixin)]
            if personal:
                register_archive(model._meta.label, sensitive=personal)
        register_archive("fund.LedgerLock", skip=True)
