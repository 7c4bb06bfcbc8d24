"""Inquiries by e-mail: a message to the inquiries mailbox becomes an inquiry, or — when it
carries the reference of one in its subject (``[CRM-ST-2004-0007]``) or answers one of its
messages (In-Reply-To/References) and comes from the requester's address — the next message
of that inquiry's thread. Automatic messages (bounces, out-of-office) are dropped.

``handle_inbound_inquiry(raw_bytes)`` takes one message as received; ``manage.py
receive_inquiries`` reads them from an IMAP mailbox (or a Maildir) like the forums' replies.
"""

from __future__ import annotations

import email
import email.policy
import io
import logging
from dataclasses import dataclass
from email.utils import parseaddr

from django.core.exceptions import ValidationError

from secretaria.files.filetypes import UploadRefused
from secretaria.forums.inbound import body_of, is_automatic, reply_text
from secretaria.outreach.models import Inquiry, InquiryMessage
from secretaria.outreach.services.inquiries import REFERENCE_RE, inquiry_add_answer_from_requester, inquiry_receive

logger = logging.getLogger(__name__)
MAX_ATTACHMENTS = 5


@dataclass
class InboundInquiry:
    inquiry: Inquiry | None = None
    new: bool = False
    refused: str = ""


def _attachments(message) -> list[tuple]:
    out = []
    for part in message.iter_attachments():
        name = part.get_filename() or "attachment"
        payload = part.get_payload(decode=True) or b""
        out.append((io.BytesIO(payload), name))
    return out[:MAX_ATTACHMENTS]


def _thread_of(message, sender: str) -> Inquiry | None:
    match = REFERENCE_RE.search(str(message.get("Subject", "")))
    inquiry = Inquiry.objects.filter(reference=match.group(1)).first() if match else None
    if inquiry is None:
        ids = " ".join([str(message.get("In-Reply-To", "")), str(message.get("References", ""))]).split()
        if ids:
            known = InquiryMessage.objects.filter(message_id__in=ids).select_related("inquiry").first()
            inquiry = known.inquiry if known else None
    # Only the requester continues a thread: anyone else who quotes a reference starts a new one.
    if inquiry is not None and inquiry.email.lower() == sender and not inquiry.is_erased:
        return inquiry
    return None


def handle_inbound_inquiry(raw_bytes: bytes) -> InboundInquiry:
    message = email.message_from_bytes(raw_bytes, policy=email.policy.default)
    if is_automatic(message):
        return InboundInquiry(refused="automatic message")
    name, sender = parseaddr(str(message.get("From", "")))
    sender = sender.lower()
    subject = " ".join(str(message.get("Subject", "")).split())[:200]
    body = body_of(message)
    message_id = str(message.get("Message-ID", "")).strip()[:255]
    try:
        inquiry = _thread_of(message, sender)
        if inquiry is not None:
            inquiry_add_answer_from_requester(inquiry=inquiry, body=reply_text(body) or body, subject=subject,
                                              message_id=message_id, attachments=_attachments(message))  # fmt: skip
            return InboundInquiry(inquiry=inquiry)
        inquiry = inquiry_receive(
            name=name or sender, email=sender, subject=subject, text=body, channel=Inquiry.Channel.EMAIL,
            message_id=message_id, attachments=_attachments(message),
            language="en" if str(message.get("Content-Language", "")).lower().startswith("en") else "es",
        )  # fmt: skip
    except (UploadRefused, ValidationError) as exc:
        logger.info("inquiry mail from %s refused: %s", sender, exc)
        return InboundInquiry(refused=str(exc))
    return InboundInquiry(inquiry=inquiry, new=True)
