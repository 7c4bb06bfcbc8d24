"""Panels of the members' dashboard that the meetings app provides."""

from django.utils import timezone

from secretaria.core import access
from secretaria.meetings import selectors
from secretaria.meetings.models import AgendaVersion
from secretaria.meetings.selectors.participants import participation_of


def awaiting_approval(request) -> dict | None:
    """For the current Pro-Tempore Presidency: agendas submitted to it."""
    if not access.is_current_ppt(request.user):
        return None
    return {"versions": list(selectors.agendas_awaiting(request.user))}


def secretariat_meetings(request) -> dict | None:
    if not access.is_secretariat(request.user):
        return None
    upcoming = selectors.meetings_visible_to(request.user).filter(end_date__gte=timezone.localdate())
    return {
        "meetings": list(upcoming.order_by("start_date")[:8]),
        "open_agendas": AgendaVersion.objects.filter(
            state__in=[AgendaVersion.State.DRAFT, AgendaVersion.State.SUBMITTED],
            meeting__end_date__gte=timezone.localdate(),
        ).count(),
    }


def upcoming_meetings(request) -> dict | None:
    """For signed-in members other than the Secretariat (which has its own panel)."""
    if access.role_of(request.user) is None or access.is_secretariat(request.user):
        return None
    upcoming = selectors.meetings_visible_to(request.user).filter(end_date__gte=timezone.localdate())
    return {"meetings": list(upcoming.order_by("start_date")[:5])}


def my_participation(request) -> dict | None:
    """For anyone signed in with a person in the directory who has an invitation or registration
    (their own or, as focal point, their delegation's) for a current or coming meeting; the Secretariat
    only when it is itself invited."""

    if access.role_of(request.user) is None:
        return None
    lines = participation_of(request.user, current=True)
    if not lines and (access.is_secretariat(request.user) or request.user.person_id is None):
        return None
    return {"lines": lines[:6]}


HOME_MEETINGS = 4


def home_meetings(request) -> dict | None:
    """The home page: meetings under way and coming up, or else the most recent ones."""
    today = timezone.localdate()
    visible = selectors.meetings_visible_to(request.user).select_related("country")
    current = list(visible.filter(start_date__lte=today, end_date__gte=today).order_by("start_date"))
    upcoming = list(visible.filter(start_date__gt=today).order_by("start_date")[:HOME_MEETINGS])
    recent = [] if current or upcoming else list(visible.filter(end_date__lt=today).order_by("-start_date")[:3])
    return {"current": current, "upcoming": upcoming, "recent": recent}
