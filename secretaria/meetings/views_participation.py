"""Invitations, registration by signed link, participant lists, exports, badges, letters and mailings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.core.audit import audit_export
from secretaria.meetings import selectors
from secretaria.meetings import selectors_participation as sel
from secretaria.meetings.exports_participation import (
    badges_pdf,
    letter_docx,
    letter_pdf,
    participants_csv,
    participants_xlsx,
)
from secretaria.meetings.forms_participation import (
    AccreditationForm,
    DelegateForm,
    InviteForm,
    LetterSendForm,
    MailingForm,
    RegistrationForm,
    RegistrationManageForm,
)
from secretaria.meetings.models import Invitation, LetterRecipient, Registration
from secretaria.meetings.services import participation as svc

T = "meetings/participation/"


def _meeting(request, slug):
    meeting = selectors.meeting_for_page(slug, request.user)
    if meeting is None:
        raise Http404
    return meeting


def _managed_meeting(request, slug):
    """The meeting, for the Secretariat only (others: sign in, or 403)."""
    if not request.user.is_authenticated:
        raise _LoginRequired
    meeting = _meeting(request, slug)
    if not access.can(request.user, "meetings.participation.manage", meeting):
        raise PermissionDenied
    return meeting


class _LoginRequired(Exception):
    pass


def _secretariat(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _errors(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [m for msgs in exc.message_dict.values() for m in msgs]
    return exc.messages


# --- Secretariat ---------------------------------------------------------------------------


@_secretariat
def participation_manage(request, slug):
    meeting = _managed_meeting(request, slug)
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
    return render(request, T + "manage.html", context)


def sel_count_to_remind(meeting) -> int:
    return svc.invitations_needing_reminder(meeting=meeting).count()


@_secretariat
def invitation_detail(request, slug, pk):
    meeting = _managed_meeting(request, slug)
    invitation = sel.invitation_with_history(meeting, pk)
    if invitation is None:
        raise Http404
    return render(request, T + "invitation.html", {"meeting": meeting, "invitation": invitation})


@_secretariat
def invitation_accreditation(request, slug, pk):
    """The note verbale, through the documents app's download (which applies the access policy again)."""
    meeting = _managed_meeting(request, slug)
    invitation = get_object_or_404(Invitation, meeting=meeting, pk=pk)
    doc_file = (
        invitation.accreditation_document.files.order_by("-uploaded_at").first()
        if invitation.accreditation_document_id
        else None
    )
    if doc_file is None:
        raise Http404
    return redirect("documents:download", pk=doc_file.pk)


@require_POST
@_secretariat
def registration_action(request, slug, pk, action):
    meeting = _managed_meeting(request, slug)
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
        for message in _errors(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("%(name)s: %(status)s.") % {
            "name": registration.person.full_name, "status": registration.get_status_display()
        })  # fmt: skip
    return redirect(reverse("meetings:participation_manage", kwargs={"slug": meeting.slug}) + "#registrations")


@require_POST
@_secretariat
def participation_send_pending(request, slug):
    meeting = _managed_meeting(request, slug)
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
@_secretariat
def participation_remind(request, slug):
    meeting = _managed_meeting(request, slug)
    count = svc.invitations_send_reminders(meeting=meeting)
    messages.success(request, _("%(n)s reminders sent.") % {"n": count})
    return redirect("meetings:participation_manage", slug=meeting.slug)


def participants(request, slug):
    meeting = _meeting(request, slug)
    view, registrations = sel.participants_for(request.user, meeting)
    return render(
        request,
        T + "participants.html",
        {"meeting": meeting, "view": view, "registrations": list(registrations)},
    )


@_secretariat
def participants_export(request, slug, fmt):
    meeting = _managed_meeting(request, slug)
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


@_secretariat
def participants_badges(request, slug):
    meeting = _managed_meeting(request, slug)
    registrations = [r for r in sel.registrations_for_meeting(meeting) if r.status in sel.LISTED]
    response = HttpResponse(badges_pdf(registrations, meeting_title=meeting.title), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="gafetes-{meeting.slug}.pdf"'
    audit_export(what=f"meetings:badges:{meeting.slug}", by=request.user, request=request, count=len(registrations))
    return response


def _letter_addressees(meeting, data) -> list:
    addressees = svc.agenda_speakers(meeting) if data.get("agenda_speakers") else []
    if data.get("categories"):
        seen = {a.person.pk for a in addressees if a.person}
        addressees += [
            a
            for a in svc.addressees_of(sel.participants_in_categories(meeting, data["categories"]))
            if not a.person or a.person.pk not in seen
        ]
    return addressees


@_secretariat
def letters(request, slug):
    """Choose the letter and its recipients; see it merged for one of them, with the count; then send."""
    meeting = _managed_meeting(request, slug)
    form = LetterSendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        compose = {
            "meeting": meeting, "template": d["template"], "addressees": _letter_addressees(meeting, d),
            "by": request.user, "letter_date": d["letter_date"], "on_behalf": d["on_behalf"],
            "on_behalf_es": d["on_behalf_es"], "on_behalf_en": d["on_behalf_en"],
        }  # fmt: skip
        try:
            if d.get("agenda_speakers") and not d.get("categories") and not compose["addressees"]:
                raise ValidationError(_("The meeting has no approved agenda with speakers yet."))
            if request.POST.get("confirm") == "1":
                letter = svc.letter_send(**compose)
            else:
                draft = svc.letter_compose(**compose)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if request.POST.get("confirm") == "1":
                sent = letter.recipients.exclude(email="").count()
                messages.success(
                    request,
                    ngettext("The letter is on its way to %(n)s recipient.", "The letter is on its way to %(n)s recipients.",
                             sent) % {"n": sent},
                )  # fmt: skip
                unsent = letter.recipients.filter(email="").count()
                if unsent:
                    messages.warning(
                        request,
                        ngettext(
                            "%(n)s recipient has no e-mail address: the letter is kept, not sent.",
                            "%(n)s recipients have no e-mail address: their letters are kept, not sent.",
                            unsent,
                        )
                        % {"n": unsent},
                    )
                return redirect("meetings:letter_detail", slug=meeting.slug, pk=letter.pk)
            try:
                shown = min(max(int(request.POST.get("preview_for", 0)), 0), len(draft.recipients) - 1)
            except ValueError:
                shown = 0
            recipient = draft.recipients[shown]
            return render(
                request,
                T + "letter_preview.html",
                {
                    "meeting": meeting,
                    "form": form,
                    "draft": draft,
                    "shown": shown,
                    "recipient": recipient,
                    "page": svc.recipient_layout(recipient),
                    "with_address": len(draft.recipients) - len(draft.without_address),
                },
            )
    return render(
        request, T + "letters.html", {"meeting": meeting, "form": form, "letters": sel.letters_for_meeting(meeting)}
    )


@_secretariat
def letter_detail(request, slug, pk):
    meeting = _managed_meeting(request, slug)
    letter = get_object_or_404(sel.letters_for_meeting(meeting).prefetch_related("recipients"), pk=pk)
    return render(request, T + "letter.html", {"meeting": meeting, "letter": letter})


def _recipient(request, slug, pk, rpk):
    meeting = _managed_meeting(request, slug)
    return meeting, get_object_or_404(
        LetterRecipient.objects.select_related("letter__meeting"), letter__meeting=meeting, letter_id=pk, pk=rpk
    )


@_secretariat
def letter_file(request, slug, pk, rpk, fmt):
    meeting, recipient = _recipient(request, slug, pk, rpk)
    if fmt == "pdf":
        response = HttpResponse(letter_pdf(recipient), content_type="application/pdf")
    elif fmt == "docx":
        response = HttpResponse(
            letter_docx(recipient),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="carta-{meeting.slug}-{recipient.pk}.{fmt}"'
    return response


@require_POST
@_secretariat
def letter_resend(request, slug, pk, rpk):
    meeting, recipient = _recipient(request, slug, pk, rpk)
    try:
        svc.letter_resend(recipient=recipient, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
    else:
        messages.success(request, _("The letter is sent again to %(name)s.") % {"name": recipient.name})
    return redirect("meetings:letter_detail", slug=meeting.slug, pk=pk)


@_secretariat
def mailing(request, slug):
    meeting = _managed_meeting(request, slug)
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
        request, T + "mailing.html", {"meeting": meeting, "form": form, "mailings": sel.mailings_for_meeting(meeting)}
    )


# --- The invitee, through the signed link (no account) -----------------------------------------------

_REFUSALS = {
    "invalid": (400, gettext_noop("This link is not valid"), gettext_noop("The link is incomplete or has been altered. Copy the whole link from the e-mail, or ask the Secretariat for a new one.")),
    "expired": (410, gettext_noop("This link has expired"), gettext_noop("The registration deadline has passed. If you still wish to take part, write to the Secretariat.")),
    "used": (410, gettext_noop("This link has already been used"), gettext_noop("The invitation has already been answered with this link. If you need to change your answer or your details, write to the Secretariat.")),
    "edit_expired": (410, gettext_noop("This registration can no longer be changed here"), gettext_noop("The registration deadline has passed: only the Secretariat can change your registration now. Write to it with the changes.")),
    "closed": (410, gettext_noop("This registration can no longer be changed here"), gettext_noop("The registration has been cancelled, rejected or closed. If you need to change something, write to the Secretariat.")),
}  # fmt: skip


def _refused(request, reason: str):
    status, title, message = _REFUSALS[reason]
    return render(
        request,
        T + "link_refused.html",
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
        T + "answered.html",
        _invitee_context(
            request, meeting, registration=registration, declined=declined, edit_url=edit_url, editing=editing
        ),
    )


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
    return render(request, T + "respond.html", _invitee_context(request, meeting, invitation=invitation, form=form))


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
            if hasattr(exc, "error_dict") and target is delegate_form:
                for field, errors in exc.message_dict.items():
                    target.add_error(field if field in target.fields else None, errors)
            else:
                target.add_error(None, exc.messages)
    delegates = list(
        invitation.registrations.select_related("person")
        .exclude(status=Registration.Status.CANCELLED)
        .order_by("role", "pk")
    )
    return render(
        request,
        T + "delegation.html",
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
        T + "register.html",
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
        T + "register.html",
        _invitee_context(request, registration.meeting, registration=registration, form=form, editing=True),
    )


@_secretariat
def registration_manage_edit(request, slug, pk):
    """The Secretariat changes a registration at any time (after the deadline, only it can), with its history."""
    meeting = _managed_meeting(request, slug)
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
        T + "registration_edit.html",
        {
            "meeting": meeting,
            "registration": registration,
            "form": form,
            "history": svc.registration_history(registration),
            "invitee_can_change": svc.registration_changeable_by_invitee(registration),
        },
    )


@login_required
def my_participation(request):
    """The signed-in person's invitations (theirs, or their delegation's as focal point) and registrations."""
    if not access.can(request.user, "members_area.enter"):
        raise PermissionDenied
    lines = sel.participation_of(request.user)
    return render(
        request,
        T + "mine.html",
        {
            "current": [line for line in lines if not line.is_past],
            "past": [line for line in lines if line.is_past],
            "has_person": request.user.person_id is not None,
        },
    )
