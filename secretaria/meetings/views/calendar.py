"""The calendar of meetings (month and list), and the iCal feeds."""

from __future__ import annotations

import calendar as pycalendar
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core.access import AccessLevel, visible_filter
from secretaria.core.i18n import current_language
from secretaria.meetings import ical, selectors, services
from secretaria.meetings.models import CalendarToken, Meeting
from secretaria.meetings.views.meeting import filter_meetings

FEED_LANGUAGES = ("es", "en")


def _month(request) -> datetime.date:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        month = int(request.GET.get("month", today.month))
        # The Conference dates from 1996; a bounded range keeps the previous/next links valid.
        if not 1990 <= year <= 2100:
            raise ValueError(year)
        return datetime.date(year, month, 1)
    except (TypeError, ValueError):
        return today.replace(day=1)


def meeting_calendar(request):
    view = "list" if request.GET.get("view") == "list" else "month"
    # In the month view ``year`` is the month's year, not a filter: a meeting may span two years.
    form, meetings = filter_meetings(request, selectors.meetings_visible_to(request.user), by_year=view == "list")
    first = _month(request)
    context = {"form": form, "view": view, "month": first}
    if view == "month":
        last = first.replace(day=pycalendar.monthrange(first.year, first.month)[1])
        # An archive's months are mostly empty: offer a jump to any month and to the nearest meetings.
        years = set(selectors.meeting_years(request.user)) | {timezone.localdate().year, first.year}
        context.update(
            jump_years=sorted(years, reverse=True),
            jump_months=[(n, datetime.date(2024, n, 1)) for n in range(1, 13)],
            earlier=meetings.filter(start_date__lt=first).order_by("-start_date").first(),
            later=meetings.filter(start_date__gt=last).order_by("start_date").first(),
        )
        meetings = list(meetings.filter(start_date__lte=last, end_date__gte=first).order_by("start_date"))
        weeks = []
        for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
            weeks.append(
                [
                    {
                        "date": day,
                        "in_month": day.month == first.month,
                        "meetings": [m for m in meetings if m.start_date <= day <= m.end_date],
                    }
                    for day in week
                ]
            )
        prev_month = (first - datetime.timedelta(days=1)).replace(day=1)
        next_month = (first + datetime.timedelta(days=32)).replace(day=1)
        context.update(
            weeks=weeks,
            meetings=meetings,
            prev_month=prev_month,
            next_month=next_month,
            weekdays=[datetime.date(2024, 1, d) for d in range(1, 8)],  # 1 Jan 2024 was a Monday
        )
    else:
        context["meetings"] = list(meetings.order_by("start_date"))
    params = request.GET.copy()
    for key in ("view", "year", "month"):
        params.pop(key, None)
    context["filters"] = params.urlencode()
    return render(request, "meetings/calendar/calendar.html", context)


def _ics_response(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=900"
    return response


def public_feed(request, lang="es"):
    """Public meetings only: the feed is fetched by calendar programs without a session."""
    if lang not in FEED_LANGUAGES:
        raise Http404
    meetings = Meeting.objects.select_related("country").filter(access_level=AccessLevel.PUBLIC).order_by("start_date")
    with translation.override(lang):  # the feed's language, whatever the request's
        name = _("RCM - Meetings")
    return _ics_response(ical.calendar(meetings, name=name, lang=lang), "crm-meetings.ics")


def personal_feed(request, token, lang="es"):
    """A person's meetings, at a secret address: whoever has the address reads the feed."""
    if lang not in FEED_LANGUAGES:
        raise Http404
    record = CalendarToken.objects.select_related("user", "user__person").filter(token=token).first()
    if record is None or not record.user.is_active:
        raise Http404
    user = record.user
    meetings = selectors.meetings_for_person(user.person).filter(_visible(user)).order_by("start_date")
    with translation.override(lang):
        name = _("RCM - My meetings")
    return _ics_response(ical.calendar(meetings, name=name, lang=lang), "my-meetings.ics")


def _visible(user):

    return visible_filter(user)


@login_required
def feed_settings(request):
    token = services.calendar_token_for(user=request.user)
    lang = current_language()
    path = reverse("meetings_feeds:personal", kwargs={"token": token.token, "lang": lang})
    public = reverse("meetings_feeds:public", kwargs={"lang": lang})
    return render(
        request,
        "meetings/calendar/feed_settings.html",
        {
            "feed_url": request.build_absolute_uri(path),
            "public_url": request.build_absolute_uri(public),
            "token": token,
        },
    )


@login_required
@require_POST
def feed_regenerate(request):
    services.calendar_token_regenerate(user=request.user)
    messages.success(request, _("Your calendar has a new secret address. The old one no longer works."))
    return redirect("meetings:feed_settings")
