"""Pages of a meeting's participants: the lists (public, members', the Secretariat's), their exports
and badges, the e-mail to participants; and the helpers the invitation, registration and letter pages share."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from secretaria.core import access
from secretaria.core.audit import audit_export
from secretaria.meetings import selectors
from secretaria.meetings import services as svc
from secretaria.meetings.exports.participants import (
    badges_pdf,
    participants_csv,
    participants_xlsx,
)
from secretaria.meetings.forms.participants import MailingForm
from secretaria.meetings.selectors import participants as sel


def _meeting(request, slug):
    meeting = selectors.meeting_for_page(slug, request.user)
    if meeting is None:
        raise Http404
    return meeting


def managed_meeting_or_404(request, slug):
    """The meeting, for the Secretariat only (others: sign in, or 403)."""
    if not request.user.is_authenticated:
        raise _LoginRequired
    meeting = _meeting(request, slug)
    if not access.can(request.user, "meetings.participation.manage", meeting):
        raise PermissionDenied
    return meeting


class _LoginRequired(Exception):
    pass


def secretariat_only(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def error_text(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [m for msgs in exc.message_dict.values() for m in msgs]
    return exc.messages


def participants(request, slug):
    meeting = _meeting(request, slug)
    view, registrations = sel.participants_for(request.user, meeting)
    return render(
        request,
        "meetings/participants/participants.html",
        {"meeting": meeting, "view": view, "registrations": list(registrations)},
    )


@secretariat_only
def participants_export(request, slug, fmt):
    meeting = managed_meeting_or_404(request, slug)
    registrations = list(sel.registrations_for_meeting(meeting))
    stem = f"participantes-{slugify(meeting.slug)}"
    if fmt == "csv":
        response = HttpResponse(participants_csv(registrations, full=True), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            participants_xlsx(registrations, full=True, title=meeting.title),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    audit_export(what=f"meetings:participants:{meeting.slug}", by=request.user, request=request,
                 count=len(registrations), format=fmt)  # fmt: skip
    return response


@secretariat_only
def participants_badges(request, slug):
    meeting = managed_meeting_or_404(request, slug)
    registrations = [r for r in sel.registrations_for_meeting(meeting) if r.status in sel.LISTED]
    response = HttpResponse(badges_pdf(registrations, meeting_title=meeting.title), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="gafetes-{meeting.slug}.pdf"'
    audit_export(what=f"meetings:badges:{meeting.slug}", by=request.user, request=request, count=len(registrations))
    return response


@secretariat_only
def mailing(request, slug):
    meeting = managed_meeting_or_404(request, slug)
    form = MailingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = svc.mailing_send(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("E-mail sent to %(n)s participants.") % {"n": len(sent.recipients)})
            return redirect("meetings:mailing", slug=meeting.slug)
    return render(
        request,
        "meetings/participants/mailing.html",
        {"meeting": meeting, "form": form, "mailings": sel.mailings_for_meeting(meeting)},
    )


LINK_REFUSALS = {
    "invalid": (400, gettext_noop("This link is not valid"), gettext_noop("The link is incomplete or has been altered. Copy the whole link from the e-mail, or ask the Secretariat for a new one.")),
    "expired": (410, gettext_noop("This link has expired"), gettext_noop("The registration deadline has passed. If you still wish to take part, write to the Secretariat.")),
    "used": (410, gettext_noop("This link has already been used"), gettext_noop("The invitation has already been answered with this link. If you need to change your answer or your details, write to the Secretariat.")),
    "edit_expired": (410, gettext_noop("This registration can no longer be changed here"), gettext_noop("The registration deadline has passed: only the Secretariat can change your registration now. Write to it with the changes.")),
    "closed": (410, gettext_noop("This registration can no longer be changed here"), gettext_noop("The registration has been cancelled, rejected or closed. If you need to change something, write to the Secretariat.")),
}  # fmt: skip
