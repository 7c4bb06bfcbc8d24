"""Meetings in the site search: the meeting, its approved agenda and its logistics page.

Three kinds, each at the meeting's access level (an agenda or a logistics page has no level
of its own: whoever may see the meeting may read them once published):

* ``meeting``: titles, description, place, kind, sponsors, status notice;
* ``agenda``: the latest approved version of each agenda (preliminary, annotated), with its
  introduction and items (sessions, titles, descriptions, speakers and moderators); drafts,
  submitted and returned versions are never indexed;
* ``logistics``: the logistics page, once published.

``index_meeting`` refreshes all three; the meetings services call it after every write
that changes what they hold.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from secretaria.core.i18n import pick
from secretaria.meetings.models import AgendaVersion, Meeting, MeetingLogistics
from secretaria.meetings.models.logistics import SECTIONS
from secretaria.search.registry import SearchEntry, SearchSource, register_source
from secretaria.search.services import index_object

MEETING, AGENDA, LOGISTICS = "meeting", "agenda", "logistics"
LANGS = ("es", "en")


def _in(lang: str, text) -> str:
    with translation.override(lang):
        return str(text)


def _title(meeting: Meeting, lang: str) -> str:
    return pick(meeting, "title", lang)


def _common(meeting: Meeting) -> dict:
    """What every entry of a meeting shares: access, date and facets."""
    return {
        "date": meeting.start_date,
        "access_level": meeting.access_level,
        "access_group_id": meeting.access_group_id,
        "year": meeting.start_date.year,
        "meeting_id": meeting.pk,
        "group_id": meeting.group_id,
        "country": meeting.country.iso2 if meeting.country_id else None,
        "languages": [code for code in LANGS if getattr(meeting, f"title_{code}")],
    }


def _meeting_keywords(meeting: Meeting) -> str:
    words = [meeting.slug, meeting.city, meeting.venue]
    countries = [meeting.country] if meeting.country_id else []
    countries += list(meeting.host_countries.all()) + list(meeting.sponsor_countries.all())
    for country in countries:
        words += [country.name_es, country.name_en]
    for org in meeting.sponsor_organizations.all():
        words += [org.name_es, org.name_en, org.acronym_es, org.acronym_en]
    if meeting.group_id:
        group = meeting.group
        words += [group.name_es, group.name_en, group.acronym_es, group.acronym_en]
    # Choice labels from the enum, lazily: get_kind_display() is already in the active language.
    words += [_in(lang, Meeting.Kind(meeting.kind).label) for lang in LANGS if meeting.kind in Meeting.Kind.values]
    return " ".join(word for word in words if word)


class MeetingSearchSource(SearchSource):
    kind = MEETING
    label = _("Meetings")

    def entry_for(self, obj: Meeting) -> SearchEntry | None:
        return SearchEntry(
            kind=self.kind,
            object_id=obj.pk,
            title_es=obj.title_es,
            title_en=obj.title_en,
            summary_es=obj.description_es,
            summary_en=obj.description_en,
            keywords=_meeting_keywords(obj),
            body_es=obj.status_notice_es,
            body_en=obj.status_notice_en,
            doc_type=f"meeting_{obj.kind}",
            status=f"meeting_{obj.status}",
            **_common(obj),
        )

    def iter_objects(self):
        return (
            Meeting.objects.select_related("country", "group")
            .prefetch_related("host_countries", "sponsor_countries", "sponsor_organizations")
            .order_by("pk")
        )

    def url_for(self, object_id: int, lang: str) -> str:
        return self.urls_for([object_id], lang).get(object_id, "")

    def urls_for(self, object_ids, lang: str) -> dict[int, str]:
        slugs = Meeting.objects.filter(pk__in=list(object_ids)).values_list("pk", "slug")
        with translation.override(lang):
            return {pk: reverse("meetings:detail", kwargs={"slug": slug}) for pk, slug in slugs}

    def facet_label(self, facet: str, value, lang: str) -> str | None:
        prefix = "meeting_"
        if facet not in ("doc_type", "status") or not str(value).startswith(prefix):
            return None
        choices = Meeting.Kind if facet == "doc_type" else Meeting.Status
        code = str(value)[len(prefix) :]
        return _in(lang, choices(code).label) if code in choices.values else None

    def facet_labels(self, facet: str, values, lang: str) -> dict:
        if facet != "meeting_id":
            return super().facet_labels(facet, values, lang)
        # The meeting's title in the reader's language: one query for the whole facet.
        found = Meeting.objects.filter(pk__in=[int(v) for v in values]).only("title_es", "title_en")
        return {meeting.pk: _title(meeting, lang) for meeting in found}


def _person_names(people) -> list[str]:
    return [person.full_name for person in people]


class AgendaSearchSource(SearchSource):
    kind = AGENDA
    label = _("Agendas")

    def entry_for(self, obj: AgendaVersion) -> SearchEntry | None:
        if obj.state != AgendaVersion.State.APPROVED:
            return None
        latest = (
            AgendaVersion.objects.filter(meeting_id=obj.meeting_id, kind=obj.kind, state=AgendaVersion.State.APPROVED)
            .order_by("-number")
            .values_list("pk", flat=True)
            .first()
        )
        if latest != obj.pk:
            return None  # an earlier approved version: the latest one stands for the agenda
        meeting = obj.meeting
        bodies = {lang: [getattr(obj, f"introduction_{lang}")] for lang in LANGS}
        names: list[str] = []
        for item in obj.items.all():
            for lang in LANGS:
                bodies[lang] += [
                    getattr(item, f"session_{lang}"),
                    getattr(item, f"title_{lang}"),
                    getattr(item, f"description_{lang}"),
                ]
            names += _person_names(item.speakers.all()) + _person_names(item.moderators.all())
        titles = {lang: f"{_in(lang, AgendaVersion.Kind(obj.kind).label)}: {_title(meeting, lang)}" for lang in LANGS}
        return SearchEntry(
            kind=self.kind,
            object_id=obj.pk,
            title_es=titles["es"],
            title_en=titles["en"],
            keywords=" ".join(dict.fromkeys(names)),
            body_es="\n".join(text for text in bodies["es"] if text),
            body_en="\n".join(text for text in bodies["en"] if text),
            doc_type=f"agenda_{obj.kind}",
            **_common(meeting),
        )

    def iter_objects(self):
        return (
            AgendaVersion.objects.filter(state=AgendaVersion.State.APPROVED)
            .select_related("meeting__country")
            .prefetch_related("items__speakers", "items__moderators")
            .order_by("pk")
        )

    def url_for(self, object_id: int, lang: str) -> str:
        return self.urls_for([object_id], lang).get(object_id, "")

    def urls_for(self, object_ids, lang: str) -> dict[int, str]:
        rows = AgendaVersion.objects.filter(pk__in=list(object_ids)).values_list("pk", "meeting__slug")
        with translation.override(lang):
            return {pk: reverse("meetings:agenda_version", kwargs={"slug": slug, "pk": pk}) for pk, slug in rows}

    def facet_label(self, facet: str, value, lang: str) -> str | None:
        prefix = "agenda_"
        if facet != "doc_type" or not str(value).startswith(prefix):
            return None
        code = str(value)[len(prefix) :]
        return _in(lang, AgendaVersion.Kind(code).label) if code in AgendaVersion.Kind.values else None


class LogisticsSearchSource(SearchSource):
    kind = LOGISTICS
    label = _("Logistics information")

    def entry_for(self, obj: MeetingLogistics) -> SearchEntry | None:
        if not obj.is_published:
            return None
        meeting = obj.meeting
        titles = {}
        for lang in LANGS:
            with translation.override(lang):
                titles[lang] = gettext("Logistics: %(meeting)s") % {"meeting": _title(meeting, lang)}
        return SearchEntry(
            kind=self.kind,
            object_id=obj.pk,
            title_es=titles["es"],
            title_en=titles["en"],
            keywords=" ".join(word for word in (meeting.city, meeting.venue) if word),
            body_es="\n\n".join(getattr(obj, f"{section}_es") for section in SECTIONS if getattr(obj, f"{section}_es")),
            body_en="\n\n".join(getattr(obj, f"{section}_en") for section in SECTIONS if getattr(obj, f"{section}_en")),
            **_common(meeting),
        )

    def iter_objects(self):
        return MeetingLogistics.objects.filter(is_published=True).select_related("meeting__country").order_by("pk")

    def url_for(self, object_id: int, lang: str) -> str:
        return self.urls_for([object_id], lang).get(object_id, "")

    def urls_for(self, object_ids, lang: str) -> dict[int, str]:
        rows = MeetingLogistics.objects.filter(pk__in=list(object_ids)).values_list("pk", "meeting__slug")
        with translation.override(lang):
            return {pk: reverse("meetings:logistics", kwargs={"slug": slug}) for pk, slug in rows}


def register() -> None:

    register_source(MeetingSearchSource())
    register_source(AgendaSearchSource())
    register_source(LogisticsSearchSource())


def entries_of(meeting: Meeting) -> list[tuple[str, int]]:
    """(kind, object id) of every entry a meeting may have, to remove them when it is deleted."""
    entries = [(MEETING, meeting.pk)]
    entries += [(AGENDA, pk) for pk in meeting.agenda_versions.values_list("pk", flat=True)]
    entries += [(LOGISTICS, pk) for pk in MeetingLogistics.objects.filter(meeting=meeting).values_list("pk", flat=True)]
    return entries


def index_meeting(meeting: Meeting) -> None:
    """Refresh the meeting's entries: the meeting, its approved agendas, its logistics page."""

    index_object(MEETING, meeting)
    for version in meeting.agenda_versions.filter(state=AgendaVersion.State.APPROVED):
        index_object(AGENDA, version)
    logistics = MeetingLogistics.objects.filter(meeting=meeting).first()
    if logistics is not None:
        index_object(LOGISTICS, logistics)
