"""Letter pages: composing and sending letters to participants and speakers, one letter, its files and re-sending."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from secretaria.meetings import services as svc
from secretaria.meetings.exports.participants import (
    letter_docx,
    letter_pdf,
)
from secretaria.meetings.forms.letters import LetterSendForm
from secretaria.meetings.letters import recipient_layout
from secretaria.meetings.models import LetterRecipient
from secretaria.meetings.selectors import participants as sel
from secretaria.meetings.views.participants import error_text, managed_meeting_or_404, secretariat_only


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


@secretariat_only
def letters(request, slug):
    """Choose the letter and its recipients; see it merged for one of them, with the count; then send."""
    meeting = managed_meeting_or_404(request, slug)
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
                "meetings/letters/letter_preview.html",
                {
                    "meeting": meeting,
                    "form": form,
                    "draft": draft,
                    "shown": shown,
                    "recipient": recipient,
                    "page": recipient_layout(recipient),
                    "with_address": len(draft.recipients) - len(draft.without_address),
                },
            )
    return render(
        request,
        "meetings/letters/letters.html",
        {"meeting": meeting, "form": form, "letters": sel.letters_for_meeting(meeting)},
    )


@secretariat_only
def letter_detail(request, slug, pk):
    meeting = managed_meeting_or_404(request, slug)
    letter = get_object_or_404(sel.letters_for_meeting(meeting).prefetch_related("recipients"), pk=pk)
    return render(request, "meetings/letters/letter.html", {"meeting": meeting, "letter": letter})


def _recipient(request, slug, pk, rpk):
    meeting = managed_meeting_or_404(request, slug)
    return meeting, get_object_or_404(
        LetterRecipient.objects.select_related("letter__meeting"), letter__meeting=meeting, letter_id=pk, pk=rpk
    )


@secretariat_only
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
@secretariat_only
def letter_resend(request, slug, pk, rpk):
    meeting, recipient = _recipient(request, slug, pk, rpk)
    try:
        svc.letter_resend(recipient=recipient, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(error_text(exc)))
    else:
        messages.success(request, _("The letter is sent again to %(name)s.") % {"name": recipient.name})
    return redirect("meetings:letter_detail", slug=meeting.slug, pk=pk)
