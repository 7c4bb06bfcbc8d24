"""Invitations made without an address were marked sent although nothing was sent.

They are unsent again, so "Send the unsent invitations" picks them up once the directory has
an address. Nothing else changes; reversing leaves them as they are.
"""

from django.db import migrations


def unmark(apps, schema_editor):
    Invitation = apps.get_model("meetings", "Invitation")  # noqa: N806
    Invitation.objects.filter(email="", status="invited", sent_at__isnull=False).update(sent_at=None)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_merge_20261126_2301")]
    operations = [migrations.RunPython(unmark, migrations.RunPython.noop)]
