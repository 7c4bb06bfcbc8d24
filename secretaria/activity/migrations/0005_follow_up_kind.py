"""Follow-up letters recorded before their own kind existed were "letter_sent": give them theirs."""

from django.db import migrations


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Activity = apps.get_model("activity", "Activity")
    types = ContentType.objects.filter(app_label="decisions", model="followupletter")
    Activity.objects.filter(kind="letter_sent", content_type__in=types).update(kind="follow_up_sent")


def backwards(apps, schema_editor):
    Activity = apps.get_model("activity", "Activity")
    Activity.objects.filter(kind="follow_up_sent").update(kind="letter_sent")


class Migration(migrations.Migration):
    dependencies = [("activity", "0004_manual_entries"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(forwards, backwards)]
