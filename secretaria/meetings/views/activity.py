"""The Secretariat's record of what it did, by period and meeting: the page, its CSV/XLSX export,
and the entries the Secretariat adds by hand."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.activity import export
from secretaria.activity.models import Activity
from secretaria.activity.selectors import activities_between
from secretaria.activity.services import activity_add, activity_delete
from secretaria.core import access
from secretaria.core.forms import add_service_errors
from secretaria.meetings.forms.meeting import ActivityEntryForm, ActivityFilterForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require(request) -> None:
    if not access.can(request.user, "activity.view"):
        raise PermissionDenied


def _filtered(request):
    today = timezone.localdate()
    # Default: the current half-year, the period of the Secretariat's six-monthly report.
    default_start = datetime.date(today.year, 1 if today.month <= 6 else 7, 1)
    data = request.GET.copy()
    for name in ("page", "export"):
        data.pop(name, None)
    form = ActivityFilterForm(data or None, initial={"start": default_start, "end": today})
    start, end, meeting, kind, text, manual = default_start, today, None, None, "", None
    if form.is_bound and form.is_valid():
        cleaned = form.cleaned_data
        start, end = cleaned.get("start"), cleaned.get("end")
        meeting, kind, text = cleaned.get("meeting"), cleaned.get("kind") or None, cleaned.get("text") or ""
        manual = {"site": False, "manual": True}.get(cleaned.get("origin") or "")
    activities = activities_between(start, end, meeting=meeting, kind=kind, text=text, manual=manual)
    return form, start, end, activities, data.urlencode()


def activity_list(request):
    _require(request)
    form, start, end, activities, query = _filtered(request)
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        stamp = f"{start or 'inicio'}_{end or 'hoy'}"
        if fmt == "csv":
            response = HttpResponse(export.as_csv(activities), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(export.as_xlsx(activities), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="actividades_{stamp}.{fmt}"'
        return response
    page = Paginator(activities.order_by("-occurred_at", "-pk"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/activity/activity_list.html",
        {"form": form, "page_obj": page, "start": start, "end": end, "query": query},
    )


def activity_new(request):
    _require(request)
    form = ActivityEntryForm(request.POST or None, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            activity_add(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The entry was added to the activity record."))
            return redirect(reverse("meetings:activity"))
    return render(request, "meetings/activity/activity_form.html", {"form": form})


@require_POST
def activity_remove(request, pk: int):
    _require(request)
    activity = get_object_or_404(Activity, pk=pk)
    try:
        activity_delete(by=request.user, activity=activity)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The entry was removed."))
    return redirect(reverse("meetings:activity"))
