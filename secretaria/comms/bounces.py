"""Bounce processing: DSNs (RFC 3464) to the VERP address, scored like Mailman's bounce score.

A 5.x.x status is a hard bounce, 4.x.x a soft one. A hard bounce adds the threshold at once; a soft
bounce adds 1 (once per delivery). At ``BOUNCE_SCORE_THRESHOLD`` the subscription is disabled and
the Secretariat is told. Mail to ``unsubscribe+<id>-<sig>@`` (the mailto: of List-Unsubscribe)
unsubscribes.
"""

from __future__ import annotations

import email
import email.policy
import imaplib
import logging
import mailbox
import re
from dataclasses import dataclass
from email.message import Message as EmailMessage
from urllib.parse import unquote, urlsplit

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from secretaria.comms import tokens
from secretaria.comms.models import Bounce, Delivery, Subscription
from secretaria.comms.services import notify_secretariat, subscription_unsubscribe

log = logging.getLogger(__name__)
STATUS_RE = re.compile(r"\b([245])\.(\d{1,3})\.(\d{1,3})\b")
RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To", "Original-Recipient")


@dataclass
class Report:
    delivery_id: int | None
    status: str  # e.g. "5.1.1"
    diagnostic: str
    report_id: str
    unsubscribe_id: int | None = None

    @property
    def kind(self) -> str | None:
        if self.status.startswith("5"):
            return Bounce.Kind.HARD
        if self.status.startswith("4"):
            return Bounce.Kind.SOFT
        return None


def parse(raw: bytes | str) -> Report:
    msg = email.message_from_bytes(raw if isinstance(raw, bytes) else raw.encode(), policy=email.policy.compat32)
    headers_text = "\n".join(str(msg.get(h, "")) for h in RECIPIENT_HEADERS)
    unsubscribe_id = tokens.subscription_id_from_unsubscribe_mailbox(headers_text)
    delivery_id = tokens.delivery_id_from_verp(headers_text)
    status, diagnostic = "", ""
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "message/delivery-status":
            # Each block of the report is a header set; per-recipient blocks carry Status.
            for block in part.get_payload() or []:
                if isinstance(block, EmailMessage) and block.get("Status"):
                    status = status or str(block.get("Status")).strip()
                    diagnostic = diagnostic or str(block.get("Diagnostic-Code", "")).strip()
                    if delivery_id is None:
                        delivery_id = tokens.delivery_id_from_verp(str(block.get("Original-Envelope-Id", "")))
        elif ctype in ("message/rfc822", "text/rfc822-headers") and delivery_id is None:
            delivery_id = tokens.delivery_id_from_message_id(part.as_string())
            delivery_id = delivery_id or tokens.delivery_id_from_verp(part.as_string())
    if delivery_id is None:
        delivery_id = tokens.delivery_id_from_verp(msg.as_string())
    if not status:
        found = STATUS_RE.search(msg.as_string())
        status = ".".join(found.groups()) if found else ""
    match = STATUS_RE.search(status)
    return Report(
        delivery_id=delivery_id,
        status=".".join(match.groups()) if match else "",
        diagnostic=diagnostic[:500],
        report_id=str(msg.get("Message-ID", "")).strip()[:300],
        unsubscribe_id=unsubscribe_id,
    )


def process_message(raw: bytes | str) -> str:
    """Handle one message from the bounce mailbox. Returns what was done (for the command's log)."""
    report = parse(raw)
    if report.unsubscribe_id is not None:
        sub = Subscription.objects.filter(pk=report.unsubscribe_id).first()
        if sub is None:
            log.info("bounce mailbox: unsubscribe request for a subscription that no longer exists; dropped")
            return "ignored"
        subscription_unsubscribe(subscription=sub, how="mailto")
        return "unsubscribed"
    if report.delivery_id is None or report.kind is None:
        # Not a signed unsubscribe nor a report about one of our deliveries: dropped without a
        # reply, since its sender is not authenticated (an answer would be backscatter).
        log.info("bounce mailbox: message %s is not a delivery report of ours; dropped", report.report_id or "-")
        return "ignored"
    return bounce_record(
        delivery_id=report.delivery_id,
        kind=report.kind,
        status=report.status,
        diagnostic=report.diagnostic,
        report_id=report.report_id,
    )


def bounce_record(*, delivery_id: int, kind: str, status: str = "", diagnostic: str = "", report_id: str = "") -> str:
    delivery = (
        Delivery.objects.select_related("subscription__mailing_list", "subscription__user")
        .filter(pk=delivery_id)
        .first()
    )
    if delivery is None:
        return "ignored"
    try:
        with transaction.atomic():
            if Bounce.objects.filter(delivery=delivery, kind=kind).exists() and kind == Bounce.Kind.SOFT:
                return "duplicate"  # a soft bounce counts once per delivery (retries report again)
            bounce = Bounce.objects.create(
                delivery=delivery,
                subscription=delivery.subscription,
                email=delivery.email,
                kind=kind,
                status=status,
                diagnostic=diagnostic,
                report_id=report_id,
            )
            if kind == Bounce.Kind.HARD:
                Delivery.objects.filter(pk=delivery.pk).update(
                    state=Delivery.State.FAILED, last_error=f"bounced {status} {diagnostic}"[:500]
                )
            sub = delivery.subscription
            if sub is None or sub.status != Subscription.Status.ACTIVE:
                return kind
            threshold = settings.BOUNCE_SCORE_THRESHOLD
            sub.bounce_score += threshold if kind == Bounce.Kind.HARD else 1
            sub.last_bounce_at = timezone.now()
            fields = ["bounce_score", "last_bounce_at", "updated_at"]
            disabled = sub.bounce_score >= threshold
            if disabled:
                sub.status = Subscription.Status.DISABLED
                fields.append("status")
                bounce.disabled_subscription = True
                bounce.save(update_fields=["disabled_subscription"])
            sub.save(update_fields=fields)
            if disabled:
                transaction.on_commit(lambda: _notify_disabled(sub, bounce))
    except IntegrityError:
        return "duplicate"  # the same report read twice
    return "disabled" if disabled else kind


def _notify_disabled(sub: Subscription, bounce: Bounce) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        notify_secretariat(
            subject=gettext("Subscription disabled after bounces: %(email)s") % {"email": sub.address},
            body="\n".join(
                [
                    gettext("The subscription of %(email)s to the list “%(list)s” was disabled.")
                    % {"email": sub.address, "list": sub.mailing_list.name},
                    gettext("Bounce score: %(score)s. Last report: %(status)s %(diagnostic)s")
                    % {"score": sub.bounce_score, "status": bounce.status, "diagnostic": bounce.diagnostic},
                ]
            ),
        )


# --- Sources ----------------------------------------------------------------------------------
def process_maildir(path: str, *, keep: bool = False) -> dict[str, int]:
    box = mailbox.Maildir(path, factory=None, create=False)
    counts: dict[str, int] = {}
    for key in list(box.keys()):
        with box.get_file(key) as fh:
            outcome = process_message(fh.read())
        counts[outcome] = counts.get(outcome, 0) + 1
        if keep:
            msg = box.get_message(key)
            msg.set_subdir("cur")
            msg.add_flag("S")
            box[key] = msg
        else:
            box.remove(key)
    return counts


def process_imap(url: str) -> dict[str, int]:
    """imaps://user:password@host[:port]/MAILBOX (or imap:// with STARTTLS): unseen messages, then \\Deleted."""

    parts = urlsplit(url)
    if parts.scheme not in ("imap", "imaps"):
        raise ValueError("the IMAP URL must start with imap:// or imaps://")
    if parts.scheme == "imaps":
        client = imaplib.IMAP4_SSL(parts.hostname, parts.port or 993)
    else:
        client = imaplib.IMAP4(parts.hostname, parts.port or 143)
        client.starttls()
    counts: dict[str, int] = {}
    try:
        client.login(unquote(parts.username or ""), unquote(parts.password or ""))
        client.select(unquote(parts.path.lstrip("/")) or "INBOX")
        _typ, data = client.search(None, "UNSEEN")
        for num in (data[0] or b"").split():
            _typ, fetched = client.fetch(num, "(RFC822)")
            raw = next((item[1] for item in fetched if isinstance(item, tuple)), b"")
            outcome = process_message(raw)
            counts[outcome] = counts.get(outcome, 0) + 1
            client.store(num, "+FLAGS", "\\Deleted")
        client.expunge()
    finally:
        try:
            client.logout()
        except Exception:  # logging out of a broken session changes nothing
            log.debug("IMAP logout failed", exc_info=True)
    return counts


class LMTPHandler:
    """aiosmtpd handler: each message delivered over LMTP is processed at once."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name

        headers = "".join(f"Delivered-To: {rcpt}\r\n" for rcpt in envelope.rcpt_tos).encode()
        await sync_to_async(_process_and_close, thread_sensitive=True)(headers + envelope.original_content)
        return "250 OK"


def _process_and_close(raw: bytes) -> str:
    # The listener's worker thread lives as long as the server; it must not hold a connection.

    try:
        return process_message(raw)
    finally:
        connection.close()
