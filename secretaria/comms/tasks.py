"""Background tasks: the outbox consumer, the mail queue and digests, for the django-tasks worker.

The long-running ``send_mail_queue`` process of the Procfile does all three on its own; these
tasks let a deployment without it (or a cron job) drive the same functions.
"""

from django_tasks import task

# Bounded so one task never holds the worker for long; what is left is sent by the next one.
TASK_MAX_SECONDS = 60


@task(queue_name="default")
def process_outbox_task() -> dict:
    from secretaria.comms.services import process_outbox

    return process_outbox()


@task(queue_name="default")
def send_mail_queue_task() -> dict:
    from secretaria.comms.sending import send_queue

    stats = send_queue(max_seconds=TASK_MAX_SECONDS)
    return {"sent": stats.sent, "deferred": stats.deferred, "failed": stats.failed}


@task(queue_name="default")
def send_digests_task(rhythm: str = "daily") -> dict:
    from secretaria.comms.services import send_digests

    return send_digests(rhythm=rhythm)
