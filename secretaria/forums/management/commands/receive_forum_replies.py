"""Read replies to forum notifications from a Maildir and post them.

Each message in new/ (and cur/) is handled once and then removed from the Maildir, accepted
or refused (a refusal sends the sender a notice); a message that makes the handler crash is
left in place and reported, so nothing is lost silently. Run it from cron every minute.
"""

import mailbox

from django.core.management.base import BaseCommand, CommandError

from secretaria.forums.inbound import handle_inbound_email


class Command(BaseCommand):
    help = "Turn e-mailed replies (reply+<token>@FORUM_REPLY_DOMAIN) in a Maildir into forum posts."

    def add_arguments(self, parser):
        parser.add_argument("--maildir", required=True, help="Path of the Maildir that receives the replies.")

    def handle(self, *args, maildir, **options):
        try:
            box = mailbox.Maildir(maildir, factory=None, create=False)
            keys = list(box.iterkeys())
        except (OSError, mailbox.Error) as exc:
            raise CommandError(f"cannot read the Maildir {maildir}: {exc}") from exc
        posted = refused = failed = 0
        for key in keys:
            try:
                raw = box.get_bytes(key)
            except KeyError:
                continue  # another run took it
            try:
                result = handle_inbound_email(raw)
            except Exception as exc:  # noqa: BLE001 - one bad message must not stop the others
                failed += 1
                self.stderr.write(f"{key}: not handled, left in the Maildir: {exc!r}")
                continue
            if result.accepted:
                posted += 1
            else:
                refused += 1
                self.stdout.write(f"{key}: refused: {result.refused}")
            box.discard(key)
        self.stdout.write(self.style.SUCCESS(f"{posted} posted, {refused} refused, {failed} failed."))
        if failed:
            raise CommandError(f"{failed} message(s) could not be handled")
