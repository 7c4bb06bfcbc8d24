"""Public and members' pages of meetings (thin: selectors and services do the work)."""

from django.http import Http404
from django.shortcuts import render

from secretaria.meetings import selectors


def meeting_list(request):
    meetings = list(selectors.meetings_visible_to(request.user).order_by("-start_date"))
    return render(request, "meetings/meeting_list.html", {"meetings": meetings})


def meeting_detail(request, slug):
    meeting = selectors.meeting_for_page(slug, request.user)
    if meeting is None:
        raise Http404
    return render(request, "meetings/meeting_detail.html", {"meeting": meeting})
