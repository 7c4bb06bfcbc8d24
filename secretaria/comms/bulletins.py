"""Bulletins: what changed on the two sites in a period, drafted for the Secretariat to edit and send.

``bulletin_sections`` is the registry the content apps fill: a section is a title in both
languages and a function ``(start, end) -> list[BulletinEntry]``. Documents register here
(below); the portal (news, pages), meetings and decisions apps register theirs ("News",
"Meetings announced", "Agendas approved", "Decisions updated") in their AppConfig.ready()::

    from secretaria.comms.bulletins import BulletinSection, register_bulletin_section
    register_bulletin_section(BulletinSection("meetings", "Reuniones convocadas", "Meetings announced", fn, order=30))
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.comms import policy
from secretaria.comms.kinds import LANGS, EventKind, Item, absolute, register_event_kind
from secretaria.comms.models import Bulletin, MailingList, Message, Rhythm
from secretaria.comms.search import index_message
from secretaria.comms.services import queue_deliveries, recipients_for, wake_senders
from secretaria.core.access import AccessLevel
from secretaria.core.audit import audit_record
from secretaria.core.i18n import format_date
from secretaria.core.richtext import render_markdown
from secretaria.documents.models import Document
from secretaria.outbox.services import outbox_emit


@dataclass
class BulletinEntry:
    title_es: str
    title_en: str
    url_es: str
    url_en: str
    date: datetime.date | None
    access_level: str
    access_group_id: int | None = None


@dataclass(frozen=True)
class BulletinSection:
    key: str
    title_es: str
    title_en: str
    entries: Callable  # (start: date, end: date) -> list[BulletinEntry]
    order: int = 100


bulletin_sections: dict[str, BulletinSection] = {}


def register_bulletin_section(section: BulletinSection) -> None:
    bulletin_sections[section.key] = section


def period_bounds(start: datetime.date, end: datetime.date):
    tz = timezone.get_current_timezone()
    low = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    high = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return low, high


def urls_in_both_languages(name: str, **kwargs) -> tuple[str, str]:
    urls = []
    for lang in LANGS:
        with translation.override(lang):
            urls.append(absolute(reverse(name, kwargs=kwargs)))
    return urls[0], urls[1]


def documents_published(start, end) -> list[BulletinEntry]:
    low, high = period_bounds(start, end)
    docs = Document.objects.filter(status=Document.Status.PUBLISHED, published_at__gte=low, published_at__lt=high)
    entries = []
    for doc in docs.order_by("published_at", "symbol"):
        es, en = urls_in_both_languages("documents:detail", symbol=doc.symbol)
        entries.append(
            BulletinEntry(
                title_es=f"{doc.symbol} — {doc.title_es or doc.title_en}",
                title_en=f"{doc.symbol} — {doc.title_en or doc.title_es}",
                url_es=es,
                url_en=en,
                date=doc.published_at.date(),
                access_level=doc.access_level,
                access_group_id=doc.access_group_id,
            )
        )
    return entries


register_bulletin_section(
    BulletinSection("documents", "Documentos publicados", "Documents published", documents_published, 10)
)


def draft_text(start: datetime.date, end: datetime.date, access_level: str) -> dict[str, str]:
    """The Markdown of a bulletin, per language: an opening line, then ``draft_sections``."""
    parts = draft_sections(start, end, access_level)
    result = {}
    for lang in LANGS:
        with translation.override(lang):
            intro = gettext(
                "Changes and updates to the two sites of the Secretaría Virtual from %(start)s to %(end)s."
            ) % {
                "start": format_date(start, lang),
                "end": format_date(end, lang),
            }
            body = parts[lang] or [gettext("Nothing was published in this period.")]
            result[lang] = "\n\n".join([intro, *body])
    return result


def draft_sections(start: datetime.date, end: datetime.date, access_level: str) -> dict[str, list[str]]:
    """Per language, the Markdown of each section with the entries a reader at ``access_level`` may see."""
    parts = {lang: [] for lang in LANGS}
    for section in sorted(bulletin_sections.values(), key=lambda s: (s.order, s.key)):
        entries = [
            e for e in section.entries(start, end) if policy.covers(access_level, e.access_level, e.access_group_id)
        ]
        if not entries:
            continue
        for lang in LANGS:
            lines = [f"## {getattr(section, f'title_{lang}')}", ""]
            for e in entries:
                title = getattr(e, f"title_{lang}").replace("[", "(").replace("]", ")")
                when = f" ({format_date(e.date, lang)})" if e.date else ""
                lines.append(f"- [{title}]({getattr(e, f'url_{lang}')}){when}")
            parts[lang].append("\n".join(lines))
    return parts


def bulletin_draft(
    *, by, period_start: datetime.date, period_end: datetime.date, access_level: str = AccessLevel.PUBLIC
) -> Bulletin:
    if not policy.can_manage(by):
        raise PermissionDenied(_("Only the Technical Secretariat writes bulletins."))
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period ends before it starts.")})
    if access_level == AccessLevel.GROUP:
        raise ValidationError({"access_level": _("A bulletin is for a level of readers, not a group.")})
    text = draft_text(period_start, period_end, access_level)
    titles = {}
    for lang in LANGS:
        with translation.override(lang):
            titles[lang] = gettext("Bulletin of changes, %(start)s to %(end)s") % {
                "start": format_date(period_start, lang),
                "end": format_date(period_end, lang),
            }
    return Bulletin.objects.create(
        period_start=period_start,
        period_end=period_end,
        title_es=titles["es"],
        title_en=titles["en"],
        body_es=text["es"],
        body_en=text["en"],
        access_level=access_level,
        created_by=by,
    )


@transaction.atomic
@dataclass
class BulletinPreview:
    """Who would receive the bulletin on a list, and the e-mail one of them would read."""

    recipients: list  # Subscription rows, in the order deliveries are queued
    by_language: dict[str, int]
    shown: object  # the Subscription shown, or None when the list has nobody to send to
    lang: str
    subject: str
    html: str


def bulletin_send_preview(*, bulletin: Bulletin, mailing_list: MailingList, by, shown_id=None) -> BulletinPreview:
    """What ``bulletin_send`` would do, without doing it: the recipients (active subscribers who may
    read it) counted by language, and the bulletin as the chosen one (default: the first) reads it."""

    if not policy.can_manage(by):
        raise PermissionDenied(_("Only the Technical Secretariat sends bulletins."))
    if bulletin.status != Bulletin.Status.DRAFT:
        raise ValidationError(_("This bulletin has already been sent."))
    if not (bulletin.body_es.strip() and bulletin.body_en.strip()):
        raise ValidationError(_("Write the bulletin in both languages."))
    probe = Message(mailing_list=mailing_list, kind=Message.Kind.BULLETIN, access_level=bulletin.access_level)
    recipients = recipients_for(probe, Rhythm.values)
    by_language: dict[str, int] = {}
    for sub in recipients:
        lang = sub.language if sub.language in LANGS else LANGS[0]
        by_language[lang] = by_language.get(lang, 0) + 1
    shown = next((s for s in recipients if str(s.pk) == str(shown_id)), recipients[0] if recipients else None)
    lang = shown.language if shown is not None and shown.language in LANGS else LANGS[0]
    return BulletinPreview(
        recipients=recipients,
        by_language=by_language,
        shown=shown,
        lang=lang,
        subject=getattr(bulletin, f"title_{lang}") or bulletin.title_es,
        html=render_markdown(getattr(bulletin, f"body_{lang}") or bulletin.body_es),
    )


def bulletin_send(*, bulletin: Bulletin, mailing_list: MailingList, by) -> Message:
    """Send the bulletin to a list through the same message and delivery rows as everything else."""

    if not policy.can_manage(by):
        raise PermissionDenied(_("Only the Technical Secretariat sends bulletins."))
    bulletin = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
    if bulletin.status != Bulletin.Status.DRAFT:
        raise ValidationError(_("This bulletin has already been sent."))
    if not (bulletin.body_es.strip() and bulletin.body_en.strip()):
        raise ValidationError(_("Write the bulletin in both languages."))
    message = Message.objects.create(
        mailing_list=mailing_list,
        kind=Message.Kind.BULLETIN,
        subject_es=bulletin.title_es,
        subject_en=bulletin.title_en,
        text_es=bulletin.body_es,
        text_en=bulletin.body_en,
        html_es=render_markdown(bulletin.body_es),
        html_en=render_markdown(bulletin.body_en),
        access_level=bulletin.access_level,
        created_by=by,
        item_url=absolute(bulletin.get_absolute_url()),
    )
    count = queue_deliveries(message, recipients_for(message, Rhythm.values))
    bulletin.status = Bulletin.Status.SENT
    bulletin.mailing_list = mailing_list
    bulletin.message = message
    bulletin.sent_at = timezone.now()
    bulletin.save(update_fields=["status", "mailing_list", "message", "sent_at"])
    index_message(message)
    # Lists with a "bulletin published" rule send it too (not the list it was just sent to).
    outbox_emit(kind=BULLETIN_PUBLISHED, payload={"bulletin_id": bulletin.pk, "list_id": mailing_list.pk})
    audit_record(kind="comms.bulletin_sent", actor=by, target=bulletin, data={"recipients": count})
    activity_record(
        kind=Activity.Kind.BULLETIN_SENT,
        actor=by,
        obj=bulletin,
        engagement_es=mailing_list.name_es,
        engagement_en=mailing_list.name_en or mailing_list.name_es,
        summary_es=f"Boletín «{bulletin.title_es}» enviado a la lista {mailing_list.name_es} ({count} destinatarios)",
        summary_en=f"Bulletin “{bulletin.title_en or bulletin.title_es}” sent to the list "
        f"{mailing_list.name_en or mailing_list.name_es} ({count} recipients)",
        on=bulletin.sent_at,
    )
    wake_senders()
    return message


# --- bulletin.published ---------------------------------------------------------------------
BULLETIN_PUBLISHED = "bulletin.published"


def render_bulletin_published(event) -> Item | None:
    bulletin = Bulletin.objects.filter(pk=event.payload.get("bulletin_id"), status=Bulletin.Status.SENT).first()
    if bulletin is None:
        return None
    with translation.override(LANGS[0]):
        url = absolute(bulletin.get_absolute_url())
    text = {lang: getattr(bulletin, f"body_{lang}") for lang in LANGS}
    return Item(
        subject={lang: getattr(bulletin, f"title_{lang}") for lang in LANGS},
        text=text,
        html={lang: render_markdown(text[lang]) for lang in LANGS},
        title={lang: getattr(bulletin, f"title_{lang}") for lang in LANGS},
        access_level=bulletin.access_level,
        access_group_id=None,
        url=url,
        date=bulletin.period_end,
        exclude_list_ids={event.payload["list_id"]} if event.payload.get("list_id") else set(),
    )


register_event_kind(EventKind(BULLETIN_PUBLISHED, _("Bulletin published"), render_bulletin_published))
