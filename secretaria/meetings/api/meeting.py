"""Meetings in JSON: meetings, their agenda versions, and the agenda's workflow actions.

What an anonymous caller gets is what the public pages show: public meetings and their
approved agenda versions. Drafts are listed for the Secretariat and the PPT (and for a
sponsor invited to comment). Actions answer 403 with a JSON ``detail`` to anyone the
access policy does not allow, and 400 when the workflow refuses the step.
"""

import datetime

from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from secretaria.accounts.auth import require_user
from secretaria.core import access
from secretaria.core.openapi import Id, Iso2, LocalTime, Page, Slug, Year, mapped
from secretaria.meetings import selectors, services
from secretaria.meetings.models import AgendaItem, AgendaVersion, Meeting

router = Router(tags=["meetings"])


class MeetingOut(Schema):
    slug: str
    kind: Meeting.Kind
    title_es: str
    title_en: str
    start_date: datetime.date
    end_date: datetime.date
    time_zone: str
    city: str
    country: str | None = Field(None, description="ISO alpha-2 code")
    venue: str
    status: Meeting.Status
    access_level: access.AccessLevel
    url: str


class DocumentRef(Schema):
    symbol: str
    title_es: str
    title_en: str
    role: str
    url: str


class MeetingDetailOut(MeetingOut):
    description_es: str
    description_en: str
    status_notice_es: str
    status_notice_en: str
    host_countries: list[str]
    sponsor_countries: list[str]
    sponsor_organizations: list[str]
    group: str | None = Field(None, description="Slug of the group that meets, if any")
    working_languages: list[str]
    interpretation: bool
    registration_deadline: datetime.date | None
    presidency: str | None = Field(None, description="ISO alpha-2 code of the PPT on the first day")
    programme: int | None = Field(None, description="Id of the published agenda version shown as the programme")
    documents: list[DocumentRef] = Field(description="The meeting's documents the caller may read")


class PersonRef(Schema):
    id: int
    name: str
    organization: str | None


class AgendaItemOut(Schema):
    id: int
    order: int
    session_es: str
    session_en: str
    day: datetime.date | None
    start_time: LocalTime | None
    end_time: LocalTime | None
    title_es: str
    title_en: str
    description_es: str
    description_en: str
    speakers: list[PersonRef]
    moderators: list[PersonRef]
    documents: list[str] = Field(description="Symbols of the item's documents the caller may read")


class AgendaVersionOut(Schema):
    id: int
    meeting: str
    kind: AgendaVersion.Kind
    number: int
    state: AgendaVersion.State
    open_for_comment: bool
    created_at: datetime.datetime
    submitted_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    decided_by: str | None
    decision_comment: str
    published_at: datetime.datetime | None


class AgendaVersionDetailOut(AgendaVersionOut):
    introduction_es: str
    introduction_en: str
    items: list[AgendaItemOut]


class MeetingFilter(Schema):
    kind: Meeting.Kind | None = None
    country: Iso2 | None = Field(None, description="ISO alpha-2 code")
    year: Year | None = None
    upcoming: bool | None = Field(None, description="true: not yet ended; false: already ended")


class DecisionIn(Schema):
    comment: str = ""


def _meeting(m: Meeting) -> dict:
    return {
        "slug": m.slug,
        "kind": m.kind,
        "title_es": m.title_es,
        "title_en": m.title_en,
        "start_date": m.start_date,
        "end_date": m.end_date,
        "time_zone": m.time_zone,
        "city": m.city,
        "country": m.country.iso2 if m.country_id else None,
        "venue": m.venue,
        "status": m.status,
        "access_level": m.access_level,
        "url": m.get_absolute_url(),
    }


def _person(p) -> dict:
    return {"id": p.pk, "name": p.full_name, "organization": str(p.organization) if p.organization_id else None}


def _item(item: AgendaItem) -> dict:
    data = {f: getattr(item, f) for f in AgendaItemOut.model_fields if f not in ("speakers", "moderators", "documents")}
    data["documents"] = [d.symbol for d in getattr(item, "visible_documents", ())]
    data["speakers"] = [_person(p) for p in item.speakers.all()]
    data["moderators"] = [_person(p) for p in item.moderators.all()]
    return data


def _version(v: AgendaVersion, *, items: bool = False) -> dict:
    data = {
        "id": v.pk,
        "meeting": v.meeting.slug,
        "kind": v.kind,
        "number": v.number,
        "state": v.state,
        "open_for_comment": v.is_open_for_comment,
        "created_at": v.created_at,
        "submitted_at": v.submitted_at,
        "decided_at": v.decided_at,
        "decided_by": v.decided_by.get_username() if v.decided_by_id else None,
        "decision_comment": v.decision_comment,
        "published_at": v.published_at,
    }
    if items:
        data.update(
            introduction_es=v.introduction_es,
            introduction_en=v.introduction_en,
            items=[_item(i) for i in v.items.all()],
        )
    return data


def _visible_meeting(request, slug: Slug) -> Meeting:
    meeting = selectors.meeting_for_page(slug, request.auth)
    if meeting is None:
        raise Http404
    return meeting


@router.get("", response=list[MeetingOut], summary="Meetings the caller may see")
@paginate(Page)
def meeting_list(request, filters: Query[MeetingFilter]):
    qs = selectors.meetings_visible_to(request.auth).order_by("start_date")
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.country:
        qs = qs.filter(country__iso2=filters.country.upper())
    if filters.year:
        qs = qs.filter(start_date__year=filters.year)
    if filters.upcoming is not None:
        today = timezone.localdate()
        qs = qs.filter(end_date__gte=today) if filters.upcoming else qs.filter(end_date__lt=today)
    return mapped(qs, _meeting)


@router.get("/{slug}", response=MeetingDetailOut, summary="One meeting")
def meeting_detail(request, slug: Slug):
    m = _visible_meeting(request, slug)
    programme = selectors.published_agenda(m, request.auth)
    documents = [
        {"symbol": link.document.symbol, "title_es": link.document.title_es, "title_en": link.document.title_en,
         "role": link.role, "url": link.document.get_absolute_url()}
        for link in selectors.meeting_documents(m, request.auth)
    ]  # fmt: skip
    return {
        **_meeting(m),
        "description_es": m.description_es,
        "description_en": m.description_en,
        "status_notice_es": m.status_notice_es,
        "status_notice_en": m.status_notice_en,
        "host_countries": [c.iso2 for c in m.host_countries.all()],
        "sponsor_countries": [c.iso2 for c in m.sponsor_countries.all()],
        "sponsor_organizations": [str(o) for o in m.sponsor_organizations.all()],
        "group": m.group.slug if m.group_id else None,
        "working_languages": m.working_languages,
        "interpretation": m.interpretation,
        "registration_deadline": m.registration_deadline,
        "presidency": m.presidency.country.iso2 if m.presidency else None,
        "programme": programme.pk if programme else None,
        "documents": documents,
    }


@router.get("/{slug}/agenda", response=list[AgendaVersionOut], summary="Agenda versions the caller may see")
@paginate(Page)
def agenda_list(request, slug: Slug):
    meeting = _visible_meeting(request, slug)
    return [_version(v) for v in selectors.agenda_versions_visible_to(meeting, request.auth)]


def _visible_version(request, slug: Slug, pk: Id) -> AgendaVersion:
    version = selectors.agenda_version_for_page(_visible_meeting(request, slug), pk, request.auth)
    if version is None:
        raise Http404
    return version


@router.get("/{slug}/agenda/{pk}", response=AgendaVersionDetailOut, summary="One agenda version with its items")
def agenda_detail(request, slug: Slug, pk: Id):
    return _version(_visible_version(request, slug, pk), items=True)


@router.post("/{slug}/agenda/{pk}/submit", response=AgendaVersionOut, summary="Submit a draft to the PPT (Secretariat)")
def agenda_submit(request, slug: Slug, pk: Id):
    user = require_user(request)
    return _version(services.agenda_submit(version=_visible_version(request, slug, pk), by=user))


@router.post("/{slug}/agenda/{pk}/approve", response=AgendaVersionOut, summary="Approve and publish (current PPT)")
def agenda_approve(request, slug: Slug, pk: Id, data: DecisionIn):
    user = require_user(request)
    return _version(services.agenda_approve(version=_visible_version(request, slug, pk), by=user, comment=data.comment))


@router.post("/{slug}/agenda/{pk}/return", response=AgendaVersionOut, summary="Return with comments (current PPT)")
def agenda_return(request, slug: Slug, pk: Id, data: DecisionIn):
    user = require_user(request)
    return _version(services.agenda_return(version=_visible_version(request, slug, pk), by=user, comment=data.comment))
