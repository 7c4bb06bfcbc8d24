"""Build a database at the first migration state of every app, put rows in it through the
historical models, then migrate it forward to today's state (run by test_migrations.py)."""

import datetime
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretaria.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402

executor = MigrationExecutor(connection)
# Each of our apps at its first migration (and whatever those need of the others): the state
# of a database built by the first landed release.
graph = executor.loader.graph
ours = sorted({app for app, _ in graph.leaf_nodes() if f"secretaria.{app}" in settings.INSTALLED_APPS})
first = [(app, "0001_initial") for app in ours]
nodes = []
for target in first:
    nodes += [node for node in graph.forwards_plan(target) if node not in nodes]
executor.migrate(first, plan=[(graph.nodes[node], False) for node in nodes])
apps = executor.loader.project_state(first).apps

Country = apps.get_model("directory", "Country")
Organization = apps.get_model("directory", "Organization")
Person = apps.get_model("directory", "Person")
User = apps.get_model("accounts", "User")
Document = apps.get_model("documents", "Document")
Meeting = apps.get_model("meetings", "Meeting")

gt = Country.objects.create(iso2="GT", iso3="GTM", name_es="Guatemala", name_en="Guatemala", status="member")
st = Organization.objects.create(kind="secretariat", name_es="Secretaría Técnica", name_en="Technical Secretariat")
person = Person.objects.create(given_name="Luis", family_name="Monzón", organization=st, country=gt)
User.objects.create(username="old-st", role="secretariat", person=person, email="st@example.org")
Meeting.objects.create(
    kind="seminar", slug="migracion-y-salud-2004", title_es="Seminario Migración y Salud",
    start_date=datetime.date(2004, 10, 18), end_date=datetime.date(2004, 10, 19), city="Ciudad de Guatemala",
)  # fmt: skip
Document.objects.create(
    symbol="CRM/ST/2004/12",
    title_es="Informe de la Secretaría Técnica",
    date=datetime.date(2004, 11, 30),
    access_level="public",
)

call_command("migrate", verbosity=0, interactive=False)
print("applied", len(nodes), "migrations of the first state, then migrated forward")
