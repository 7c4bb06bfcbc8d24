"""Invitation pages: the Secretariat's management (create, send, remind, one invitation's history),
the invitee's answer through a signed link, and the person's own invitations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.meetings import services as svc
from secretaria.meetings.forms.invitations import InviteForm
from secretaria.meetings.forms.registration import RegistrationForm
from secretaria.meetings.models import Registration
from secretaria.meetings.selectors import participants as sel
from secretaria.meetings.views.participants import managed_meeting_or_404, secretariat_only
from secretaria.meetings.views.registration import _answered, _invitee_context, _read


@secretariat_only
def participation_manage(request, slug):
    meeting = managed_meeting_or_404(request, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        result = svc.invitations_create(
            meeting=meeting,
            by=request.user,
            member_states=d["member_states"],
            observer_organizations=d["observer_organizations"],
            group=d["group"],
            people=d["people"],
            category=d["category"],
            quota=d["quota"],
        )
        messages.success(
            request,
            _("%(n)s invitations sent; %(s)s already invited.")
            % {"n": len(result.created) - len(result.without_address), "s": result.skipped},
        )
        if result.without_address:
            messages.warning(
                request,
                _(
                    "No focal point or e-mail address for: %(names)s. Add one in the directory, "
                    "then use “Send the unsent invitations”."
                )
                % {"names": ", ".join(inv.invitee_name for inv in result.without_address)},
            )
        return redirect("meetings:participation_manage", slug=meeting.slug)
    invitations = list(sel.invitations_for_meeting(meeting))
    registrations = list(sel.registrations_for_meeting(meeting))
    context = {
        "meeting": meeting,
        "form": form,
        "invitations": invitations,
        "registrations": registrations,
        "waiting": [r for r in registrations if r.status == Registration.Status.WAITLISTED],
        "places_taken": sum(1 for r in registrations if r.status in Registration.HOLDS_PLACE),
        "to_remind": sel_count_to_remind(meeting),
        "unsent": 0 if svc.invitations_closed_reason(meeting) else svc.invitations_unsent(meeting=meeting).count(),
    }
    return render(request, "meetings/invitations/manage.html", context)


def sel_count_to_remind(meeting) -> int:
    return svc.invitations_needing_reminder(meeting=meeting).count()


@secretariat_only
def invitation_detail(request, slug, pk):
    meeting = managed_meeting_or_404(request, slug)
    invitation = sel.invitation_with_history(meeting, pk)
    if invitation is None:
        raise Http404
    return render(request, "meetings/invitations/invitation.html", {"meeting": meeting, "invitation": invitation})


@require_POST
@secretariat_only
def participation_send_pending(request, slug):
    meeting = managed_meeting_or_404(request, slug)
    try:
        result = svc.invitations_send_pending(meeting=meeting, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("meetings:participation_manage", slug=meeting.slug)
    messages.success(request, _("%(n)s invitations sent.") % {"n": len(result.created)})
    if result.without_address:
        messages.warning(
            request,
            _("Still no focal point or e-mail address for: %(names)s.")
            % {"names": ", ".join(inv.invitee_name for inv in result.without_address)},
        )
    return redirect("meetings:participation_manage", slug=meeting.slug)


@require_POST
@secretariat_only
def participation_remind(request, slug):
    meeting = managed_meeting_or_404(request, slug)
    count = svc.invitations_send_reminders(meeting=meeting)
    messages.success(request, _("%(n)s reminders sent.") % {"n": count})
    return redirect("meetings:participation_manage", slug=meeting.slug)


def invitation_respond(request, token):
    invitation, refusal = _read(request, token, "respond")
    if refusal:
        return refusal
    meeting = invitation.meeting
    form = RegistrationForm(request.POST or None) if not invitation.for_delegation else None
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer == "decline":
            svc.invitation_decline(invitation=invitation, by=request.user)
            return _answered(request, meeting, declined=True)
        if answer == "accept":
            if invitation.for_delegation:
                svc.invitation_accept(invitation=invitation, by=request.user)
                invitation.refresh_from_db()
                return redirect("meetings:invitation_delegation", token=svc.invitation_token(invitation, "delegation"))
            if form.is_valid():
                try:
                    svc.invitation_accept(invitation=invitation, by=request.user, registration_data=form.logistics())
                except ValidationError as exc:
                    form.add_error(None, exc)
                else:
                    registration = invitation.registrations.get()
                    return _answered(request, meeting, registration=registration)
    return render(
        request,
        "meetings/invitations/respond.html",
        _invitee_context(request, meeting, invitation=invitation, form=form),
    )


@login_required
def my_participation(request):
    """The signed-in person's invitations (theirs, or their delegation's as focal point) and registrations."""
    if not access.can(request.user, "members_area.enter"):
        raise PermissionDenied
    lines = sel.participation_of(request.user)
    return render(
        request,
        "meetings/invitations/mine.html",
        {
            "current": [line for line in lines if not line.is_past],
            "past": [line for line in lines if line.is_past],
            "has_person": request.user.person_id is not None,
        },
    )
