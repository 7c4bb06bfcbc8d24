"""Load the demo data described by the seed report, idempotently.

Each app that has demo data provides ``secretaria/<app>/demo.py`` with a function
``load(*, stdout, style)``; they run in INSTALLED_APPS order, so the directory comes
before the modules that refer to it. Running the command twice changes nothing.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo data from the seed report (idempotent)."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            if not config.name.startswith("secretaria."):
                continue
            module_name = f"{config.name}.demo"
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load(stdout=self.stdout, style=self.style)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
