"""The RQ queue behind ``TASKS_BACKEND=rq`` (django-tasks-rq on django-rq; docs/admin/scale-out.md).

django-tasks-rq turns each Django task into an RQ job but gives it no retries. This queue
class (``RQ["QUEUE_CLASS"]`` in settings.py) adds RQ's own retry to every job that does not
carry one: ``TASKS_MAX_RETRIES`` more attempts after a failure, waiting ``TASKS_RETRY_DELAYS``
seconds between them. A job that fails its last attempt stays in the queue's failed-job
registry, which administrators see (and requeue) in the admin: Administration › Django RQ.
"""

from __future__ import annotations

from django.conf import settings
from django_rq.queues import DjangoRQ
from rq import Retry


def default_retry() -> Retry | None:
    retries = settings.TASKS_MAX_RETRIES
    if retries <= 0:
        return None
    return Retry(max=retries, interval=list(settings.TASKS_RETRY_DELAYS))


class RetryingQueue(DjangoRQ):
    def create_job(self, *args, retry: Retry | None = None, **kwargs):
        return super().create_job(*args, retry=retry or default_retry(), **kwargs)
