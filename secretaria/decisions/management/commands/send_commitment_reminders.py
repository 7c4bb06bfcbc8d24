"""Remind focal points of commitments falling due, and send the Secretariat the overdue digest.

Run it daily (cron or a systemd timer): ``manage.py send_commitment_reminders``.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from secretaria.decisions.reminders import overdue_digest_send, reminders_send


class Command(BaseCommand):
    help = "E-mail reminders of commitments due soon to the responsible focal points, and the overdue digest to the Secretariat."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=14, help="Remind of deadlines within this many days (14).")
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD).")
        parser.add_argument("--no-digest", action="store_true", help="Do not send the overdue digest.")

    def handle(self, *args, days, date, no_digest, **options):
        try:
            on = datetime.date.fromisoformat(date) if date else None
        except ValueError as exc:
            raise CommandError(f"--date: {exc}") from exc
        if days < 0:
            raise CommandError("--days must not be negative")
        reminders = reminders_send(on=on, days_ahead=days)
        digests = 0 if no_digest else overdue_digest_send(on=on)
        self.stdout.write(f"{reminders} reminder(s) queued, {digests} overdue digest(s) queued.")
