"""Load the demo data described by the seed report, idempotently.

Each app that has demo data provides ``secretaria/<app>/demo.py`` with a function
``load(*, stdout, style)``; they run in INSTALLED_APPS order, so the directory comes
before the modules that refer to it. A module may also provide ``link(*, stdout, style)``,
run once every app has loaded, for links to the data of apps that come later (the portal's
news items name meetings and documents). Running the command twice changes nothing.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo data from the seed report (idempotent)."

    def handle(self, *args, **options):
        modules = []
        for config in apps.get_app_configs():
            if not config.name.startswith("secretaria."):
                continue
            module_name = f"{config.name}.demo"
            if find_spec(module_name) is None:
                continue
            module = import_module(module_name)
            modules.append(module)
            with transaction.atomic():
                module.load(stdout=self.stdout, style=self.style)
        for module in modules:
            if hasattr(module, "link"):
                with transaction.atomic():
                    module.link(stdout=self.stdout, style=self.style)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
