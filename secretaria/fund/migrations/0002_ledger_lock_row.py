from django.db import migrations


def create_rows(apps, schema_editor):
    apps.get_model("fund", "LedgerLock").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("fund", "0001_initial")]
    operations = [migrations.RunPython(create_rows, migrations.RunPython.noop)]
