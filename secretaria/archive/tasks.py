"""The weekly restore drill, run by the task worker (``manage.py db_worker``).

Each run schedules the next one a week later; ``manage.py restore_drill --schedule`` starts the
chain (once, after install), and starting it again does not queue a second chain."""

import datetime

from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from secretaria.archive.drill import run_drill

WEEK = datetime.timedelta(days=7)


@task()
def weekly_restore_drill() -> bool:
    try:
        return run_drill().ok
    finally:
        schedule_next_drill(after=timezone.now() + WEEK)


def schedule_next_drill(*, after: datetime.datetime | None = None):
    """Queue the next drill unless one is already waiting; None when the backend cannot defer."""
    backend = weekly_restore_drill.get_backend()
    if not backend.supports_defer:
        return None
    if DBTaskResult.objects.filter(task_path=weekly_restore_drill.module_path, status="READY").exists():
        return None
    return weekly_restore_drill.using(run_after=after or timezone.now() + WEEK).enqueue()
