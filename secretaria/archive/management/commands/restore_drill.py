"""Prove the archive restores: ``manage.py restore_drill`` (weekly by itself once scheduled)."""

from django.core.management.base import BaseCommand, CommandError

from secretaria.archive.drill import run_drill
from secretaria.archive.tasks import schedule_next_drill


class Command(BaseCommand):
    help = (
        "Export the site, import it into a throwaway database and storage, export that copy again, "
        "compare record counts, records and file hashes, and report (kept for the dashboard)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database-url", help="an EMPTY database for the copy (default: a temporary SQLite file)")
        parser.add_argument("--keep", action="store_true", help="keep the temporary packages and copy")
        parser.add_argument(
            "--schedule", action="store_true", help="only queue the weekly drill (run by the task worker)"
        )

    def handle(self, *args, database_url, keep, schedule, **options):
        if schedule:
            queued = schedule_next_drill()
            if queued is None:
                self.stdout.write("A drill is already queued, or the task backend cannot schedule (TASKS_BACKEND).")
            else:
                self.stdout.write(self.style.SUCCESS(f"Weekly drill queued for {queued.run_after:%Y-%m-%d %H:%M}."))
            return
        drill = run_drill(database_url=database_url, keep=keep)
        self.stdout.write(drill.report)
        if not drill.ok:
            raise CommandError("The restore drill FAILED.")
        self.stdout.write(self.style.SUCCESS("Restore drill succeeded."))
