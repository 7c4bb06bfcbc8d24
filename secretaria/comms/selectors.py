"""Reads of the comms app, with their related rows fetched once."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from secretaria.comms.kinds import get_event_kind, meeting_scope
from secretaria.comms.models import Bounce, Bulletin, Delivery, MailingList, Message, Subscription
from secretaria.comms.search import ARCHIVED
from secretaria.core.access import visible_filter, visible_levels
from secretaria.documents.models import Document


def lists_visible_to(user) -> QuerySet[MailingList]:
    return MailingList.objects.filter(visible_filter(user), is_active=True).order_by("name_es")


def public_lists() -> QuerySet[MailingList]:
    return MailingList.objects.filter(is_active=True, access_level="public", allow_self_subscribe=True)


def user_subscriptions(user) -> QuerySet[Subscription]:
    return (
        Subscription.objects.filter(user=user)
        .exclude(status=Subscription.Status.PENDING)
        # required_reason() reads the list's group and the subscriber on each row.
        .select_related("mailing_list", "mailing_list__auto_group", "user")
        .order_by("mailing_list__name_es")
    )


def archive_messages(user, mailing_list: MailingList, query: str = "") -> QuerySet[Message]:
    """Messages of a list's archive the user may read (the item's level too), newest first."""
    qs = Message.objects.filter(mailing_list=mailing_list, kind__in=ARCHIVED).filter(visible_filter(user))
    if query:
        for word in query.split()[:8]:
            qs = qs.filter(
                Q(subject_es__icontains=word)
                | Q(subject_en__icontains=word)
                | Q(text_es__icontains=word)
                | Q(text_en__icontains=word)
            )
    return qs.select_related("mailing_list").order_by("-created_at", "-pk")


def lists_for_manage() -> QuerySet[MailingList]:
    return MailingList.objects.annotate(
        active_count=Count("subscriptions", filter=Q(subscriptions__status="active"), distinct=True),
        rule_count=Count("rules", distinct=True),
    ).order_by("name_es")


def rules_for_manage(mailing_list: MailingList) -> list:
    """The list's rules, each with ``kind_label``, ``doc_type_label`` and ``meeting`` for display."""

    rules = list(mailing_list.rules.select_related("group", "topic"))
    meetings = meeting_scope().refs({r.meeting_id for r in rules if r.meeting_id})
    doc_types = dict(Document.Type.choices)
    for rule in rules:
        kind = get_event_kind(rule.event_kind)
        rule.kind_label = kind.label if kind else rule.event_kind
        rule.doc_type_label = doc_types.get(rule.doc_type, rule.doc_type)
        rule.meeting = meetings.get(rule.meeting_id)
    return rules


def messages_for_manage(mailing_list: MailingList | None = None) -> QuerySet[Message]:
    qs = Message.objects.select_related("mailing_list").annotate(
        total=Count("deliveries"), sent=Count("deliveries", filter=Q(deliveries__state="sent"))
    )
    if mailing_list is not None:
        qs = qs.filter(mailing_list=mailing_list)
    return qs.order_by("-created_at", "-pk")


def delivery_log(
    *, mailing_list: str = "", state: str = "", email: str = "", message: int | None = None
) -> QuerySet[Delivery]:
    qs = Delivery.objects.select_related("message__mailing_list")
    if mailing_list:
        qs = qs.filter(message__mailing_list__slug=mailing_list)
    if state:
        qs = qs.filter(state=state)
    if email:
        qs = qs.filter(email__icontains=email.strip())
    if message:
        qs = qs.filter(message_id=message)
    return qs.order_by("-pk")


def bounces() -> QuerySet[Bounce]:
    return Bounce.objects.select_related("subscription__mailing_list").order_by("-received_at", "-pk")


def bulletins_visible_to(user) -> QuerySet[Bulletin]:
    # Bulletins are never for a named group: the ladder of levels is enough.
    return Bulletin.objects.filter(access_level__in=visible_levels(user), status=Bulletin.Status.SENT).order_by(
        "-period_end", "-pk"
    )
