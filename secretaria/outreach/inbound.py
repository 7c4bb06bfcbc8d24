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
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from secretaria.files.filetypes import UploadRefused
from secretaria.forums.inbound import body_of, is_automatic, reply_text
from secretaria.outreach.models import Inquiry, InquiryMessage
from secretaria.outreach.services.inquiries import REFERENCE_RE, inquiry_add_answer_from_requester, inquiry_receive
from secretaria.outreach.tasks import queue_inquiry_email

logger = logging.getLogger(__name__)


@dataclass
class InboundInquiry:
    inquiry: Inquiry | None = None
    new: bool = False
    refused: str = ""


def _attachments(message) -> list[tuple]:
    """Every attached file; the services keep those accepted and name the others to the sender."""
    out = []
    for part in message.iter_attachments():
        name = part.get_filename() or "attachment"
        payload = part.get_payload(decode=True) or b""
        out.append((io.BytesIO(payload), name))
    return out


NO_TEXT_SUBJECT = gettext_noop("Your message has no text")
NO_TEXT_BODY = gettext_noop(
    "Hello,\n\nWe received a message from this address with the subject “%(subject)s”, but it has no "
    "text, so it was not recorded as an inquiry (and any attached file was not kept). Please write your "
    "question in the body of the message and send it again.\n\n"
    "Technical Secretariat of the Regional Conference on Migration\n"
)


def _answer_no_text(sender: str, subject: str, message_id: str, language: str) -> None:
    if not sender:
        return
    with translation.override(language):
        headers = {"In-Reply-To": message_id, "References": message_id} if message_id else {}
        queue_inquiry_email(subject=_(NO_TEXT_SUBJECT), body=_(NO_TEXT_BODY) % {"subject": subject or "—"},
                            to=[sender], headers=headers)  # fmt: skip


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
    language = "en" if str(message.get("Content-Language", "")).lower().startswith("en") else "es"
    try:
        inquiry = _thread_of(message, sender)
        if inquiry is not None:
            inquiry_add_answer_from_requester(inquiry=inquiry, body=reply_text(body) or body, subject=subject,
                                              message_id=message_id, attachments=_attachments(message),
                                              drop_refused_files=True)  # fmt: skip
            return InboundInquiry(inquiry=inquiry)
        if not body.strip():
            _answer_no_text(sender, subject, message_id, language)
            return InboundInquiry(refused="no text")
        inquiry = inquiry_receive(
            name=(name or sender)[:120], email=sender, subject=subject, text=body, channel=Inquiry.Channel.EMAIL,
            message_id=message_id, attachments=_attachments(message), language=language, drop_refused_files=True,
        )  # fmt: skip
    except (UploadRefused, ValidationError) as exc:
        logger.info("inquiry mail refused: %s", exc)  # no address: requesters' data stays out of the logs
        return InboundInquiry(refused=str(exc))
    return InboundInquiry(inquiry=inquiry, new=True)
