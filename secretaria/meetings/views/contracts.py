"""The Secretariat's pages for a meeting's contracted services, costs and financial report.

Rules (secretaria/meetings/contracts_rules.py): ``meetings.view_services`` (the Secretariat
and the Pro-Tempore Presidency, read-only) and ``meetings.manage_services`` (the Secretariat).
Everyone else gets a 403; anonymous visitors go to the login page.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.core.audit import audit_export
from secretaria.core.i18n import current_language
from secretaria.meetings.exports.contracts import financial_report_pdf, financial_report_xlsx
from secretaria.meetings.forms.contracts import ServiceFileForm, ServiceForm, StatusForm
from secretaria.meetings.models import Meeting
from secretaria.meetings.selectors import contracts as selectors
from secretaria.meetings.services import contracts as services


def _guarded(rule: str):
    """Load the meeting from the URL and check ``rule`` on it before the view runs."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            meeting = get_object_or_404(Meeting.objects.select_related("country"), slug=slug)
            if not access.can(request.user, rule, meeting):
                raise PermissionDenied
            return view(request, meeting, *args, **kwargs)

        return wrapper

    return decorator


def _service_or_404(meeting, pk):
    service = selectors.service_for_meeting(meeting, pk)
    if service is None:
        raise Http404
    return service


@_guarded("meetings.view_services")
def service_list(request, meeting):
    rows = list(selectors.services_for_meeting(meeting))
    return render(
        request,
        "meetings/contracts/service_list.html",
        {
            "meeting": meeting,
            "services": rows,
            "summary": selectors.cost_summary(rows),
            "can_manage": access.can(request.user, "meetings.manage_services", meeting),
        },
    )


def _save_form(request, meeting, form, service=None):
    data = form.service_data()
    try:
        if not data.get("supplier"):
            data["supplier"] = services.supplier_create(
                name=form.cleaned_data["new_supplier"], country=form.cleaned_data.get("new_supplier_country")
            )
        if service is None:
            return services.service_create(meeting=meeting, by=request.user, **data)
        return services.service_update(service, by=request.user, **data)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return None


@_guarded("meetings.manage_services")
def service_create(request, meeting):
    form = ServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service = _save_form(request, meeting, form)
        if service is not None:
            messages.success(request, _("Service recorded as quoted."))
            return redirect("meetings:service_detail", meeting.slug, service.pk)
    return render(request, "meetings/contracts/service_form.html", {"meeting": meeting, "form": form, "service": None})


@_guarded("meetings.manage_services")
def service_edit(request, meeting, pk):
    service = _service_or_404(meeting, pk)
    form = ServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and form.is_valid():
        saved = _save_form(request, meeting, form, service)
        if saved is not None:
            messages.success(request, _("Changes saved."))
            return redirect("meetings:service_detail", meeting.slug, saved.pk)
    return render(
        request, "meetings/contracts/service_form.html", {"meeting": meeting, "form": form, "service": service}
    )


@_guarded("meetings.view_services")
def service_detail(request, meeting, pk):
    service = _service_or_404(meeting, pk)
    can_manage = access.can(request.user, "meetings.manage_services", meeting)
    next_statuses = [
        (value, label) for value, label in service.Status.choices if value in services.allowed_transitions(service)
    ]
    return render(
        request,
        "meetings/contracts/service_detail.html",
        {
            "meeting": meeting,
            "service": service,
            "can_manage": can_manage,
            "can_see_files": can_manage,
            "next_statuses": next_statuses,
            "file_form": ServiceFileForm() if can_manage else None,
        },
    )


@require_POST
@_guarded("meetings.manage_services")
def service_status(request, meeting, pk):
    service = _service_or_404(meeting, pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
    else:
        try:
            service = services.service_set_status(
                service, to=form.cleaned_data["to"], by=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The service is now “%(status)s”.") % {"status": service.get_status_display()})
    return redirect("meetings:service_detail", meeting.slug, service.pk)


@require_POST
@_guarded("meetings.manage_services")
def service_file_upload(request, meeting, pk):
    service = _service_or_404(meeting, pk)
    form = ServiceFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.service_file_add(
                service,
                by=request.user,
                kind=form.cleaned_data["kind"],
                file=form.cleaned_data["file"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("File attached."))
        return redirect("meetings:service_detail", meeting.slug, service.pk)
    return render(
        request,
        "meetings/contracts/service_detail.html",
        {
            "meeting": meeting,
            "service": service,
            "can_manage": True,
            "can_see_files": True,
            "next_statuses": [
                (value, label)
                for value, label in service.Status.choices
                if value in services.allowed_transitions(service)
            ],
            "file_form": form,
        },
        status=400,
    )


def _report_response(request, meeting, *, fmt: str) -> HttpResponse:
    lang = current_language()
    rows = list(selectors.services_for_meeting(meeting))
    if fmt == "xlsx":
        content = financial_report_xlsx(meeting, rows, lang=lang)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content = financial_report_pdf(meeting, rows, lang=lang)
        content_type = "application/pdf"
    audit_export(
        what=f"meetings.financial_report:{meeting.slug}", by=request.user, request=request, count=len(rows),
        format=fmt, language=lang,
    )  # fmt: skip
    filename = f"{slugify(_('financial report'))}-{meeting.slug}-{lang}.{fmt}"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@_guarded("meetings.view_services")
def report_xlsx(request, meeting):
    return _report_response(request, meeting, fmt="xlsx")


@_guarded("meetings.view_services")
def report_pdf(request, meeting):
    return _report_response(request, meeting, fmt="pdf")
