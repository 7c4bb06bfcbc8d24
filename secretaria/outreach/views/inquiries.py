"""The Secretariat's pages of inquiries: the list with the period's figures, one inquiry with its
thread, notes, assignment, status, replies from templates, and erasure. Nobody else gets in."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.core.forms import add_service_errors
from secretaria.core.views import members_only
from secretaria.files.filetypes import UploadRefused
from secretaria.outreach.forms import AnswerTemplateForm, AssignForm, InquiryRecordForm, NoteForm, ReplyForm
from secretaria.outreach.models import AnswerTemplate, AnswerTemplateVersion, Inquiry
from secretaria.outreach.selectors import inquiries as selectors
from secretaria.outreach.services import inquiries as services


def _secretariat(request) -> None:
    if not access.can(request.user, "outreach.inquiries"):
        raise PermissionDenied


def _inquiry(pk) -> Inquiry:
    inquiry = selectors.inquiry_detail(pk)
    if inquiry is None:
        raise Http404
    return inquiry


@members_only
def inquiry_list(request):
    _secretariat(request)
    status = request.GET.get("status")
    status = status if status in Inquiry.Status.values else None
    today = timezone.localdate()
    half_start = datetime.date(today.year, 1 if today.month <= 6 else 7, 1)
    inquiries = list(selectors.inquiry_list(status=status))
    return render(request, "outreach/inquiries/list.html", {
        "rows": [(i, selectors.response_times(i)) for i in inquiries], "status": status,
        "statuses": Inquiry.Status.choices, "figures": selectors.inquiry_figures(half_start, today),
        "period_start": half_start, "period_end": today,
    })  # fmt: skip


@members_only
def inquiry_new(request):
    """The Secretariat enters an inquiry that did not come through the contact form."""
    _secretariat(request)
    status = 200
    if request.method == "POST":
        form = InquiryRecordForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            attachments = [(data["attachment"], data["attachment"].name)] if data.get("attachment") else []
            try:
                inquiry = services.inquiry_record(
                    by=request.user, channel=data["channel"], received_at=data["received_at"], name=data["name"],
                    email=data["email"], organization_name=data["organization"], country=data["country"],
                    language=data["language"], topic=data["topic"], subject=data["subject"], text=data["message"],
                    attachments=attachments, acknowledge=data["acknowledge"],
                )  # fmt: skip
            except UploadRefused as exc:
                form.add_error("attachment", str(exc))
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Inquiry %(reference)s recorded.") % {"reference": inquiry.reference})
                return redirect("outreach:inquiry", pk=inquiry.pk)
        status = 400
    else:
        form = InquiryRecordForm(initial={"received_at": timezone.localtime().replace(second=0, microsecond=0),
                                          "language": "es"})  # fmt: skip
    return render(request, "outreach/inquiries/form.html", {"form": form}, status=status)


def _show(request, inquiry, *, reply_form=None, status=200):
    version = None
    if request.GET.get("template"):
        version = AnswerTemplateVersion.objects.filter(pk=request.GET.get("template")).first()
    if reply_form is None:
        initial = {}
        if version is not None:
            initial["subject"], initial["body"] = services.template_fill(version, inquiry)
            initial["template_version"] = version.pk
        reply_form = ReplyForm(initial=initial)
    return render(request, "outreach/inquiries/detail.html", {
        "inquiry": inquiry, "times": selectors.response_times(inquiry), "reply_form": reply_form,
        "note_form": NoteForm(), "assign_form": AssignForm(initial={"assigned_to": inquiry.assigned_to_id}),
        "templates": AnswerTemplateVersion.objects.filter(template__is_active=True).select_related("template"),
    }, status=status)  # fmt: skip


@members_only
def inquiry_detail(request, pk: int):
    _secretariat(request)
    return _show(request, _inquiry(pk))


def _errors(request, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@members_only
@require_POST
def inquiry_reply(request, pk: int):
    _secretariat(request)
    inquiry = _inquiry(pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.inquiry_reply(
                inquiry=inquiry, by=request.user, body=data["body"], subject=data["subject"],
                template_version=data["template_version"], documents=list(data["documents"]), waiting=data["waiting"],
            )  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc, default="body")
        else:
            messages.success(request, _("The answer was sent."))
            return redirect("outreach:inquiry", pk=pk)
    return _show(request, inquiry, reply_form=form, status=400)


@members_only
@require_POST
def inquiry_action(request, pk: int):
    _secretariat(request)
    inquiry = _inquiry(pk)
    action = request.POST.get("action")
    try:
        if action == "assign":
            form = AssignForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Choose a Secretariat officer."))
            services.inquiry_assign(inquiry=inquiry, by=request.user, to=form.cleaned_data["assigned_to"])
        elif action == "note":
            services.inquiry_note_add(inquiry=inquiry, by=request.user, body=request.POST.get("body", ""))
        elif action in ("waiting", "assigned", "closed"):
            services.inquiry_set_status(inquiry=inquiry, by=request.user, to=action)
        elif action == "erase":
            services.inquiry_erase(inquiry=inquiry, by=request.user)
            messages.success(request, _("The requester's personal data was erased."))
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("outreach:inquiry", pk=pk)


# --- Answer templates ------------------------------------------------------------------------


@members_only
def template_list(request):
    """The answer templates with their current version; those out of use at the end."""
    _secretariat(request)
    return render(request, "outreach/inquiries/templates.html", {"templates": selectors.answer_templates()})


@members_only
def template_edit(request, pk: int | None = None):
    """Write a new template, or edit one: saving makes its next version and keeps the earlier ones."""
    _secretariat(request)
    template = get_object_or_404(AnswerTemplate, pk=pk) if pk else None
    current = template.current if template else None
    status = 200
    if request.method == "POST":
        form = AnswerTemplateForm(request.POST, editing=template is not None)
        if form.is_valid():
            data = form.cleaned_data
            try:
                version = services.template_save(
                    slug=template.slug if template else data["slug"], by=request.user, new=template is None,
                    **{k: data[k] for k in ("name_es", "name_en", "subject_es", "subject_en", "body_es", "body_en")},
                )  # fmt: skip
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                if current is not None and version.pk == current.pk:
                    messages.info(request, _("Nothing changed: the template stays at version %(number)s.") % {
                        "number": version.number})  # fmt: skip
                else:
                    messages.success(request, _("“%(name)s” saved as version %(number)s.") % {
                        "name": version.template.name, "number": version.number})  # fmt: skip
                return redirect("outreach:templates")
        status = 400
    elif template is not None:
        initial = {"name_es": template.name_es, "name_en": template.name_en}
        if current is not None:
            initial.update({k: getattr(current, k) for k in ("subject_es", "subject_en", "body_es", "body_en")})
        form = AnswerTemplateForm(initial=initial, editing=True)
    else:
        form = AnswerTemplateForm()
    versions = selectors.template_versions(template) if template else []
    return render(request, "outreach/inquiries/template_form.html", {
        "form": form, "template": template, "current": current, "versions": versions,
    }, status=status)  # fmt: skip


@members_only
@require_POST
def template_active(request, pk: int):
    _secretariat(request)
    template = get_object_or_404(AnswerTemplate, pk=pk)
    active = request.POST.get("active") == "1"
    services.template_set_active(template=template, by=request.user, active=active)
    if active:
        messages.success(request, _("“%(name)s” is in use again.") % {"name": template.name})
    else:
        messages.success(request, _("“%(name)s” is no longer offered for answers; its versions are kept.") % {
            "name": template.name})  # fmt: skip
    return redirect("outreach:templates")
