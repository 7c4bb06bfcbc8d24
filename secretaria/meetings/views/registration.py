"""Registration pages: the invitee's form and change page (through a signed link), and the
Secretariat's approval, rejection, attendance and change of a registration."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.meetings import services as svc
from secretaria.meetings.forms.registration import RegistrationForm, RegistrationManageForm
from secretaria.meetings.models import Registration
from secretaria.meetings.selectors import participants as sel
from secretaria.meetings.views.participants import LINK_REFUSALS, error_text, managed_meeting_or_404, secretariat_only


@require_POST
@secretariat_only
def registration_action(request, slug, pk, action):
    meeting = managed_meeting_or_404(request, slug)
    registration = get_object_or_404(Registration, meeting=meeting, pk=pk)
    actions = {
        "approve": svc.registration_approve,
        "reject": svc.registration_reject,
        "attended": svc.registration_mark_attended,
    }
    if action not in actions:
        raise Http404
    try:
        actions[action](registration=registration, by=request.user)
    except ValidationError as exc:
        for message in error_text(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("%(name)s: %(status)s.") % {
            "name": registration.person.full_name, "status": registration.get_status_display()
        })  # fmt: skip
    return redirect(reverse("meetings:participation_manage", kwargs={"slug": meeting.slug}) + "#registrations")


def _refused(request, reason: str):
    status, title, message = LINK_REFUSALS[reason]
    return render(
        request,
        "meetings/invitations/link_refused.html",
        {"title": _(title), "message": _(message), "reason": reason, "status": status},
        status=status,
    )


def _read(request, token, action):
    try:
        return svc.token_read(token, action), None
    except svc.LinkError as exc:
        # A personal link that has done its job leads to the registration it made, which its
        # invitee may still change until the deadline.
        if exc.reason == "used" and action in ("respond", "register"):
            registration = svc.changeable_registration_for(exc.obj)
            if registration is not None:
                return None, redirect("meetings:registration_edit", token=svc.registration_token(registration, "edit"))
        return None, _refused(request, "edit_expired" if action == "edit" and exc.reason == "expired" else exc.reason)


def _invitee_context(request, meeting, **extra) -> dict:
    """What every signed-link page shows besides its form: the links onward."""
    return {"meeting": meeting, "links": sel.meeting_links_for(request.user, meeting), **extra}


def _answered(request, meeting, *, registration=None, declined=False, editing=False):
    edit_url = ""
    if registration is not None and svc.registration_changeable_by_invitee(registration):
        edit_url = reverse("meetings:registration_edit", kwargs={"token": svc.registration_token(registration, "edit")})
    return render(
        request,
        "meetings/invitations/answered.html",
        _invitee_context(
            request, meeting, registration=registration, declined=declined, edit_url=edit_url, editing=editing
        ),
    )


def registration_form(request, token):
    registration, refusal = _read(request, token, "register")
    if refusal:
        return refusal
    form = RegistrationForm(request.POST or None, instance=registration)
    if request.method == "POST" and form.is_valid():
        svc.registration_submit(registration=registration, data=form.logistics(), by=request.user)
        return _answered(request, registration.meeting, registration=registration)
    return render(
        request,
        "meetings/registration/register.html",
        _invitee_context(request, registration.meeting, registration=registration, form=form),
    )


def registration_edit(request, token):
    """The invitee changes the sent registration, until the deadline (the link then expires)."""
    registration, refusal = _read(request, token, "edit")
    if refusal:
        return refusal
    registration = Registration.objects.select_related("meeting", "person", "invitation").get(pk=registration.pk)
    form = RegistrationForm(request.POST or None, instance=registration)
    if request.method == "POST" and form.is_valid():
        try:
            changed = svc.registration_update(
                registration=registration, data=form.logistics(), by=request.user, request=request
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            registration.refresh_from_db()
            if changed:
                messages.success(request, _("Your changes have been saved."))
            else:
                messages.info(request, _("Nothing was changed."))
            return _answered(request, registration.meeting, registration=registration, editing=True)
    return render(
        request,
        "meetings/registration/register.html",
        _invitee_context(request, registration.meeting, registration=registration, form=form, editing=True),
    )


@secretariat_only
def registration_manage_edit(request, slug, pk):
    """The Secretariat changes a registration at any time (after the deadline, only it can), with its history."""
    meeting = managed_meeting_or_404(request, slug)
    registration = get_object_or_404(
        Registration.objects.select_related("person", "invitation", "meeting"), meeting=meeting, pk=pk
    )
    form = RegistrationManageForm(request.POST or None, instance=registration)
    if request.method == "POST" and form.is_valid():
        try:
            changed = svc.registration_update(
                registration=registration, data=form.logistics(), by=request.user,
                reason=form.cleaned_data["reason"], request=request,
            )  # fmt: skip
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if changed:
                messages.success(request, _("The registration of %(name)s is saved.") % {
                    "name": registration.person.full_name})  # fmt: skip
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("meetings:registration_manage_edit", slug=meeting.slug, pk=registration.pk)
    return render(
        request,
        "meetings/registration/registration_edit.html",
        {
            "meeting": meeting,
            "registration": registration,
            "form": form,
            "history": svc.registration_history(registration),
            "invitee_can_change": svc.registration_changeable_by_invitee(registration),
        },
    )
