"""Writes of subscriptions: automatic ones by role and group, requests, confirmation, preferences, leaving."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from secretaria.comms import tokens
from secretaria.comms.kinds import LANGS, absolute
from secretaria.comms.models import (
    Delivery,
    MailingList,
    Rhythm,
    Subscription,
)
from secretaria.comms.services.lists import require_manager
from secretaria.core import access
from secretaria.core.access import AccessLevel
from secretaria.core.audit import audit_record
from secretaria.core.tasks import queue_email
from secretaria.directory.selectors import group_members


# --- Subscriptions --------------------------------------------------------------------------
def eligible_users(mailing_list: MailingList) -> QuerySet:
    """Accounts the list subscribes automatically: by role, and by membership of its group."""
    User = get_user_model()  # noqa: N806
    if not mailing_list.auto_roles and mailing_list.auto_group_id is None:
        return User.objects.none()
    qs = User.objects.filter(is_active=True).exclude(email="")
    if mailing_list.auto_roles:
        qs = qs.filter(role__in=mailing_list.auto_roles)
    if mailing_list.auto_group_id is not None:
        person_ids = group_members(mailing_list.auto_group).values_list("person_id", flat=True)
        qs = qs.filter(person_id__in=list(person_ids))
    return qs


log = logging.getLogger(__name__)


def subscriptions_sync(*, mailing_list: MailingList | None = None) -> dict[str, int]:
    """Subscribe members whose role and group fit each list; never undo an opt-out.

    A subscriber who left on their own (``opted_out_at``) stays out. Automatic subscribers who no
    longer fit are unsubscribed without an opt-out mark, so they come back if they fit again.
    """
    counts = {"added": 0, "restored": 0, "removed": 0}
    lists = [mailing_list] if mailing_list else MailingList.objects.filter(is_active=True)
    for lst in lists:
        with transaction.atomic():
            # Two mailers starting together sync the same list: the lock makes the second wait and
            # then see the first one's subscriptions (SQLite runs one writer at a time anyway).
            MailingList.objects.select_for_update().filter(pk=lst.pk).first()
            eligible = {u.pk: u for u in eligible_users(lst).filter(**_level_filter(lst))}
            existing = {s.user_id: s for s in lst.subscriptions.filter(user__isnull=False)}
            for user_id, user in eligible.items():
                sub = existing.get(user_id)
                if sub is None:
                    Subscription.objects.create(
                        mailing_list=lst,
                        user=user,
                        language=user.preferred_language if user.preferred_language in LANGS else "es",
                        status=Subscription.Status.ACTIVE,
                        source=Subscription.Source.AUTO,
                        confirmed_at=timezone.now(),
                    )
                    counts["added"] += 1
                elif (
                    sub.source == Subscription.Source.AUTO
                    and sub.status == Subscription.Status.UNSUBSCRIBED
                    and sub.opted_out_at is None
                ):
                    sub.status = Subscription.Status.ACTIVE
                    sub.save(update_fields=["status", "updated_at"])
                    counts["restored"] += 1
            gone = [
                s.pk
                for uid, s in existing.items()
                if uid not in eligible
                and s.source == Subscription.Source.AUTO
                and s.status == Subscription.Status.ACTIVE
            ]
            counts["removed"] += Subscription.objects.filter(pk__in=gone).update(
                status=Subscription.Status.UNSUBSCRIBED, updated_at=timezone.now()
            )
    return counts


def _level_filter(lst: MailingList) -> dict:
    # Only accounts that may read the list at all are subscribed to it.
    if lst.access_level in (AccessLevel.PUBLIC, AccessLevel.GROUP):
        return {}
    return {"role__in": [role for role in access.Role.values if access.can_view(_RoleProbe(role), lst.access_level)]}


class _RoleProbe:
    """A stand-in user of one role, to ask the access policy which roles reach a level."""

    is_authenticated = True
    is_active = True
    person_id = None

    def __init__(self, role):
        self.role = role


def user_subscribe(
    *, user, mailing_list: MailingList, language: str | None = None, rhythm: str = Rhythm.EACH
) -> Subscription:
    """A signed-in user subscribes (their address is verified by their account: no confirmation)."""
    if not access.can_view(user, mailing_list.access_level, mailing_list.access_group_id):
        raise PermissionDenied(_("You may not subscribe to this list."))
    with transaction.atomic():
        # A double click, or the mailer's sync at the same moment, must not insert the row twice.
        MailingList.objects.select_for_update().filter(pk=mailing_list.pk).first()
        sub = Subscription.objects.filter(mailing_list=mailing_list, user=user).first()
        if sub is None:
            if not mailing_list.allow_self_subscribe:
                raise PermissionDenied(_("This list's members are subscribed by the Secretariat."))
            sub = Subscription(mailing_list=mailing_list, user=user, source=Subscription.Source.SELF)
        sub.language = language or sub.language or user.preferred_language or "es"
        sub.rhythm = rhythm
        sub.status = Subscription.Status.ACTIVE
        sub.opted_out_at = None
        sub.confirmed_at = sub.confirmed_at or timezone.now()
        sub.save()
    return sub


def subscription_request(*, mailing_list: MailingList, email: str, language: str, rhythm: str) -> Subscription | None:
    """The public asks to subscribe: a pending subscription and a signed confirmation link by e-mail.

    The page says the same whatever happens, so it never tells who is subscribed.
    """
    if not (mailing_list.is_active and mailing_list.is_public and mailing_list.allow_self_subscribe):
        raise PermissionDenied(_("This list does not take subscriptions from the public."))
    email = email.strip()
    existing = Subscription.objects.filter(mailing_list=mailing_list, user__isnull=True, email__iexact=email).first()
    if existing is not None and existing.status == Subscription.Status.ACTIVE:
        _send_already_subscribed(existing)
        return existing
    if existing is None:
        try:
            with transaction.atomic():
                existing = Subscription.objects.create(
                    mailing_list=mailing_list, email=email, language=language, rhythm=rhythm
                )
        except IntegrityError:
            existing = Subscription.objects.get(mailing_list=mailing_list, user__isnull=True, email__iexact=email)
    existing.language, existing.rhythm, existing.status = language, rhythm, Subscription.Status.PENDING
    existing.save(update_fields=["language", "rhythm", "status", "updated_at"])
    _send_confirmation(existing)
    return existing


def _link(name: str, subscription: Subscription, token: str) -> str:
    with translation.override(subscription.language):
        return absolute(reverse(name, kwargs={"token": token}))


def unsubscribe_url(subscription: Subscription) -> str:
    # Outside the language prefixes: the one-click address must not redirect (RFC 8058).
    return absolute(reverse("comms_unsubscribe", kwargs={"token": tokens.manage_token(subscription)}))


def preferences_url(subscription: Subscription) -> str:
    return _link("comms:preferences", subscription, tokens.manage_token(subscription))


def _send_confirmation(sub: Subscription) -> None:
    url = _link("comms:confirm", sub, tokens.confirm_token(sub))
    with translation.override(sub.language):
        name = sub.mailing_list.name
        body = "\n\n".join(
            [
                gettext(
                    "Someone, probably you, asked to subscribe %(email)s to the list “%(list)s” of the Secretaría Virtual of the Regional Conference on Migration."
                )
                % {"email": sub.email, "list": name},
                gettext("To confirm, open this link within seven days:"),
                url,
                gettext("If you did not ask for it, ignore this message: nothing will be sent to you."),
            ]
        )
        queue_email(
            subject=gettext("Confirm your subscription to “%(list)s”") % {"list": name}, body=body, to=[sub.email]
        )


def _send_already_subscribed(sub: Subscription) -> None:
    with translation.override(sub.language):
        body = "\n\n".join(
            [
                gettext("%(email)s is already subscribed to the list “%(list)s”.")
                % {"email": sub.email, "list": sub.mailing_list.name},
                gettext("Change your language or rhythm, or unsubscribe, here:"),
                preferences_url(sub),
            ]
        )
        queue_email(
            subject=gettext("Your subscription to “%(list)s”") % {"list": sub.mailing_list.name},
            body=body,
            to=[sub.email],
        )


def subscription_confirm(*, subscription: Subscription) -> Subscription:
    if subscription.status in (Subscription.Status.PENDING, Subscription.Status.UNSUBSCRIBED):
        subscription.status = Subscription.Status.ACTIVE
        subscription.confirmed_at = timezone.now()
        subscription.opted_out_at = None
        subscription.save(update_fields=["status", "confirmed_at", "opted_out_at", "updated_at"])
    return subscription


def subscription_unsubscribe(*, subscription: Subscription, how: str = "link") -> Subscription:
    """Leave the list. Remembered: the automatic sync will not subscribe this person again.

    The links in e-mail always work, even on lists whose automatic subscribers may not opt out in
    the members' area: mailbox providers require a working one-click unsubscribe (RFC 8058).
    """
    if subscription.status != Subscription.Status.UNSUBSCRIBED:
        subscription.status = Subscription.Status.UNSUBSCRIBED
        subscription.opted_out_at = timezone.now()
        subscription.save(update_fields=["status", "opted_out_at", "updated_at"])
        # Nothing queued is sent to someone who has left.
        subscription.deliveries.filter(state__in=[Delivery.State.QUEUED, Delivery.State.DEFERRED]).update(
            state=Delivery.State.FAILED, last_error=f"unsubscribed ({how})"
        )
        log.info("subscription %s unsubscribed by %s", subscription.pk, how)
    return subscription


def subscription_reenable(*, subscription: Subscription, by) -> Subscription:
    """The Secretariat turns back on a subscription that bounces disabled (the address works again)."""
    require_manager(by)
    if subscription.status != Subscription.Status.DISABLED:
        raise ValidationError(_("Only a subscription disabled after bounces can be re-enabled."))
    subscription.status, subscription.bounce_score = Subscription.Status.ACTIVE, 0
    subscription.save(update_fields=["status", "bounce_score", "updated_at"])
    audit_record(kind="comms.subscription_reenabled", actor=by, target=subscription, email=subscription.address)
    return subscription


def subscription_leave(*, subscription: Subscription) -> Subscription:
    """A member leaves a list from the members' area; automatic members only where the list allows."""
    if subscription.source == Subscription.Source.AUTO and not subscription.mailing_list.allow_opt_out:
        raise ValidationError(_("Members of this list may not leave it."))
    return subscription_unsubscribe(subscription=subscription, how="members area")


def subscription_set_preferences(*, subscription: Subscription, language: str, rhythm: str) -> Subscription:
    if language not in LANGS or rhythm not in Rhythm.values:
        raise ValidationError(_("Choose a language and a rhythm from the lists."))
    subscription.language, subscription.rhythm = language, rhythm
    subscription.save(update_fields=["language", "rhythm", "updated_at"])
    return subscription
