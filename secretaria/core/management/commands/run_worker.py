"""``manage.py run_worker``: the task worker of whichever TASKS_BACKEND is configured.

One command for the Procfile and the systemd unit (deploy/systemd/secretaria-worker.service):
``database`` runs django-tasks-db's ``db_worker`` on every queue; ``rq`` runs django-rq's
``rqworker`` on every queue with RQ's scheduler (deferred tasks and retries). ``--burst`` works
off what is queued and stops (tests, cron).
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run the background task worker of the configured TASKS_BACKEND."

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="Work off the queued tasks, then stop.")

    def handle(self, *args, burst: bool = False, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        queues = list(settings.TASKS["default"].get("QUEUES") or ["default"])
        if backend == "django_tasks_rq.RQBackend":
            call_command("rqworker", *queues, with_scheduler=True, burst=burst)
        elif backend == "django_tasks_db.DatabaseBackend":
            call_command("db_worker", queue_name=",".join(queues), interval=1, batch=burst)
        else:
            raise CommandError(f"TASKS_BACKEND runs tasks without a worker ({backend}); nothing to do.")
