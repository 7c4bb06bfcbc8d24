import imaplib
import time

from django.core.management.base import BaseCommand, CommandError

from secretaria.comms import bounces


class Command(BaseCommand):
    help = "Read bounce reports (and mailto: unsubscribes) from a Maildir, an IMAP mailbox, or serve LMTP."

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--maildir", help="Path of a Maildir; processed messages are removed (see --keep).")
        source.add_argument("--imap", help="imaps://user:password@host/INBOX")
        source.add_argument("--lmtp", help="HOST:PORT to listen on for LMTP deliveries (runs until stopped).")
        parser.add_argument("--keep", action="store_true", help="Maildir: mark messages seen instead of removing them.")

    def handle(self, *args, maildir, imap, lmtp, keep, **options):
        if maildir:
            try:
                counts = bounces.process_maildir(maildir, keep=keep)
            except FileNotFoundError:
                raise CommandError(f"no Maildir at {maildir}") from None
        elif imap:
            try:
                counts = bounces.process_imap(imap)
            except (OSError, ValueError, imaplib.IMAP4.error) as exc:
                raise CommandError(f"IMAP: {exc}") from None
        else:
            return self._serve_lmtp(lmtp)
        self.stdout.write(", ".join(f"{n} {what}" for what, n in sorted(counts.items())) or "nothing to read")

    def _serve_lmtp(self, address):
        from aiosmtpd.controller import Controller  # noqa: PLC0415 - only the --lmtp server needs it; the other modes start without loading it
        from aiosmtpd.lmtp import LMTP  # noqa: PLC0415 - only the --lmtp server needs it; the other modes start without loading it

        host, _, port = address.rpartition(":")
        if not host or not port.isdigit():
            raise CommandError("--lmtp takes HOST:PORT")

        class LMTPController(Controller):
            def factory(self):
                return LMTP(self.handler)

        controller = LMTPController(bounces.LMTPHandler(), hostname=host, port=int(port))
        controller.start()
        self.stdout.write(f"LMTP listening on {host}:{port}")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
