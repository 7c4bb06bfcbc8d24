"""Replies by e-mail: a reply to a forum notification becomes a post, as Discourse does.

The notification's Reply-To is ``reply+<token>@FORUM_REPLY_DOMAIN``; the token belongs to one
user and one thread. A reply is accepted only when the token is live, the sender's address is
one of that user's addresses, and the user may still post in the thread. Quoted text and
signatures are cut before posting. A refused message gets a short notice back only when its
sender is authenticated — a reply address that was issued (live or revoked) and a From that is
one of that account's addresses. Anything else (a mail to a non-reply address, a forged or
forwarded sender, an automatic message) is dropped with a log line: answering it would send
backscatter to whoever's address a spammer put in From.

``handle_inbound_email(raw_bytes)`` takes one message as received (from a Maildir by
``manage.py receive_forum_replies``, or from an LMTP listener).
"""

from __future__ import annotations

import email
import email.policy
import html
import logging
import re
from dataclasses import dataclass
from email.utils import getaddresses, parseaddr

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from secretaria.core import access
from secretaria.core.tasks import queue_email
from secretaria.forums.models import Post, ReplyAddress
from secretaria.forums.services import post_create

logger = logging.getLogger(__name__)


@dataclass
class InboundResult:
    post: Post | None = None
    refused: str = ""  # the reason, when no post was made
    notice_sent: bool = False

    @property
    def accepted(self) -> bool:
        return self.post is not None


# --- Finding the token ----------------------------------------------------------------------
def _token_pattern() -> re.Pattern:
    domain = re.escape(settings.FORUM_REPLY_DOMAIN.lower())
    return re.compile(rf"^reply\+([0-9a-f]{{16,64}})@{domain}$")


def find_token(message) -> str | None:
    pattern = _token_pattern()
    headers = []
    for name in ("Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc"):
        headers.extend(str(value) for value in message.get_all(name, []))
    for _name, address in getaddresses(headers):
        match = pattern.match(address.strip().lower())
        if match:
            return match.group(1)
    return None


# --- The text of the reply -------------------------------------------------------------------
# "On Tue, 7 Dec 2004 at 10:00, Ana Ríos <ana@…> wrote:" (possibly wrapped over two lines),
# "El mar., 7 dic. 2004 a las 10:00, Ana Ríos (<ana@…>) escribió:", Outlook's header block.
_QUOTE_HEADERS = [
    re.compile(r"^On\b.{0,300}?\bwrote:\s*$", re.IGNORECASE | re.MULTILINE | re.DOTALL),
    re.compile(r"^El\b.{0,300}?\bescribi[óo]:\s*$", re.IGNORECASE | re.MULTILINE | re.DOTALL),
    re.compile(r"^-{2,}\s*(Original Message|Mensaje original)\s*-{2,}\s*$", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^_{10,}\s*$\n^(From|De):", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^(From|De):\s.*\n(Sent|Enviado|Date|Fecha):\s", re.IGNORECASE | re.MULTILINE),
]
_SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)
_MOBILE = re.compile(r"^(Sent from my|Enviado desde mi)\b.*$", re.IGNORECASE | re.MULTILINE)


def reply_text(text: str) -> str:
    """What the person wrote: the part above the quoted message and the signature."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cut = len(text)
    for pattern in _QUOTE_HEADERS:
        match = pattern.search(text)
        if match:
            cut = min(cut, match.start())
    text = text[:cut]
    match = _SIGNATURE.search(text)
    if match:
        text = text[: match.start()]
    text = _MOBILE.sub("", text)
    lines = text.rstrip().split("\n")
    while lines and (lines[-1].startswith(">") or not lines[-1].strip()):
        lines.pop()  # a quotation left at the bottom, without an attribution line
    return "\n".join(lines).strip()


def body_of(message) -> str:
    """The text of an e-mail: its plain part, or its HTML part without quotes, styles and tags
    (an unknown charset read as UTF-8). Public: outreach's mailbox of inquiries reads mail the same way."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # an unknown or lying charset
        content = part.get_payload(decode=True).decode("utf-8", "replace")
    if part.get_content_type() == "text/html":
        content = re.sub(r"(?is)<(blockquote|style|script|head)\b.*?</\1>", "", content)
        content = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", content)
        content = html.unescape(strip_tags(content))
    return content


def is_automatic(message) -> bool:
    """True for an auto-reply, a bounce or bulk mail (RFC 3834 headers, Precedence, daemons), which
    no mailbox answers or stores as a reply. Public: outreach's mailbox uses it too."""
    auto = str(message.get("Auto-Submitted", "no")).strip().lower()
    sender = parseaddr(str(message.get("From", "")))[1].lower()
    return (
        auto != "no"
        or str(message.get("Precedence", "")).strip().lower() in {"bulk", "junk", "list"}
        or bool(message.get("X-Autoreply") or message.get("X-Autorespond"))
        or sender.startswith(("mailer-daemon@", "postmaster@"))
        or not sender
    )


def _addresses_of(user) -> set[str]:
    addresses = {user.email.lower()} if user.email else set()
    addresses |= {
        e.lower() for e in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    }
    return addresses


def _drop(message, reason: str) -> InboundResult:
    """Refuse without answering: the sender is not known to be who the From says."""
    sender = parseaddr(str(message.get("From", "")))[1]
    logger.info("forum reply dropped without a notice (unauthenticated sender %s): %s", sender or "-", reason)
    return InboundResult(refused=reason)


def _refuse(message, reason: str) -> InboundResult:
    """Refuse and tell the sender, who is authenticated (an issued token and one of its account's addresses)."""
    result = InboundResult(refused=reason)
    sender = parseaddr(str(message.get("From", "")))[1]
    logger.info("forum reply refused from %s: %s", sender, reason)
    if sender:
        subject = str(message.get("Subject", ""))[:150]
        body = _(
            "Your message to the forums of the Secretaría Virtual could not be posted.\n\n"
            "Reason: %(reason)s\n\n"
            "Subject of your message: %(subject)s\n\n"
            "Nothing was published. You can reply on the site: %(site)s\n"
        ) % {"reason": reason, "subject": subject, "site": settings.SITE_URL}
        queue_email(subject=_("Not posted: %(subject)s") % {"subject": subject}, body=body, to=[sender])
        result.notice_sent = True
    return result


def _sender_owns(message, user) -> bool:
    sender = parseaddr(str(message.get("From", "")))[1].lower()
    return bool(sender) and sender in _addresses_of(user)


def handle_inbound_email(raw_bytes: bytes) -> InboundResult:
    """Turn one received reply into a post, or refuse it with a notice to the sender."""

    message = email.message_from_bytes(raw_bytes, policy=email.policy.default)
    if is_automatic(message):
        # Auto-replies and bounces: neither posted nor answered (no mail loops).
        return InboundResult(refused="automatic message (auto-reply or bounce); ignored")
    token = find_token(message)
    if token is None:
        return _drop(message, _("the address it was sent to is not a forum reply address."))
    address = ReplyAddress.objects.select_related("user", "thread__forum").filter(token=token).first()
    if address is None:
        return _drop(message, _("this reply address is no longer valid. Reply from a newer notification."))
    if not _sender_owns(message, address.user):
        return _drop(
            message,
            _("it was sent from an address that does not belong to the account the notification was sent to."),
        )
    # From here the sender is the account's owner: a refusal is answered, in the account's language.
    language = address.user.preferred_language if address.user.preferred_language in ("es", "en") else None
    with translation.override(language or settings.LANGUAGE_CODE):
        if address.revoked_at is not None:
            return _refuse(message, _("this reply address is no longer valid. Reply from a newer notification."))
        return _handle_for(address, message)


def _handle_for(address: ReplyAddress, message) -> InboundResult:
    user, thread = address.user, address.thread
    if not access.can(user, "forums.post", thread):
        reason = (
            _("the thread is locked; no more replies are accepted.")
            if thread.locked and access.can(user, "forums.read", thread)
            else _("you may no longer post in this forum.")
        )
        return _refuse(message, reason)
    body = reply_text(body_of(message))
    if not body:
        return _refuse(message, _("the message is empty once the quoted text is removed."))
    try:
        post = post_create(thread=thread, author=user, body=body, via_email=True)
    except (PermissionDenied, ValidationError) as exc:
        return _refuse(message, "; ".join(getattr(exc, "messages", [str(exc)])))
    return InboundResult(post=post)
