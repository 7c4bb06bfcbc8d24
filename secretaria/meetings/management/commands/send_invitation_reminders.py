"""Remind invitees who have not answered, in the days before each meeting's registration deadline.

Run it daily from cron (``manage.py send_invitation_reminders``); with the database task backend
the reminder run is also scheduled when the invitations are sent. Nobody is reminded twice
within three days, so running it more often is harmless.
"""

from django.core.management.base import BaseCommand

from secretaria.meetings.services import invitations_send_reminders


class Command(BaseCommand):
    help = "E-mail a reminder to the invitees who have not answered, before the registration deadline."

    def handle(self, *args, **options):
        count = invitations_send_reminders()
        self.stdout.write(self.style.SUCCESS(f"{count} reminders sent."))
