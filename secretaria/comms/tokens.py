"""Signed links and addresses: confirmation, unsubscribe/preferences, and the VERP return path.

A link carries the subscription's id and its ``key``: changing the key revokes every link
sent before. No login is needed to use one; the signature is the proof.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from secretaria.comms.models import Subscription

CONFIRM_SALT = "comms.confirm"
MANAGE_SALT = "comms.manage"
CONFIRM_MAX_AGE = 7 * 24 * 3600


def confirm_token(subscription) -> str:
    return signing.dumps([subscription.pk, subscription.key], salt=CONFIRM_SALT, compress=False)


def manage_token(subscription) -> str:
    # No timestamp: the same link in every message, valid until the subscription's key changes.
    return signing.Signer(salt=MANAGE_SALT).sign_object([subscription.pk, subscription.key])


def _read(token: str, salt: str, max_age: int | None):
    try:
        if salt == MANAGE_SALT:
            pk, key = signing.Signer(salt=MANAGE_SALT).unsign_object(token)
        else:
            pk, key = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    sub = Subscription.objects.select_related("mailing_list", "user").filter(pk=pk).first()
    if sub is None or not constant_time_compare(sub.key, str(key)):
        return None
    return sub


def subscription_from_confirm_token(token: str):
    return _read(token, CONFIRM_SALT, CONFIRM_MAX_AGE)


def subscription_from_manage_token(token: str):
    return _read(token, MANAGE_SALT, None)


# --- VERP -----------------------------------------------------------------------------------
VERP_RE = re.compile(r"bounces\+(\d+)-([0-9a-f]{10})@", re.IGNORECASE)


def _verp_signature(delivery_id: int) -> str:
    return salted_hmac("comms.verp", str(delivery_id)).hexdigest()[:10]


def verp_address(delivery_id: int) -> str:
    """The envelope sender of one delivery: a bounce to it names the delivery."""
    return f"bounces+{delivery_id}-{_verp_signature(delivery_id)}@{settings.BOUNCE_DOMAIN}"


def delivery_id_from_verp(text: str) -> int | None:
    """The delivery id in a VERP address found in ``text``, if its signature is right."""
    for match in VERP_RE.finditer(text or ""):
        delivery_id = int(match.group(1))
        if constant_time_compare(_verp_signature(delivery_id), match.group(2).lower()):
            return delivery_id
    return None


def message_id_for(delivery) -> str:
    """A Message-ID that stays the same when a delivery is sent again after a crash."""
    sig = salted_hmac("comms.msgid", str(delivery.pk)).hexdigest()[:8]
    return f"<m{delivery.message_id}.d{delivery.pk}.{sig}@{settings.BOUNCE_DOMAIN}>"


MESSAGE_ID_RE = re.compile(r"<m(\d+)\.d(\d+)\.([0-9a-f]{8})@", re.IGNORECASE)


def delivery_id_from_message_id(text: str) -> int | None:
    for match in MESSAGE_ID_RE.finditer(text or ""):
        delivery_id = int(match.group(2))
        if constant_time_compare(salted_hmac("comms.msgid", str(delivery_id)).hexdigest()[:8], match.group(3).lower()):
            return delivery_id
    return None


# --- mailto: unsubscribe ----------------------------------------------------------------------
UNSUBSCRIBE_MAILBOX_RE = re.compile(r"unsubscribe\+(\d+)-([0-9a-f]{10})@", re.IGNORECASE)


def unsubscribe_mailbox_signature(subscription_id: int) -> str:
    return salted_hmac("comms.unsubscribe-mailbox", str(subscription_id)).hexdigest()[:10]


def subscription_id_from_unsubscribe_mailbox(text: str) -> int | None:
    for match in UNSUBSCRIBE_MAILBOX_RE.finditer(text or ""):
        sub_id = int(match.group(1))
        if constant_time_compare(unsubscribe_mailbox_signature(sub_id), match.group(2).lower()):
            return sub_id
    return None
