"""Delegation pages: the focal point names the delegation and uploads the accreditation letter."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from secretaria.core.forms import add_service_errors
from secretaria.meetings import services as svc
from secretaria.meetings.forms.delegations import AccreditationForm, DelegateForm
from secretaria.meetings.models import Invitation, Registration
from secretaria.meetings.views.participants import managed_meeting_or_404, secretariat_only
from secretaria.meetings.views.registration import _invitee_context, _read


@secretariat_only
def invitation_accreditation(request, slug, pk):
    """The note verbale, through the documents app's download (which applies the access policy again)."""
    meeting = managed_meeting_or_404(request, slug)
    invitation = get_object_or_404(Invitation, meeting=meeting, pk=pk)
    doc_file = (
        invitation.accreditation_document.files.order_by("-uploaded_at").first()
        if invitation.accreditation_document_id
        else None
    )
    if doc_file is None:
        raise Http404
    return redirect("documents:download", pk=doc_file.pk)


def invitation_delegation(request, token):
    invitation, refusal = _read(request, token, "delegation")
    if refusal:
        return refusal
    delegate_form = DelegateForm(request.POST if request.POST.get("form") == "delegate" else None)
    letter_form = AccreditationForm(
        request.POST if request.POST.get("form") == "letter" else None,
        request.FILES if request.POST.get("form") == "letter" else None,
    )
    if request.method == "POST":
        try:
            if request.POST.get("form") == "delegate" and delegate_form.is_valid():
                registration = svc.delegation_name_member(
                    invitation=invitation, by=request.user, **delegate_form.cleaned_data
                )
                messages.success(
                    request, _("%(name)s is named to the delegation.") % {"name": registration.person.full_name}
                )
                return redirect(request.path)
            if request.POST.get("form") == "letter" and letter_form.is_valid():
                svc.delegation_upload_letter(
                    invitation=invitation, upload=letter_form.cleaned_data["letter"], by=request.user
                )
                messages.success(request, _("The accreditation letter has been received."))
                return redirect(request.path)
        except ValidationError as exc:
            target = delegate_form if request.POST.get("form") == "delegate" else letter_form
            if target is delegate_form:
                add_service_errors(target, exc)
            else:
                target.add_error(None, exc.messages)
    delegates = list(
        invitation.registrations.select_related("person")
        .exclude(status=Registration.Status.CANCELLED)
        .order_by("role", "pk")
    )
    return render(
        request,
        "meetings/delegations/delegation.html",
        {
            **_invitee_context(request, invitation.meeting),
            "invitation": invitation,
            "delegates": delegates,
            "places_left": max(
                invitation.quota - sum(1 for d in delegates if d.status != Registration.Status.REJECTED), 0
            ),
            "delegate_form": delegate_form,
            "letter_form": letter_form,
        },
    )
