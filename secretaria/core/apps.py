from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "secretaria.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from secretaria.core import (
            signals,  # noqa: F401  (audit log receivers)
            staticfiles,
            uploads,
        )

        uploads.install()
        staticfiles.ignore_source_maps()  # files named in another encoding than UTF-8 are no longer dropped
