"""The fund's dashboard, the case list, the case form and the case page with its steps."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from secretaria.files.serving import content_disposition
from secretaria.fund import rules, selectors
from secretaria.fund.forms import (
    AmountForm,
    AssessForm,
    AttachmentForm,
    CaseEditForm,
    CaseForm,
    CloseForm,
    ReasonForm,
    TravelForm,
)
from secretaria.fund.models import Attachment, CaseStatus
from secretaria.fund.services import attachments as attachment_services
from secretaria.fund.services import cases as services
from secretaria.fund.services.access_log import access_log_write
from secretaria.fund.views.guard import fund_only


@fund_only
def dashboard(request):
    user = request.user
    return render(
        request,
        "fund/dashboard.html",
        {
            "fa": rules.fund_access(user),
            "overdue": selectors.overdue(user),
            "cases": selectors.case_list(user)[:10],
            "balances": selectors.balances() if rules.fund_access(user).officer else None,
            "statuses": CaseStatus,
        },
    )


@fund_only
def case_list(request):
    status = request.GET.get("status")
    status = status if status in CaseStatus.values else None
    return render(
        request,
        "fund/cases/list.html",
        {
            "cases": selectors.case_list(request.user, status=status),
            "statuses": CaseStatus.choices,
            "status": status,
            "fa": rules.fund_access(request.user),
        },
    )


def _form_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(name if name in form.fields else None, error)
    else:
        for error in exc.messages:
            form.add_error(None, error)


@sensitive_post_parameters()
@sensitive_variables()
@fund_only
def case_new(request):
    if not rules.may_submit(request.user):
        raise Http404
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(by=request.user, data=form.case_data(), costs=form.costs())
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Case %(code)s saved as a draft.") % {"code": case.code})
            return redirect("fund:case", case.code)
    return render(request, "fund/cases/form.html", {"form": form, "case": None})


def _case_or_404(request, code):
    case = selectors.case_for(request.user, code)
    if case is None:
        raise Http404
    case.status = selectors.status_of(case)
    case.status_label = CaseStatus(case.status).label
    return case


@sensitive_post_parameters()
@sensitive_variables()
@fund_only
def case_edit(request, code):
    """Editing shows the personal data, so it asks for a reason first, as revealing does: a GET
    shows only the reason form; posting the reason (``open``) writes the reveal to the access log
    and shows the case form; saving asks for the reason again (prefilled) and logs it too."""
    case = _case_or_404(request, code)
    if not rules.may_see_personal_data(request.user, case) or case.status not in services.EDITABLE:
        raise Http404
    if request.method != "POST" or "open" in request.POST:
        gate = ReasonForm(request.POST if request.method == "POST" else None)
        if not gate.is_valid():
            status = 400 if request.method == "POST" else 200
            return render(request, "fund/cases/edit_reason.html", {"form": gate, "case": case}, status=status)
        reason = gate.cleaned_data["reason"]
        access_log_write(user=request.user, action="reveal", case=case, reason=reason, detail="edit form")
        costs = {item.kind: item.estimate_usd for item in case.cost_items.all()}
        form = CaseEditForm(instance=case, costs=costs, initial={"reason": reason})
        return render(request, "fund/cases/form.html", {"form": form, "case": case})
    form = CaseEditForm(request.POST, instance=case)
    if form.is_valid():
        try:
            services.case_update(case=case, by=request.user, data=form.case_data(), costs=form.costs())
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            access_log_write(
                user=request.user, action="reveal", case=case, reason=form.cleaned_data["reason"], detail="edit saved"
            )
            messages.success(request, _("Case %(code)s saved.") % {"code": case.code})
            return redirect("fund:case", case.code)
    return render(request, "fund/cases/form.html", {"form": form, "case": case}, status=400)


def _actions(user, case) -> list[str]:
    """The steps this user may take next on this case (the page shows their buttons)."""
    status, actions = case.status, []
    fa = rules.fund_access(user)
    if status == CaseStatus.DRAFT and (fa.officer or user.pk in (case.created_by_id, case.requester_id)):
        actions.append("submit")
    if status == CaseStatus.SUBMITTED and rules.may_assess(user, case):
        actions.append("assess")
    pending_exception = status == CaseStatus.ASSESSED and case.needs_exception and case.exception_usd is None
    if pending_exception and rules.may_approve_exception(user, case):
        actions += ["exception", "reject"]
    if status in (CaseStatus.ASSESSED, CaseStatus.EXCEPTION_APPROVED) and rules.may_decide(user, case):
        actions += ["approve", "reject"]
    if status == CaseStatus.APPROVED and rules.may_record_travel(user, case):
        actions.append("travel")
    if status == CaseStatus.TRAVELLED and (rules.may_decide(user, case) or rules.may_assess(user, case)):
        actions.append("close")
    if status in services.CANCELLABLE and rules.may_cancel(user, case):
        actions.append("cancel")
    return list(dict.fromkeys(actions))


FORMS = {
    "submit": None,
    "assess": AssessForm,
    "exception": AmountForm,
    "approve": AmountForm,
    "reject": ReasonForm,
    "travel": TravelForm,
    "close": CloseForm,
    "cancel": ReasonForm,
}


def _render_case(request, case, *, personal=False, forms=None, status=200):
    forms = forms or {}
    actions = _actions(request.user, case)
    action_forms = [(name, forms.get(name) or (FORMS[name]() if FORMS[name] else None)) for name in actions]
    context = {
        "case": case,
        "history": selectors.case_history(case),
        "costs": list(case.cost_items.all()),
        "estimate": services.estimate_total(case),
        "attachments": list(case.attachments.order_by("pk")),
        "action_forms": action_forms,
        "may_reveal": rules.may_see_personal_data(request.user, case),
        "may_edit": rules.may_see_personal_data(request.user, case) and case.status in services.EDITABLE,
        "reveal_form": forms.get("reveal") or ReasonForm(),
        "attachment_form": forms.get("attachment") or AttachmentForm(),
        "personal": personal,
        "duplicates": [d.code for d in services.possible_duplicates(case) if selectors.case_for(request.user, d.code)]
        if rules.fund_access(request.user).officer or rules.may_assess(request.user, case)
        else [],
        "officer": rules.fund_access(request.user).officer,
    }
    return render(request, "fund/cases/detail.html", context, status=status)


@fund_only
def case_detail(request, code):
    return _render_case(request, _case_or_404(request, code))


@fund_only
@require_POST
def case_reveal(request, code):
    case = _case_or_404(request, code)
    if not rules.may_see_personal_data(request.user, case):
        raise Http404
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _render_case(request, case, forms={"reveal": form}, status=400)
    access_log_write(user=request.user, action="reveal", case=case, reason=form.cleaned_data["reason"])
    return _render_case(request, case, personal=True)


@fund_only
@require_POST
def case_step(request, code, action):
    case = _case_or_404(request, code)
    if action not in FORMS or action not in _actions(request.user, case):
        raise Http404
    form = FORMS[action](request.POST) if FORMS[action] else None
    if form is not None and not form.is_valid():
        return _render_case(request, case, forms={action: form}, status=400)
    data = form.cleaned_data if form is not None else {}
    user = request.user
    try:
        if action == "submit":
            services.case_submit(case=case, by=user)
        elif action == "assess":
            services.case_assess(case=case, by=user, eligible=data["eligible"], reason=data["reason"])
        elif action == "exception":
            services.exception_approve(case=case, by=user, amount=data["amount_usd"], reason=data["reason"])
        elif action == "approve":
            services.case_approve(case=case, by=user, amount=data["amount_usd"], reason=data["reason"])
        elif action == "reject":
            services.case_reject(case=case, by=user, reason=data["reason"])
        elif action == "travel":
            services.travel_record(case=case, by=user, on=data["on"], reason=data["reason"])
        elif action == "close":
            services.case_close(
                case=case, by=user, actual_costs=form.actual_costs(), return_report=data["return_report"]
            )
        elif action == "cancel":
            services.case_cancel(case=case, by=user, reason=data["reason"])
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        form = form or ReasonForm()
        if form is not None and not hasattr(form, "cleaned_data"):
            form.cleaned_data = {}
        _form_errors(form, exc)
        return _render_case(request, _case_or_404(request, code), forms={action: form}, status=400)
    messages.success(request, _("Case %(code)s: step recorded.") % {"code": case.code})
    return redirect("fund:case", case.code)


@fund_only
@require_POST
def attachment_upload(request, code):
    case = _case_or_404(request, code)
    if not rules.may_see_personal_data(request.user, case):
        raise Http404
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            attachment_services.attachment_add(
                case=case, by=request.user, kind=form.cleaned_data["kind"], fileobj=upload, name=upload.name
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("File added, encrypted."))
            return redirect("fund:case", case.code)
    return _render_case(request, case, forms={"attachment": form}, status=400)


@fund_only
@require_POST
def attachment_download(request, code, pk):
    case = _case_or_404(request, code)
    attachment = Attachment.objects.filter(case=case, pk=pk).first()
    if attachment is None or not rules.may_see_personal_data(request.user, case):
        raise Http404
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _render_case(request, case, forms={"reveal": form}, status=400)
    data = attachment_services.attachment_open(
        attachment=attachment, by=request.user, reason=form.cleaned_data["reason"]
    )
    response = HttpResponse(data, content_type=attachment.mime)
    response["Content-Disposition"] = content_disposition(attachment.filename, attachment=True)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
