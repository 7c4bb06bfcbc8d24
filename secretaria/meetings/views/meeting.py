"""Public and members' pages of meetings (thin: selectors and services do the work)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.core.forms import add_service_errors
from secretaria.core.i18n import current_language
from secretaria.documents import selectors as document_selectors
from secretaria.documents import services as document_services
from secretaria.meetings import ical, page_cache, selectors, services
from secretaria.meetings.forms.meeting import (
    LogisticsForm,
    MeetingDocumentForm,
    MeetingFilterForm,
    MeetingForm,
    MeetingNewDocumentForm,
    StatusForm,
)
from secretaria.meetings.models import Meeting, MeetingDocument, MeetingLogistics
from secretaria.meetings.sections import sections_for
from secretaria.meetings.selectors.participants import registration_box


def visible_meeting_or_404(request, slug) -> Meeting:
    meeting = selectors.meeting_for_page(slug, request.user)
    if meeting is None:
        raise Http404
    return meeting


def filter_meetings(request, meetings, *, by_year: bool = True):
    """Apply the list's filters (kind, country, year); returns (form, queryset)."""
    data = request.GET.copy()
    if not by_year:
        data.pop("year", None)
    form = MeetingFilterForm(data or None, years=selectors.meeting_years(request.user))
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data.get("kind"):
            meetings = meetings.filter(kind=data["kind"])
        if data.get("country"):
            meetings = meetings.filter(country=data["country"])
        if data.get("year"):
            meetings = meetings.filter(start_date__year=data["year"])
    return form, meetings


RECENT_MEETINGS = 6


def meeting_list(request):
    """Upcoming and recent meetings together by default: an archive's list is never empty."""
    form, meetings = filter_meetings(request, selectors.meetings_visible_to(request.user))
    when = form.cleaned_data.get("when") if form.is_bound and form.is_valid() else ""
    year = form.cleaned_data.get("year") if form.is_bound and form.is_valid() else None
    if not when and year:
        when = "all"
    today = timezone.localdate()
    context = {"form": form, "when": when, "year": year, "years": selectors.meeting_years(request.user)}
    if when == "upcoming":
        context["meetings"] = list(meetings.filter(end_date__gte=today).order_by("start_date"))
    elif when == "past":
        context["meetings"] = list(meetings.filter(end_date__lt=today).order_by("-start_date"))
    elif when == "all":
        context["meetings"] = list(meetings.order_by("-start_date"))
    else:
        context["upcoming"] = list(meetings.filter(end_date__gte=today).order_by("start_date"))
        context["recent"] = list(meetings.filter(end_date__lt=today).order_by("-start_date")[:RECENT_MEETINGS])
    params = request.GET.copy()
    for key in ("year", "when"):
        params.pop(key, None)
    context["filters"] = params.urlencode()
    return render(request, "meetings/meeting/meeting_list.html", context)


def meeting_detail(request, slug):
    meeting = visible_meeting_or_404(request, slug)
    logistics = MeetingLogistics.objects.filter(meeting=meeting).first()
    can_manage = access.can(request.user, "meetings.manage", meeting)
    agenda = selectors.published_agenda_version(meeting)
    # The programme and the documents are lazy querysets: the template reads them only when
    # its cached fragments (page_cache) are stale.
    context = {
        "meeting": meeting,
        "agenda": agenda,
        "agenda_items": selectors.agenda_items(agenda, request.user) if agenda else None,
        "documents": selectors.meeting_document_links(meeting, request.user),
        "fragment_key": page_cache.fragment_key(meeting, request.user),
        "fragment_seconds": page_cache.FRAGMENT_SECONDS,
        "document_form": MeetingDocumentForm() if can_manage else None,
        "logistics": logistics if logistics and (logistics.is_published or can_manage) else None,
        "can_manage": can_manage,
        "can_see_drafts": access.can(request.user, "meetings.agenda.view_drafts", meeting),
        "can_view_services": access.can(request.user, "meetings.view_services", meeting),
        "sections": sections_for(request, meeting),
        "status_form": StatusForm(meeting=meeting) if can_manage else None,
        "registration_box": registration_box(request.user, meeting),
    }
    return render(request, "meetings/meeting/meeting_detail.html", context)


@require_POST
def meeting_status(request, slug):
    meeting = visible_meeting_or_404(request, slug)
    if not access.can(request.user, "meetings.manage", meeting):
        raise PermissionDenied
    form = StatusForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            services.meeting_set_status(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The meeting's status is now “%s”.") % meeting.get_status_display())
    else:
        messages.error(request, _("Choose one of the statuses offered."))
    return redirect(meeting)


def meeting_ics(request, slug):
    meeting = visible_meeting_or_404(request, slug)
    body = ical.calendar([meeting], name=meeting.title, lang=current_language())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}.ics"'
    return response


def logistics(request, slug):
    meeting = visible_meeting_or_404(request, slug)
    info = get_object_or_404(MeetingLogistics, meeting=meeting)
    can_manage = access.can(request.user, "meetings.manage", meeting)
    if not info.is_published and not can_manage:
        raise Http404
    return render(
        request, "meetings/logistics/logistics.html", {"meeting": meeting, "info": info, "can_manage": can_manage}
    )


def logistics_edit(request, slug):

    meeting = visible_meeting_or_404(request, slug)
    if not access.can(request.user, "meetings.manage", meeting):
        raise PermissionDenied
    info = MeetingLogistics.objects.filter(meeting=meeting).first() or MeetingLogistics(meeting=meeting)
    form = LogisticsForm(request.POST or None, instance=info)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        services.logistics_save(meeting=meeting, by=request.user, **data)
        messages.success(request, _("The logistics information was saved."))
        return redirect("meetings:logistics", slug=meeting.slug)
    return render(request, "meetings/logistics/logistics_edit.html", {"meeting": meeting, "form": form})


@require_POST
def document_link(request, slug):
    meeting = visible_meeting_or_404(request, slug)
    if not access.can(request.user, "meetings.manage", meeting):
        raise PermissionDenied
    form = MeetingDocumentForm(request.POST)
    if form.is_valid():
        services.meeting_document_link(
            meeting=meeting, document=form.cleaned_data["document"], role=form.cleaned_data["role"], by=request.user
        )
        messages.success(request, _("The document is linked to the meeting."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(f"{meeting.get_absolute_url()}#documents")


def document_new(request, slug):
    """A new document made from the meeting's page: created as a draft, listed on the meeting
    with the chosen role, then on to its files."""
    meeting = visible_meeting_or_404(request, slug)
    if not access.can(request.user, "meetings.manage", meeting) or not document_selectors.can_manage(request.user):
        raise PermissionDenied
    initial = {"date": meeting.start_date, "group": meeting.group_id}
    form = MeetingNewDocumentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        role = data.pop("role")
        try:
            with transaction.atomic():
                document = document_services.document_create(
                    by=request.user, **{key: data[key] for key in MeetingNewDocumentForm.SERVICE_FIELDS}
                )
                services.meeting_document_link(meeting=meeting, document=document, role=role, by=request.user)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Draft %(symbol)s created and listed on the meeting's page. Now add its files.")
                % {"symbol": document.symbol},
            )
            return redirect("documents:upload", pk=document.pk)
    return render(request, "meetings/documents/document_new.html", {"meeting": meeting, "form": form})


def _add_errors(form, error: ValidationError) -> None:
    add_service_errors(form, error)


@require_POST
def document_unlink(request, slug, pk):
    meeting = visible_meeting_or_404(request, slug)
    link = get_object_or_404(MeetingDocument, pk=pk, meeting=meeting)
    services.meeting_document_unlink(link=link, by=request.user)
    messages.success(request, _("The document is no longer listed on the meeting's page."))
    return redirect(f"{meeting.get_absolute_url()}#documents")


def meeting_edit(request, slug=None):
    """Create a meeting (no slug) or change its details; the Secretariat only."""
    if not access.can(request.user, "meetings.manage"):
        raise PermissionDenied
    meeting = visible_meeting_or_404(request, slug) if slug else None
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if meeting is None:
                meeting = services.meeting_create(by=request.user, **data)
                messages.success(request, _("The meeting was created."))
            else:
                services.meeting_update(meeting=meeting, by=request.user, **data)
                messages.success(request, _("The meeting was saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(meeting)
    return render(request, "meetings/meeting/meeting_form.html", {"meeting": meeting, "form": form})
