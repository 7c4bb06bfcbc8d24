"""Writes of the comms app: lists, subscriptions, announcements, and turning outbox events into mail.

Every path that creates mail writes the ``Message`` and one ``Delivery`` per recipient in one
transaction; the sending engine (``sending.py``) only ever reads those rows.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from secretaria.comms import policy, tokens
from secretaria.comms.kinds import LANGS, Item, absolute, get_event_kind
from secretaria.comms.models import (
    Delivery,
    DigestRun,
    ListRule,
    MailingList,
    Message,
    Rhythm,
    Subscription,
)
from secretaria.core import access
from secretaria.core.access import AccessLevel
from secretaria.core.audit import audit_access_change, audit_record
from secretaria.core.i18n import format_date
from secretaria.core.richtext import render_markdown
from secretaria.core.tasks import queue_email
from secretaria.outbox.models import Event
from secretaria.outbox.services import outbox_mark_failed, outbox_mark_processed

log = logging.getLogger(__name__)
MAX_EVENT_ATTEMPTS = 5


def _require_manager(by) -> None:
    if by is not None and not policy.can_manage(by):
        raise PermissionDenied(_("Only the Technical Secretariat manages distribution lists."))


# --- Lists and rules ------------------------------------------------------------------------
def mailing_list_create(*, by=None, **fields) -> MailingList:
    _require_manager(by)
    lst = MailingList(**fields)
    lst.full_clean()
    lst.save()
    return lst


@transaction.atomic
def mailing_list_update(*, by, mailing_list: MailingList, **fields) -> MailingList:
    """Change a list. A new access level, group or active state is audited and carried into the
    search index, so the archive's messages are found exactly by those who may now read them."""
    _require_manager(by)
    old = MailingList.objects.select_for_update().get(pk=mailing_list.pk)
    for name, value in fields.items():
        setattr(mailing_list, name, value)
    mailing_list.full_clean()
    mailing_list.save()
    audit_access_change(
        obj=mailing_list,
        old_level=old.access_level,
        new_level=mailing_list.access_level,
        old_group=old.access_group_id,
        new_group=mailing_list.access_group_id,
        by=by,
    )
    if (old.access_level, old.access_group_id, old.is_active) != (
        mailing_list.access_level,
        mailing_list.access_group_id,
        mailing_list.is_active,
    ):
        from secretaria.comms.search import ARCHIVED, index_message

        for message in mailing_list.messages.filter(kind__in=ARCHIVED).select_related("mailing_list"):
            index_message(message)  # an inactive list's messages leave the index
    return mailing_list


def list_rule_delete(*, by, rule: ListRule) -> None:
    _require_manager(by)
    audit_record(kind="comms.rule_deleted", actor=by, target=rule, event_kind=rule.event_kind)
    rule.delete()


def list_rule_create(*, by=None, mailing_list: MailingList, event_kind: str, **filters) -> ListRule:
    _require_manager(by)
    if get_event_kind(event_kind) is None:
        raise ValidationError({"event_kind": _("Unknown event.")})
    return ListRule.objects.create(mailing_list=mailing_list, event_kind=event_kind, **filters)


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
        from secretaria.directory.selectors import group_members

        person_ids = group_members(mailing_list.auto_group).values_list("person_id", flat=True)
        qs = qs.filter(person_id__in=list(person_ids))
    return qs


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
    _require_manager(by)
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


# --- Messages and their deliveries ----------------------------------------------------------
def recipients_for(message: Message, rhythms: Iterable[str] = (Rhythm.EACH,)) -> list[Subscription]:
    """Active subscribers of the message's list, in ``rhythms``, who may read what it is about."""
    subs = (
        message.mailing_list.subscriptions.filter(status=Subscription.Status.ACTIVE, rhythm__in=list(rhythms))
        .select_related("user")
        .order_by("pk")
    )
    return [
        s for s in subs if s.address and policy.subscriber_may_read(s, message.access_level, message.access_group_id)
    ]


def queue_deliveries(message: Message, subscriptions: Iterable[Subscription]) -> int:
    """One Delivery row per recipient, in the caller's transaction."""
    now = timezone.now()
    rows = [
        Delivery(message=message, subscription=s, email=s.address, language=s.language, created_at=now)
        for s in subscriptions
    ]
    Delivery.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _wake_senders() -> None:
    """After commit, ask the task worker to send what was just queued (the mailer process would too)."""

    def enqueue():
        from secretaria.comms.tasks import send_mail_queue_task

        try:
            send_mail_queue_task.enqueue()
        except Exception:  # the mailer process sends anyway; a full task queue must not fail the write
            log.exception("could not enqueue the mail queue task")

    if getattr(settings, "COMMS_WAKE_SENDERS", True):
        transaction.on_commit(enqueue)


def _rule_matches(rule: ListRule, item: Item) -> bool:
    if rule.doc_type and rule.doc_type != item.doc_type:
        return False
    if rule.group_id and rule.group_id not in item.group_ids:
        return False
    if rule.topic_id and rule.topic_id not in item.topic_ids:
        return False
    return not (rule.meeting_id and rule.meeting_id not in item.meeting_ids)


def _message_for_item(lst: MailingList, event: Event, item: Item) -> Message:
    return Message.objects.create(
        mailing_list=lst,
        kind=Message.Kind.ITEM,
        event=event,
        event_kind=event.kind,
        subject_es=item.subject["es"][:300],
        subject_en=item.subject["en"][:300],
        text_es=item.text["es"],
        text_en=item.text["en"],
        html_es=item.html["es"],
        html_en=item.html["en"],
        access_level=item.access_level,
        access_group_id=item.access_group_id,
        item_url=item.url[:500],
    )


def process_event(event: Event) -> int:
    """Turn one outbox event into messages and deliveries, and mark it processed, atomically.

    Returns the number of deliveries queued; 0 when no rule matched (the event is still processed).
    """
    with transaction.atomic():
        locked = Event.objects.select_for_update(skip_locked=True).filter(pk=event.pk, processed_at__isnull=True)
        event = locked.first()
        if event is None:
            return 0  # another consumer has it, or has done it
        queued = 0
        rules = list(
            ListRule.objects.filter(event_kind=event.kind, is_active=True, mailing_list__is_active=True).select_related(
                "mailing_list"
            )
        )
        kind = get_event_kind(event.kind)
        item = kind.render(event) if (rules and kind is not None) else None
        if item is not None:
            lists = {
                r.mailing_list_id: r.mailing_list
                for r in rules
                if _rule_matches(r, item) and r.mailing_list_id not in item.exclude_list_ids
            }
            for lst in lists.values():
                if Message.objects.filter(mailing_list=lst, event=event).exists():
                    continue
                message = _message_for_item(lst, event, item)
                queued += queue_deliveries(message, recipients_for(message))
                from secretaria.comms.search import index_message

                index_message(message)
        outbox_mark_processed(event=event)
        if queued:
            _wake_senders()
    return queued


def process_outbox(*, limit: int = 200) -> dict[str, int]:
    """Consume pending outbox events (oldest first). Safe to run in several processes at once."""
    stats = {"events": 0, "deliveries": 0, "failed": 0}
    pending = list(
        Event.objects.filter(processed_at__isnull=True, attempts__lt=MAX_EVENT_ATTEMPTS).order_by("created_at", "pk")[
            :limit
        ]
    )
    for event in pending:
        try:
            stats["deliveries"] += process_event(event)
            stats["events"] += 1
        except Exception as exc:
            log.exception("outbox event %s failed", event.pk)
            outbox_mark_failed(event=event, error=f"{type(exc).__name__}: {exc}")
            stats["failed"] += 1
    return stats


@transaction.atomic
def announcement_publish(
    *, mailing_list: MailingList, by, subject_es: str, subject_en: str, body_es: str, body_en: str
) -> Message:
    """The Secretariat writes to a list: the message and its deliveries in one transaction."""
    _require_manager(by)
    if not (subject_es.strip() and subject_en.strip() and body_es.strip() and body_en.strip()):
        raise ValidationError(_("Write the subject and the text in both languages."))
    message = Message.objects.create(
        mailing_list=mailing_list,
        kind=Message.Kind.ANNOUNCEMENT,
        subject_es=subject_es.strip(),
        subject_en=subject_en.strip(),
        text_es=body_es.strip(),
        text_en=body_en.strip(),
        html_es=render_markdown(body_es),
        html_en=render_markdown(body_en),
        access_level=mailing_list.access_level,
        access_group_id=mailing_list.access_group_id,
        created_by=by,
    )
    message.item_url = absolute(message.get_absolute_url())
    message.save(update_fields=["item_url"])
    # An announcement is itself the news: every active subscriber gets it, whatever their rhythm.
    count = queue_deliveries(message, recipients_for(message, Rhythm.values))
    from secretaria.comms.search import index_message

    index_message(message)
    audit_record(kind="comms.announcement_published", actor=by, target=message, data={"recipients": count})
    _wake_senders()
    return message


# --- Digests --------------------------------------------------------------------------------
PERIODS = {Rhythm.DAILY: datetime.timedelta(days=1), Rhythm.WEEKLY: datetime.timedelta(days=7)}


def _digest_message(lst: MailingList, rhythm: str, items: list[Message], start, end) -> Message:
    subject, text, html = {}, {}, {}
    for lang in LANGS:
        with translation.override(lang):
            label = gettext("Daily digest") if rhythm == Rhythm.DAILY else gettext("Weekly digest")
            name = lst.name_en if lang == "en" and lst.name_en else lst.name_es
            subject[lang] = f"{name} — {label} ({format_date(timezone.localtime(end), lang)})"
            intro = gettext("%(count)s messages from %(start)s to %(end)s.") % {
                "count": len(items),
                "start": format_date(timezone.localtime(start), lang, "DATETIME_FORMAT"),
                "end": format_date(timezone.localtime(end), lang, "DATETIME_FORMAT"),
            }
            lines, rows = [], []
            for m in items:
                title = getattr(m, f"subject_{lang}") or m.subject_es
                url = m.item_url or absolute(m.get_absolute_url())
                lines.append(f"- {title}\n  {url}")
                rows.append(f'<li><a href="{_esc(url)}">{_esc(title)}</a></li>')
            text[lang] = "\n\n".join([intro, "\n".join(lines)])
            html[lang] = f"<h1>{_esc(subject[lang])}</h1><p>{_esc(intro)}</p><ul>{''.join(rows)}</ul>"
    message = Message.objects.create(
        mailing_list=lst,
        kind=Message.Kind.DIGEST,
        subject_es=subject["es"][:300],
        subject_en=subject["en"][:300],
        text_es=text["es"],
        text_en=text["en"],
        html_es=html["es"],
        html_en=html["en"],
        # Recipients were chosen per item already; the digest itself is for them alone.
        access_level=AccessLevel.SECRETARIAT,
        created_at=end,
    )
    message.digest_of.set(items)
    return message


def _esc(value: str) -> str:
    from django.utils.html import escape

    return escape(value)


def send_digests(*, rhythm: str, now: datetime.datetime | None = None, only_due: bool = True) -> dict[str, int]:
    """For each list, one digest per group of subscribers who may read the same items.

    The period runs from the end of the last digest of this rhythm (or one period back) to now;
    a DigestRun row, written in the same transaction, makes it happen once.
    """
    if rhythm not in PERIODS:
        raise ValueError(f"no digest for rhythm {rhythm!r}")
    now = now or timezone.now()
    stats = {"lists": 0, "messages": 0, "deliveries": 0}
    for lst in MailingList.objects.filter(
        is_active=True, subscriptions__status="active", subscriptions__rhythm=rhythm
    ).distinct():
        with transaction.atomic():
            last = DigestRun.objects.select_for_update().filter(mailing_list=lst, rhythm=rhythm).first()
            start = last.period_end if last else now - PERIODS[rhythm]
            if only_due and last is not None and now - last.period_end < PERIODS[rhythm]:
                continue
            DigestRun.objects.create(mailing_list=lst, rhythm=rhythm, period_start=start, period_end=now)
            items = list(
                lst.messages.filter(
                    kind__in=[Message.Kind.ITEM, Message.Kind.ANNOUNCEMENT], created_at__gte=start, created_at__lt=now
                ).order_by("created_at", "pk")
            )
            if not items:
                continue
            groups: dict[tuple[int, ...], list[Subscription]] = {}
            subs = lst.subscriptions.filter(status=Subscription.Status.ACTIVE, rhythm=rhythm).select_related("user")
            for sub in subs:
                if not sub.address:
                    continue
                visible = tuple(
                    m.pk for m in items if policy.subscriber_may_read(sub, m.access_level, m.access_group_id)
                )
                if visible:
                    groups.setdefault(visible, []).append(sub)
            by_pk = {m.pk: m for m in items}
            for visible, members in groups.items():
                message = _digest_message(lst, rhythm, [by_pk[pk] for pk in visible], start, now)
                stats["messages"] += 1
                stats["deliveries"] += queue_deliveries(message, members)
            stats["lists"] += 1
            if groups:
                _wake_senders()
    return stats


def notify_secretariat(*, subject: str, body: str) -> None:
    queue_email(subject=subject, body=body, to=[settings.SECRETARIAT_EMAIL])
