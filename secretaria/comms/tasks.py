"""Background tasks: the outbox consumer, the mail queue and digests, for the django-tasks worker.

The long-running ``send_mail_queue`` process of the Procfile does all three on its own; these
tasks let a deployment without it (or a cron job) drive the same functions.
"""

import logging

from django.dispatch import receiver
from django_tasks import task

from secretaria.comms.sending import send_queue
from secretaria.comms.services import process_outbox, send_digests
from secretaria.comms.signals import deliveries_queued

log = logging.getLogger(__name__)

# Bounded so one task never holds the worker for long; what is left is sent by the next one.
TASK_MAX_SECONDS = 60


@task(queue_name="default")
def process_outbox_task() -> dict:
    return process_outbox()


@task(queue_name="default")
def send_mail_queue_task() -> dict:
    stats = send_queue(max_seconds=TASK_MAX_SECONDS)
    return {"sent": stats.sent, "deferred": stats.deferred, "failed": stats.failed}


@task(queue_name="default")
def send_digests_task(rhythm: str = "daily") -> dict:
    return send_digests(rhythm=rhythm)


@receiver(deliveries_queued)
def wake_senders(**kwargs) -> None:
    """Deliveries were just committed: have the worker send them (the mailer process would too)."""
    try:
        send_mail_queue_task.enqueue()
    except Exception:  # the mailer process sends anyway; a full task queue must not fail the write
        log.exception("could not enqueue the mail queue task")
