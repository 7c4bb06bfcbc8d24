"""Agenda pages: versions, items, sponsors' comments, the PPT's decision, comparison, exports."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.core.i18n import CONTENT_LANGUAGES, current_language
from secretaria.meetings import links, selectors, services
from secretaria.meetings.agenda_diff import compare_versions
from secretaria.meetings.exports import agenda as exports
from secretaria.meetings.forms.meeting import (
    AgendaItemForm,
    CommentForm,
    CompareForm,
    DecisionForm,
    IntroductionForm,
    SponsorLinkForm,
)
from secretaria.meetings.models import AgendaComment, AgendaItem, AgendaVersion
from secretaria.meetings.views.meeting import visible_meeting_or_404


def _version_or_404(request, slug, pk) -> AgendaVersion:
    meeting = visible_meeting_or_404(request, slug)
    version = selectors.agenda_version_for_page(meeting, pk, request.user)
    if version is None:
        raise Http404
    return version


def _require_manager(request, meeting) -> None:
    if not access.can(request.user, "meetings.manage", meeting):
        raise PermissionDenied


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def agenda_versions(request, slug):
    meeting = visible_meeting_or_404(request, slug)
    versions = selectors.agenda_versions_visible_to(meeting, request.user)
    can_manage = access.can(request.user, "meetings.manage", meeting)
    kinds = [(kind, label, [v for v in versions if v.kind == kind]) for kind, label in AgendaVersion.Kind.choices]
    return render(
        request,
        "meetings/agenda/agenda_versions.html",
        {"meeting": meeting, "kinds": kinds, "versions": versions, "can_manage": can_manage},
    )


@require_POST
def agenda_start(request, slug):
    meeting = visible_meeting_or_404(request, slug)
    _require_manager(request, meeting)
    kind = request.POST.get("kind", "")
    if kind not in AgendaVersion.Kind.values:
        messages.error(request, _("Choose the preliminary or the annotated agenda."))
        return redirect("meetings:agenda", slug=slug)
    try:
        version = services.agenda_start_draft(meeting=meeting, kind=kind, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("meetings:agenda", slug=slug)
    return redirect("meetings:agenda_version", slug=slug, pk=version.pk)


def agenda_version(request, slug, pk):
    version = _version_or_404(request, slug, pk)
    meeting, user = version.meeting, request.user
    threads = selectors.comment_threads(version)
    items = list(version.items.all())
    for item in items:
        item.threads = threads.get(item.pk, [])
    can_manage = access.can(user, "meetings.manage", meeting)
    context = {
        "meeting": meeting,
        "version": version,
        "items": items,
        "general_threads": threads.get(None, []),
        "can_manage": can_manage,
        "can_edit": can_manage and version.is_draft,
        "can_comment": access.can(user, "meetings.agenda.comment", version),
        "can_decide": version.state == AgendaVersion.State.SUBMITTED
        and access.can(user, "meetings.agenda.decide", version),
        "can_see_comments": can_manage
        or access.can(user, "meetings.agenda.view_drafts", meeting)
        or access.can(user, "meetings.agenda.comment", version),
        "others": [v for v in selectors.agenda_versions_visible_to(meeting, user) if v.pk != version.pk],
        "intro_form": IntroductionForm(
            initial={"introduction_es": version.introduction_es, "introduction_en": version.introduction_en}
        ),  # fmt: skip
        "decision_form": DecisionForm(),
        "comment_form": CommentForm(),
        "languages": CONTENT_LANGUAGES,
        "has_sponsors": meeting.sponsor_countries.exists() or meeting.sponsor_organizations.exists(),
        "sponsor_link_form": SponsorLinkForm(meeting=meeting) if can_manage and version.is_open_for_comment else None,
    }
    return render(request, "meetings/agenda/agenda_version.html", context)


@require_POST
def agenda_sponsor_link(request, slug, pk):
    """The Secretariat e-mails (or shows, to copy) a sponsor contact's personal link to comment."""
    version = _version_or_404(request, slug, pk)
    _require_manager(request, version.meeting)
    form = SponsorLinkForm(request.POST, meeting=version.meeting)
    back = redirect(reverse("meetings:agenda_version", kwargs={"slug": slug, "pk": version.pk}) + "#sponsor-links")
    if not form.is_valid():
        messages.error(request, _("Choose one of the sponsors' contacts offered."))
        return back
    person, send = form.cleaned_data["person"], request.POST.get("do") != "copy"
    try:
        url = services.agenda_sponsor_link(version=version, person=person, by=request.user, send=send)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        if send:
            messages.success(request, _("The personal link was e-mailed to %(name)s (%(email)s).") % {
                "name": person.full_name, "email": person.email})  # fmt: skip
        else:
            messages.info(request, _("Personal link of %(name)s, to copy and send: %(url)s") % {
                "name": person.full_name, "url": url})  # fmt: skip
    return back


_SPONSOR_REFUSALS = {
    "invalid": (400, gettext_noop("This link is not valid"), gettext_noop("The link is incomplete or has been altered. Copy the whole link from the e-mail, or ask the Secretariat for a new one.")),
    "expired": (410, gettext_noop("This link has expired"), gettext_noop("Ask the Secretariat for a new link if the agenda is still open for comments.")),
    "closed": (410, gettext_noop("This agenda is no longer open for comments"), gettext_noop("The draft has gone on to the Pro-Tempore Presidency or been replaced. Write to the Secretariat if you still have comments.")),
}  # fmt: skip


def agenda_sponsor_comment(request, token):
    """A sponsor's contact without an account reads the draft and comments through the signed link."""
    try:
        version, person = services.agenda_sponsor_token_read(token)
    except links.SponsorLinkError as exc:
        status, title, message = _SPONSOR_REFUSALS[exc.reason]
        return render(
            request,
            "meetings/invitations/link_refused.html",
            {"title": _(title), "message": _(message), "reason": exc.reason, "status": status},
            status=status,
        )
    if request.method == "POST":
        form = CommentForm(request.POST)
        anchor = ""
        if not form.is_valid():
            messages.error(request, _("Write a comment."))
        else:
            item = parent = None
            if form.cleaned_data.get("item"):
                item = get_object_or_404(AgendaItem, pk=form.cleaned_data["item"], version=version)
                anchor = f"#item-{item.pk}"
            if form.cleaned_data.get("parent"):
                parent = get_object_or_404(AgendaComment, pk=form.cleaned_data["parent"], version=version)
                anchor = f"#comment-{parent.pk}"
            try:
                services.agenda_comment_add_by_contact(
                    version=version, person=person, body=form.cleaned_data["body"], item=item, parent=parent
                )
            except ValidationError as error:
                messages.error(request, _error_text(error))
            else:
                messages.success(request, _("Your comment was added."))
        return redirect(request.path + anchor)
    version = selectors.agenda_version_for_sponsor(version.pk)
    threads = selectors.comment_threads(version)
    items = list(version.items.all())
    for item in items:
        item.threads = threads.get(item.pk, [])
    return render(
        request,
        "meetings/agenda/agenda_sponsor.html",
        {
            "meeting": version.meeting,
            "version": version,
            "items": items,
            "general_threads": threads.get(None, []),
            "person": person,
            "sponsor": selectors.sponsor_of(person, version.meeting),
            "expires": links.agenda_sponsor_token_expiry(token),
            "comment_action": request.path,
            "can_comment": True,
            "can_see_comments": True,
            "can_manage": False,
            "can_edit": False,
        },
    )


@require_POST
def agenda_action(request, slug, pk, action):
    version = _version_or_404(request, slug, pk)
    user = request.user
    done = {
        "introduction": _("The introduction was saved."),
        "open_comments": _("The sponsors were invited to comment."),
        "submit": _("The agenda was submitted to the Pro-Tempore Presidency."),
        "approve": _("The agenda is approved and published."),
        "return": _("The agenda was returned to the Technical Secretariat."),
    }
    if action not in done:
        raise Http404
    try:
        if action == "introduction":
            form = IntroductionForm(request.POST)
            form.is_valid()
            services.agenda_update(version=version, by=user, **form.cleaned_data)
        elif action == "open_comments":
            services.agenda_open_for_comment(version=version, by=user)
        elif action == "submit":
            services.agenda_submit(version=version, by=user)
        else:
            form = DecisionForm(request.POST)
            comment = form.cleaned_data["comment"] if form.is_valid() else ""
            if action == "approve":
                services.agenda_approve(version=version, by=user, comment=comment)
            else:
                services.agenda_return(version=version, by=user, comment=comment)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, done[action])
    return redirect("meetings:agenda_version", slug=slug, pk=version.pk)


def agenda_send_preview(request, slug, pk, action):
    """Before the sponsors are invited to comment or the agenda goes to the PPT: who will be told,
    how many they are, and the e-mail one of them (chosen) will read; then the step is confirmed."""
    version = _version_or_404(request, slug, pk)
    if action == "approve":
        # The PPT's check before approving: what publishing means, who is told, the comment.
        if version.state != AgendaVersion.State.SUBMITTED:
            raise Http404
        if not access.can(request.user, "meetings.agenda.decide", version):
            raise PermissionDenied
    else:
        _require_manager(request, version.meeting)
        if action not in ("submit", "open_comments") or not version.is_draft:
            raise Http404
    preview = services.agenda_send_preview(version=version, action=action)
    chosen = request.GET.get("to", "")
    shown = next((n for n in preview.notifications if str(n.user.pk) == chosen), None)
    shown = shown or (preview.notifications[0] if preview.notifications else None)
    return render(
        request,
        "meetings/agenda/agenda_send_preview.html",
        {
            "meeting": version.meeting,
            "version": version,
            "action": action,
            "preview": preview,
            "shown": shown,
            "has_items": version.items.exists(),
            # The PPT's button posts the comment here first (a POST, so no token travels in an address).
            "decision_form": DecisionForm(initial={"comment": request.POST.get("comment", "")[:2000]}),
            "item_count": version.items.count(),
        },
    )


def agenda_item_edit(request, slug, pk, item_pk=None):
    version = _version_or_404(request, slug, pk)
    _require_manager(request, version.meeting)
    item = get_object_or_404(AgendaItem, pk=item_pk, version=version) if item_pk else None
    if not version.is_draft:
        messages.error(request, _("Only a draft can be changed; start a new draft to edit this agenda."))
        return redirect("meetings:agenda_version", slug=slug, pk=version.pk)
    form = AgendaItemForm(request.POST or None, instance=item or AgendaItem(version=version))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        speakers, moderators = data.pop("speakers"), data.pop("moderators")
        documents = data.pop("document_symbols")
        if data.get("order") is None:
            data.pop("order")
        try:
            services.agenda_item_save(
                version=version,
                by=request.user,
                item=item,
                speakers=speakers,
                moderators=moderators,
                documents=documents,
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item was saved."))
            return redirect("meetings:agenda_version", slug=slug, pk=version.pk)
    return render(
        request,
        "meetings/agenda/agenda_item_form.html",
        {"meeting": version.meeting, "version": version, "item": item, "form": form},
    )


@require_POST
def agenda_item_delete(request, slug, pk, item_pk):
    version = _version_or_404(request, slug, pk)
    item = get_object_or_404(AgendaItem, pk=item_pk, version=version)
    try:
        services.agenda_item_delete(item=item, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The item was removed from the draft."))
    return redirect("meetings:agenda_version", slug=slug, pk=version.pk)


@require_POST
def agenda_comment(request, slug, pk):
    version = _version_or_404(request, slug, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a comment."))
        return redirect("meetings:agenda_version", slug=slug, pk=version.pk)
    item = parent = None
    if form.cleaned_data.get("item"):
        item = get_object_or_404(AgendaItem, pk=form.cleaned_data["item"], version=version)
    if form.cleaned_data.get("parent"):
        parent = get_object_or_404(AgendaComment, pk=form.cleaned_data["parent"], version=version)
    try:
        services.agenda_comment_add(version=version, by=request.user, body=form.cleaned_data["body"], item=item,
                                    parent=parent)  # fmt: skip
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Your comment was added."))
    return redirect("meetings:agenda_version", slug=slug, pk=version.pk)


@require_POST
def agenda_comment_resolve(request, slug, pk, comment_pk):
    version = _version_or_404(request, slug, pk)
    comment = get_object_or_404(AgendaComment, pk=comment_pk, version=version)
    services.agenda_comment_resolve(comment=comment, by=request.user)
    messages.success(request, _("The comment is marked as resolved."))
    return redirect("meetings:agenda_version", slug=slug, pk=version.pk)


def agenda_compare(request, slug):
    meeting = visible_meeting_or_404(request, slug)
    versions = {v.pk: v for v in selectors.agenda_versions_visible_to(meeting, request.user)}
    form = CompareForm(request.GET or None)
    rows, old, new = None, None, None
    lang = request.GET.get("lang") if request.GET.get("lang") in CONTENT_LANGUAGES else current_language()
    if form.is_bound:
        if form.is_valid() and form.cleaned_data["a"] in versions and form.cleaned_data["b"] in versions:
            old = selectors.agenda_version_for_page(meeting, form.cleaned_data["a"], request.user)
            new = selectors.agenda_version_for_page(meeting, form.cleaned_data["b"], request.user)
            rows = compare_versions(old, new, lang)
        else:
            form.add_error(None, _("Choose two versions of this agenda."))
    return render(
        request,
        "meetings/agenda/agenda_compare.html",
        {
            "meeting": meeting,
            "versions": list(versions.values()),
            "form": form,
            "rows": rows,
            "old": old,
            "new": new,
            "lang": lang,
            "languages": CONTENT_LANGUAGES,
            # The PPT decides where it sees the changes: on the comparison of the version awaiting it.
            "can_decide": new is not None
            and new.state == AgendaVersion.State.SUBMITTED
            and access.can(request.user, "meetings.agenda.decide", new),
            "decision_form": DecisionForm(),
        },  # fmt: skip
    )


def agenda_export(request, slug, pk, fmt, lang):
    version = _version_or_404(request, slug, pk)
    if lang not in CONTENT_LANGUAGES or fmt not in ("pdf", "docx"):
        raise Http404
    name = f"{version.meeting.slug}-{version.kind}-v{version.number}-{lang}.{fmt}"
    if fmt == "pdf":
        response = HttpResponse(exports.agenda_pdf(version, lang), content_type="application/pdf")
    else:
        response = HttpResponse(
            exports.agenda_docx(version, lang),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
