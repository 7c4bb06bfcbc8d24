"""The outreach API under /api/v1/outreach/: engagements the caller may see (never their
confidential notes or costs), the PPT's decision, the period's outreach for the report, and the
inquiries (the Secretariat only)."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from secretaria.accounts.auth import require_user
from secretaria.core import access
from secretaria.core.openapi import Id, Offset
from secretaria.outreach.models import Engagement, Inquiry
from secretaria.outreach.selectors import engagements as selectors
from secretaria.outreach.selectors import inquiries as inquiry_selectors
from secretaria.outreach.selectors.report import outreach_for_period
from secretaria.outreach.services import engagements as services

router = Router(tags=["outreach"])


def _user(request):
    return request.auth if request.auth is not None else request.user


class EngagementOut(Schema):
    id: int
    kind: str
    title_es: str
    title_en: str
    summary_es: str
    summary_en: str
    start_date: datetime.date
    end_date: datetime.date | None
    place: str
    country: str | None = Field(description="ISO alpha-2")
    organization: str | None
    status: str
    needs_approval: bool
    decided_at: datetime.datetime | None
    documents: list[str] = Field(description="Symbols of the documents delivered that the caller may read")


class EngagementPage(Schema):
    count: int
    results: list[EngagementOut]


class EngagementFilter(Schema):
    kind: Engagement.Kind | None = None
    country: str | None = Field(None, min_length=2, max_length=2, pattern=r"^[A-Za-z]{2}$")
    start: datetime.date | None = Field(None, description="Engagements ending on or after this day")
    end: datetime.date | None = Field(None, description="Engagements starting on or before this day")
    status: Engagement.Status | None = None
    limit: int = Field(50, ge=1, le=200)
    offset: Offset = 0


class EngagementDecisionIn(Schema):
    comment: str = Field("", max_length=2000)


def _out(user, e: Engagement) -> dict:
    return {
        "id": e.pk, "kind": e.kind, "title_es": e.title_es, "title_en": e.title_en, "summary_es": e.summary_es,
        "summary_en": e.summary_en, "start_date": e.start_date, "end_date": e.end_date, "place": e.place,
        "country": e.country.iso2 if e.country_id else None,
        "organization": str(e.organization) if e.organization_id else None, "status": e.status,
        "needs_approval": e.needs_approval, "decided_at": e.decided_at,
        "documents": [d.document.symbol for d in e.deliverables.all() if access.can_view_object(user, d.document)],
    }  # fmt: skip


def _check_period(start, end) -> None:
    if start and end and end < start:
        raise HttpError(422, _("The end of the period is before its start."))


@router.get("/engagements", response=EngagementPage, summary="Engagements the caller may see")
def list_engagements(request, filters: Query[EngagementFilter]):
    user = _user(request)
    _check_period(filters.start, filters.end)
    qs = selectors.engagement_list(user, selectors.EngagementFilters(
        kind=filters.kind, country=filters.country, start=filters.start, end=filters.end, status=filters.status))  # fmt: skip
    return {
        "count": qs.count(),
        "results": [_out(user, e) for e in qs[filters.offset : filters.offset + filters.limit]],
    }


@router.get("/engagements/{int:engagement_id}", response=EngagementOut, summary="One engagement")
def get_engagement(request, engagement_id: Id):
    user = _user(request)
    engagement = selectors.engagement_detail(user, engagement_id)
    if engagement is None:
        raise Http404
    return _out(user, engagement)


def _decide(request, engagement_id, action, comment):
    user = require_user(request)
    engagement = selectors.engagement_detail(user, engagement_id)
    if engagement is None:
        raise Http404
    action(engagement=engagement, by=user, comment=comment)
    return _out(user, selectors.engagement_detail(user, engagement_id))


@router.post("/engagements/{int:engagement_id}/approve", response=EngagementOut, summary="The PPT approves")
def approve_engagement(request, engagement_id: Id, payload: EngagementDecisionIn):
    return _decide(request, engagement_id, services.engagement_approve, payload.comment)


@router.post("/engagements/{int:engagement_id}/decline", response=EngagementOut, summary="The PPT declines")
def decline_engagement(request, engagement_id: Id, payload: EngagementDecisionIn):
    return _decide(request, engagement_id, services.engagement_decline, payload.comment)


class OutreachReportItemOut(Schema):
    date: datetime.date
    kind: str
    summary_es: str
    summary_en: str


class OutreachReportGroupOut(Schema):
    key: str
    title_es: str
    title_en: str
    count: int
    items: list[OutreachReportItemOut]


class OutreachReportOut(Schema):
    start: datetime.date
    end: datetime.date
    groups: list[OutreachReportGroupOut]


@router.get("/report", response=OutreachReportOut, summary="The period's outreach, grouped as in the report")
def report(request, start: datetime.date, end: datetime.date):
    user = require_user(request)
    if access.clearance(user) < 3:
        raise PermissionDenied
    _check_period(start, end)
    groups = [{"key": g.key, "title_es": g.title_es, "title_en": g.title_en, "count": g.count,
               "items": [vars(i) for i in g.items]} for g in outreach_for_period(start, end)]  # fmt: skip
    return {"start": start, "end": end, "groups": groups}


class InquiryOut(Schema):
    id: int
    reference: str
    received_at: datetime.datetime
    channel: str
    status: str
    topic: str
    language: str
    country: str | None
    first_response_hours: float | None
    resolution_hours: float | None


class InquiryPage(Schema):
    count: int
    results: list[InquiryOut]


class InquiryFilter(Schema):
    status: Inquiry.Status | None = None
    limit: int = Field(50, ge=1, le=200)
    offset: Offset = 0


@router.get("/inquiries", response=InquiryPage, summary="Inquiries (the Technical Secretariat only)")
def list_inquiries(request, filters: Query[InquiryFilter]):
    user = require_user(request)
    if not access.can(user, "outreach.inquiries"):
        raise PermissionDenied
    qs = inquiry_selectors.inquiry_list(status=filters.status)
    results = []
    for i in qs[filters.offset : filters.offset + filters.limit]:
        times = inquiry_selectors.response_times(i)
        results.append({
            "id": i.pk, "reference": i.reference, "received_at": i.received_at, "channel": i.channel,
            "status": i.status, "topic": i.topic, "language": i.language,
            "country": i.country.iso2 if i.country_id else None,
            "first_response_hours": times.first_response_hours, "resolution_hours": times.resolution_hours,
        })  # fmt: skip
    return {"count": qs.count(), "results": results}
