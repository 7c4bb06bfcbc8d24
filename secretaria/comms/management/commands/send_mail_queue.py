"""The mailer: sends the delivery queue; without --once it keeps running (the Procfile's "mailer").

Each cycle it also consumes the outbox and sends the daily and weekly digests when they are due,
so one long-running process is all distribution lists need. Several may run at once.
"""

import signal
import time

from django.core.management.base import BaseCommand

from secretaria.comms import sending, services

SYNC_EVERY_SECONDS = 600


class Command(BaseCommand):
    help = "Send queued list deliveries over SMTP (see docs/mail-delivery.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker-id", default=None, help="A stable name: a restarted worker re-queues its own rows at once."
        )
        parser.add_argument("--once", action="store_true", help="Send what is due now, then stop.")
        parser.add_argument("--batch-size", type=int, default=None)
        parser.add_argument("--poll", type=float, default=2.0, help="Seconds between looks at an empty queue.")
        parser.add_argument("--no-outbox", action="store_true", help="Do not consume the outbox in this process.")
        parser.add_argument("--no-digests", action="store_true", help="Do not send digests from this process.")

    def handle(self, *args, worker_id, once, batch_size, poll, no_outbox, no_digests, **options):
        sender = sending.Sender(worker_id, batch_size=batch_size)

        def stop(signum, frame):
            # Finish the message in hand, give the rest of the batch back, and leave.
            sender.stop_requested = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)

        last_sync = [0.0]

        def housekeeping():
            # Roles and group memberships change elsewhere; the lists catch up every ten minutes.
            if time.monotonic() - last_sync[0] > SYNC_EVERY_SECONDS:
                services.subscriptions_sync()
                last_sync[0] = time.monotonic()
            if not no_outbox:
                services.process_outbox()
            if not no_digests:
                for rhythm in services.PERIODS:
                    services.send_digests(rhythm=rhythm)

        housekeeping()
        stats = sender.run(once=once, poll_seconds=poll, idle=housekeeping)
        self.stdout.write(
            f"worker {sender.worker_id}: {stats.sent} sent, {stats.deferred} deferred, {stats.failed} failed"
        )
