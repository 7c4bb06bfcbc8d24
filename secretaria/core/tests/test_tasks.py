"""E-mail leaves through the background worker: queued in the database, sent by db_worker."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from secretaria.core.tasks import queue_email

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}}


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_a_queued_email_waits_for_the_worker_and_is_sent_once():
    queue_email(subject="Carta de seguimiento", body="Estimados…", to=["enlace@example.org"])

    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    call_command("db_worker", "--batch", "--queue-name", "default,email", verbosity=0)

    assert [m.subject for m in mail.outbox] == ["Carta de seguimiento"]
    assert mail.outbox[0].to == ["enlace@example.org"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"

    call_command("db_worker", "--batch", "--queue-name", "default,email", verbosity=0)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_email_with_an_html_part_keeps_both_parts():
    queue_email(subject="Boletín", body="texto", html="<p>texto</p>", to=["a@example.org"])

    (message,) = mail.outbox
    assert message.body == "texto"
    assert message.alternatives[0][0] == "<p>texto</p>"
