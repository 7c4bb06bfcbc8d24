"""What the meetings app tells the distribution lists and the bulletins.

Two outbox event kinds, written by the services in the transaction of the change:
``meeting.announced`` (a meeting is created: it is on the calendar from then on) and
``agenda.approved`` (the Pro-Tempore Presidency approved an agenda version, which publishes it).
Two bulletin sections: meetings announced and agendas approved in the period.
Registered from ``MeetingsConfig.ready()``.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from secretaria.comms.bulletins import BulletinEntry, BulletinSection, period_bounds, register_bulletin_section
from secretaria.comms.kinds import (
    LANGS,
    EventKind,
    Item,
    Ref,
    RuleScope,
    absolute,
    register_event_kind,
    register_meeting_scope,
    simple_item_html,
)
from secretaria.core.i18n import format_date, pick
from secretaria.meetings.models import AgendaVersion, Meeting

MEETING_ANNOUNCED = "meeting.announced"
AGENDA_APPROVED = "agenda.approved"


def _when_and_where(meeting) -> str:
    if meeting.start_date == meeting.end_date:
        dates = formats.date_format(meeting.start_date, "DATE_FORMAT")
    else:
        dates = gettext("%(start)s to %(end)s") % {
            "start": formats.date_format(meeting.start_date, "DATE_FORMAT"),
            "end": formats.date_format(meeting.end_date, "DATE_FORMAT"),
        }
    place = ", ".join(p for p in (meeting.city_name, pick(meeting.country, "name") if meeting.country else "") if p)
    return f"{dates} · {place}" if place else dates


def _item(meeting, *, subject, title, lines, url_name, url_kwargs, link_text) -> Item:
    texts = {"subject": {}, "text": {}, "html": {}, "title": {}}
    for lang in LANGS:
        with translation.override(lang):
            url = absolute(reverse(url_name, kwargs=url_kwargs))
            body_lines = [line for line in lines() if line]
            texts["subject"][lang] = subject()
            texts["title"][lang] = title()
            texts["text"][lang] = "\n\n".join([title(), *body_lines, f"{link_text()}: {url}"])
            texts["html"][lang] = simple_item_html(heading=title(), lines=body_lines, url=url, link_text=link_text())
    with translation.override(LANGS[0]):
        item_url = absolute(meeting.get_absolute_url())
    return Item(
        **texts,
        access_level=meeting.access_level,
        access_group_id=meeting.access_group_id,
        url=item_url,
        date=meeting.start_date,
        group_ids={meeting.group_id} if meeting.group_id else set(),
        meeting_id=meeting.pk,
    )


def render_meeting_announced(event) -> Item | None:

    meeting = Meeting.objects.select_related("country").filter(pk=event.payload.get("meeting_id")).first()
    if meeting is None or meeting.status == Meeting.Status.CANCELLED:
        return None  # deleted or cancelled since: nothing to announce
    return _item(
        meeting,
        subject=lambda: gettext("New meeting: %(title)s") % {"title": pick(meeting, "title")},
        title=lambda: pick(meeting, "title"),
        lines=lambda: [
            gettext("The Technical Secretariat has announced a meeting."),
            f"{meeting.get_kind_display()} · {_when_and_where(meeting)}",
            pick(meeting, "description"),
        ],
        url_name="meetings:detail",
        url_kwargs={"slug": meeting.slug},
        link_text=lambda: gettext("See the meeting"),
    )


def render_agenda_approved(event) -> Item | None:

    version = (
        AgendaVersion.objects.select_related("meeting", "meeting__country")
        .filter(pk=event.payload.get("agenda_version_id"), state=AgendaVersion.State.APPROVED)
        .first()
    )
    if version is None or version.meeting.status == version.meeting.Status.CANCELLED:
        return None
    meeting = version.meeting

    def title():
        return gettext("%(agenda)s, version %(number)s: %(meeting)s") % {
            "agenda": version.get_kind_display(),
            "number": version.number,
            "meeting": pick(meeting, "title"),
        }

    return _item(
        meeting,
        subject=lambda: gettext("Agenda approved: %(title)s") % {"title": title()},
        title=title,
        lines=lambda: [
            gettext("The Pro-Tempore Presidency has approved this agenda; it is now published."),
            _when_and_where(meeting),
        ],
        url_name="meetings:agenda_version",
        url_kwargs={"slug": meeting.slug, "pk": version.pk},
        link_text=lambda: gettext("Read the agenda"),
    )


def _urls(obj_url) -> tuple[str, str]:
    urls = []
    for lang in LANGS:
        with translation.override(lang):
            urls.append(absolute(obj_url()))
    return urls[0], urls[1]


def meetings_announced(start, end) -> list[BulletinEntry]:

    low, high = period_bounds(start, end)
    entries = []
    meetings = Meeting.objects.filter(created_at__gte=low, created_at__lt=high).exclude(status=Meeting.Status.CANCELLED)
    for meeting in meetings.order_by("start_date", "pk"):
        url_es, url_en = _urls(meeting.get_absolute_url)
        entries.append(
            BulletinEntry(
                title_es=f"{meeting.title_es} ({format_date(meeting.start_date, 'es')})",
                title_en=f"{meeting.title_en or meeting.title_es} ({format_date(meeting.start_date, 'en')})",
                url_es=url_es,
                url_en=url_en,
                date=meeting.created_at.date(),
                access_level=meeting.access_level,
                access_group_id=meeting.access_group_id,
            )
        )
    return entries


def agendas_approved(start, end) -> list[BulletinEntry]:

    low, high = period_bounds(start, end)
    versions = (
        AgendaVersion.objects.filter(state=AgendaVersion.State.APPROVED, decided_at__gte=low, decided_at__lt=high)
        .exclude(meeting__status="cancelled")
        .select_related("meeting")
    )
    entries = []
    for version in versions.order_by("decided_at", "pk"):
        meeting = version.meeting
        titles = {}
        for lang in LANGS:
            with translation.override(lang):
                titles[lang] = f"{version.get_kind_display()}: {pick(meeting, 'title', lang)}"
        url_es, url_en = _urls(lambda v=version: reverse("meetings:agenda_version", args=[v.meeting.slug, v.pk]))
        entries.append(
            BulletinEntry(
                title_es=titles["es"],
                title_en=titles["en"],
                url_es=url_es,
                url_en=url_en,
                date=version.decided_at.date(),
                access_level=meeting.access_level,
                access_group_id=meeting.access_group_id,
            )
        )
    return entries


def _meeting_choices() -> list[tuple[int, str]]:

    meetings = Meeting.objects.order_by("-start_date", "pk").only("pk", "slug", "title_es", "title_en", "start_date")
    return [(m.pk, f"{m.title} ({formats.date_format(m.start_date, 'SHORT_DATE_FORMAT')})") for m in meetings]


def _meeting_refs(pks: set[int]) -> dict[int, Ref]:

    meetings = Meeting.objects.filter(pk__in=pks).only("pk", "slug", "title_es", "title_en")
    return {m.pk: Ref(pk=m.pk, title=m.title, url=m.get_absolute_url()) for m in meetings}


def register() -> None:
    register_meeting_scope(RuleScope(choices=_meeting_choices, refs=_meeting_refs))
    register_event_kind(EventKind(MEETING_ANNOUNCED, _("Meeting announced"), render_meeting_announced))
    register_event_kind(EventKind(AGENDA_APPROVED, _("Agenda approved"), render_agenda_approved))
    register_bulletin_section(
        BulletinSection("meetings", "Reuniones convocadas", "Meetings announced", meetings_announced, 30)
    )
    register_bulletin_section(BulletinSection("agendas", "Agendas aprobadas", "Agendas approved", agendas_approved, 40))
