"""Read the inquiries mailbox (IMAP, or a Maildir) and turn each message into an inquiry or the
next message of one. A handled message is deleted from the mailbox (IMAP: flagged \\Deleted and
expunged); one that makes the handler crash is left in place and reported. Run it from cron.

    manage.py receive_inquiries --imap-host mail.example.org --imap-user consultas
        (password from the environment variable OUTREACH_IMAP_PASSWORD; TLS unless --no-tls)
    manage.py receive_inquiries --maildir /var/mail/consultas
"""

import imaplib
import mailbox
import os

from django.core.management.base import BaseCommand, CommandError

from secretaria.outreach.inbound import handle_inbound_inquiry


def imap_connect(host: str, port: int | None, tls: bool):
    """The IMAP connection (a function, so tests can put a local stand-in in its place)."""
    if tls:
        return imaplib.IMAP4_SSL(host, port or 993)
    return imaplib.IMAP4(host, port or 143)


class Command(BaseCommand):
    help = "Turn the messages of the inquiries mailbox (IMAP or Maildir) into inquiries."

    def add_arguments(self, parser):
        parser.add_argument("--imap-host")
        parser.add_argument("--imap-port", type=int)
        parser.add_argument("--imap-user")
        parser.add_argument("--imap-folder", default="INBOX")
        parser.add_argument("--no-tls", action="store_true", help="Plain IMAP (a local server only).")
        parser.add_argument("--maildir", help="Read a Maildir instead of IMAP.")

    def _handle(self, raw) -> str:
        result = handle_inbound_inquiry(raw)
        if result.refused:
            return "refused"
        return "new" if result.new else "thread"

    def handle(self, *args, **options):
        counts = {"new": 0, "thread": 0, "refused": 0, "failed": 0}
        if options["maildir"]:
            self._maildir(options["maildir"], counts)
        elif options["imap_host"]:
            self._imap(options, counts)
        else:
            raise CommandError("give --imap-host (and --imap-user) or --maildir")
        self.stdout.write(self.style.SUCCESS(
            f"{counts['new']} new inquiries, {counts['thread']} answers in threads, {counts['refused']} refused, "
            f"{counts['failed']} failed."))  # fmt: skip
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} message(s) could not be handled")

    def _run_one(self, key, raw, counts) -> bool:
        try:
            counts[self._handle(raw)] += 1
        except Exception as exc:  # noqa: BLE001 - one bad message must not stop the others
            counts["failed"] += 1
            self.stderr.write(f"{key}: not handled, left in the mailbox: {exc!r}")
            return False
        return True

    def _maildir(self, path, counts):
        try:
            box = mailbox.Maildir(path, factory=None, create=False)
            keys = list(box.iterkeys())
        except (OSError, mailbox.Error) as exc:
            raise CommandError(f"cannot read the Maildir {path}: {exc}") from exc
        for key in keys:
            try:
                raw = box.get_bytes(key)
            except KeyError:
                continue
            if self._run_one(key, raw, counts):
                box.discard(key)

    def _imap(self, options, counts):
        password = os.environ.get("OUTREACH_IMAP_PASSWORD", "")
        try:
            conn = imap_connect(options["imap_host"], options["imap_port"], not options["no_tls"])
            conn.login(options["imap_user"] or "", password)
            status, _data = conn.select(options["imap_folder"])
            if status != "OK":
                raise CommandError(f"cannot open the folder {options['imap_folder']}")
            status, data = conn.uid("SEARCH", None, "ALL")
        except (OSError, imaplib.IMAP4.error) as exc:
            raise CommandError(f"cannot read the IMAP mailbox: {exc}") from exc
        for uid in (data[0] or b"").split():
            status, parts = conn.uid("FETCH", uid, "(RFC822)")
            raw = next((p[1] for p in parts if isinstance(p, tuple)), None)
            if status != "OK" or raw is None:
                continue
            if self._run_one(uid.decode(), raw, counts):
                conn.uid("STORE", uid, "+FLAGS", "(\\Deleted)")
        conn.expunge()
        conn.logout()
