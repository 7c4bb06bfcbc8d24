"""Digests: one message per list and rhythm gathering what was published in the period."""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from secretaria.comms import policy
from secretaria.comms.kinds import LANGS, absolute
from secretaria.comms.models import (
    DigestRun,
    MailingList,
    Message,
    Rhythm,
    Subscription,
)
from secretaria.comms.services.messages import queue_deliveries, wake_senders
from secretaria.core.access import AccessLevel
from secretaria.core.i18n import format_date

log = logging.getLogger(__name__)
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
                wake_senders()
    return stats
