"""The activity record in JSON (the Secretariat's only): filtered as the page, paged as every list,
and the entries added by hand."""

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from secretaria.accounts.auth import require_user
from secretaria.activity.models import Activity
from secretaria.activity.selectors import activities_between
from secretaria.activity.services import MANUAL_KINDS, activity_add
from secretaria.core import access
from secretaria.core.openapi import Page, Slug, mapped
from secretaria.meetings.models import Meeting

router = Router(tags=["activity"])


class ActivityOut(Schema):
    id: int
    occurred_at: datetime.datetime
    kind: Activity.Kind
    kind_label: str
    meeting: str | None = Field(None, description="Slug of the meeting, if any")
    engagement_es: str
    engagement_en: str
    summary_es: str
    summary_en: str
    manual: bool
    actor: str | None = None


class ActivityFilter(Schema):
    start: datetime.date | None = Field(None, description="From this day (included)")
    end: datetime.date | None = Field(None, description="Until this day (included)")
    meeting: Slug | None = None
    kind: Activity.Kind | None = None
    text: str = Field("", max_length=100)
    manual: bool | None = None


class ActivityIn(Schema):
    on: datetime.date
    kind: Activity.Kind
    meeting: Slug | None = None
    engagement_es: str = Field("", max_length=300)
    engagement_en: str = Field("", max_length=300)
    summary_es: str = Field(..., max_length=500)
    summary_en: str = Field(..., max_length=500)


def _out(a: Activity) -> ActivityOut:
    return ActivityOut(
        id=a.pk, occurred_at=a.occurred_at, kind=a.kind, kind_label=str(a.get_kind_display()),
        meeting=a.meeting.slug if a.meeting_id else None, engagement_es=a.engagement_es,
        engagement_en=a.engagement_en, summary_es=a.summary_es, summary_en=a.summary_en, manual=a.manual,
        actor=a.actor.get_username() if a.actor_id else None,
    )  # fmt: skip


def _require(request):
    user = require_user(request)
    if not access.can(user, "activity.view"):
        raise PermissionDenied
    return user


@router.get("", response=list[ActivityOut], summary="The activity record, oldest first")
@paginate(Page)
def activity_list(request, filters: Query[ActivityFilter]):
    _require(request)
    # A GET answers bad filters with 422, as every list of the API (its schema declares no 400/404).
    if filters.start and filters.end and filters.end < filters.start:
        raise HttpError(422, _("The period cannot end before it starts."))
    meeting = None
    if filters.meeting:
        meeting = Meeting.objects.filter(slug=filters.meeting).first()
        if meeting is None:
            raise HttpError(422, _("There is no meeting with this short name."))
    qs = activities_between(
        filters.start, filters.end, meeting=meeting, kind=filters.kind, text=filters.text, manual=filters.manual
    )
    return mapped(qs, _out)


@router.post("", response={201: ActivityOut}, summary="Add an entry by hand (moderation, IT support, coordination)")
def activity_create(request, payload: ActivityIn):
    user = _require(request)
    if payload.kind not in MANUAL_KINDS:
        raise HttpError(400, _("This kind is recorded by the site itself, not by hand."))
    meeting = get_object_or_404(Meeting, slug=payload.meeting) if payload.meeting else None
    data = payload.dict(exclude={"meeting"})
    return 201, _out(activity_add(by=user, meeting=meeting, **data))
