"""Reply addresses: the per-person, per-thread token that lets an e-mailed reply become a post.

Made by the notifications (one per recipient and thread), revoked from the preferences page, and
read back by ``inbound.py``.
"""

from __future__ import annotations

from django.utils import timezone

from secretaria.forums.models import ReplyAddress, Thread


def reply_address_for(*, user, thread: Thread) -> ReplyAddress:
    address = ReplyAddress.objects.filter(user=user, thread=thread, revoked_at__isnull=True).first()
    if address is None:
        address = ReplyAddress.objects.create(user=user, thread=thread)
    return address


def reply_address_revoke(*, user, thread: Thread | None = None) -> int:
    """Revoke the user's reply addresses (for one thread, or all); new ones are made on the next e-mail."""
    qs = ReplyAddress.objects.filter(user=user, revoked_at__isnull=True)
    if thread is not None:
        qs = qs.filter(thread=thread)
    return qs.update(revoked_at=timezone.now())
