"""The Secretariat's record of what it did, by period and meeting."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from secretaria.activity.selectors import activities_between
from secretaria.core import access
from secretaria.meetings.forms.meeting import ActivityFilterForm


def activity_list(request):
    if not access.can(request.user, "activity.view"):
        raise PermissionDenied
    today = timezone.localdate()
    # Default: the current half-year, the period of the Secretariat's six-monthly report.
    default_start = datetime.date(today.year, 1 if today.month <= 6 else 7, 1)
    form = ActivityFilterForm(request.GET or None, initial={"start": default_start, "end": today})
    start, end, meeting, kind = default_start, today, None, None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        start, end = data.get("start"), data.get("end")
        meeting, kind = data.get("meeting"), data.get("kind") or None
    activities = activities_between(start, end, meeting=meeting, kind=kind).order_by("-occurred_at", "-pk")
    page = Paginator(activities, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "meetings/activity/activity_list.html",
        {"form": form, "page_obj": page, "start": start, "end": end, "query": params.urlencode()},
    )
