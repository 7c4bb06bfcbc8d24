"""Pages of engagements in the members' area: list and calendar, the engagement, the forms, the
PPT's decision, the exports and the promotion material (thin: selectors and services work)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.core.views import members_only
from secretaria.directory.models import Country
from secretaria.outreach import exports
from secretaria.outreach.forms import (
    DecisionForm,
    DeliverableForm,
    EngagementForm,
    FollowUpForm,
    MaterialForm,
    MissionCostForm,
)
from secretaria.outreach.models import Engagement, Material
from secretaria.outreach.sections import sections_for
from secretaria.outreach.selectors import engagements as selectors
from secretaria.outreach.services import engagements as services


def _require(user, rule, obj=None):
    if not access.can(user, rule, obj):
        raise PermissionDenied


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _filters(request) -> tuple[selectors.EngagementFilters, list[str]]:
    errors = []
    kind = request.GET.get("kind") or None
    if kind and kind not in Engagement.Kind.values:
        errors.append(_("Unknown kind of engagement."))
        kind = None
    start, end = _date(request.GET.get("from")), _date(request.GET.get("until"))
    if (request.GET.get("from") and start is None) or (request.GET.get("until") and end is None):
        errors.append(_("Write dates as YYYY-MM-DD."))
    if start and end and end < start:
        errors.append(_("The end of the period is before its start."))
        start = end = None
    country = (request.GET.get("country") or "")[:2] or None
    q = (request.GET.get("q") or "").strip()[:100] or None
    return selectors.EngagementFilters(kind=kind, country=country, start=start, end=end, q=q), errors


@members_only
def index(request):
    filters, errors = _filters(request)
    engagements = list(selectors.engagement_list(request.user, filters))
    view = "calendar" if request.GET.get("view") == "calendar" else "list"
    return render(request, "outreach/engagements/index.html", {
        "engagements": engagements, "months": selectors.calendar_months(engagements) if view == "calendar" else [],
        "view": view, "filters": filters, "filter_errors": errors, "kinds": Engagement.Kind.choices,
        "countries": Country.objects.order_by("name_es"), "can_manage": access.can(request.user, "outreach.manage"),
        "query": request.GET.urlencode(),
    })  # fmt: skip


@members_only
def export(request, fmt: str):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    filters, _errors = _filters(request)
    rows = exports.engagement_rows(selectors.engagement_list(request.user, filters))
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.to_xlsx(rows), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="outreach.{fmt}"'
    return response


@members_only
def detail(request, pk: int):
    engagement = selectors.engagement_detail(request.user, pk)
    if engagement is None:
        raise Http404
    user = request.user
    return render(request, "outreach/engagements/detail.html", {
        "engagement": engagement,
        "can_manage": access.can(user, "outreach.manage"),
        "can_decide": engagement.is_pending and access.can(user, "outreach.decide", engagement),
        "show_confidential": access.can(user, "outreach.view_confidential", engagement),
        "show_costs": access.can(user, "outreach.view_costs", engagement),
        "decision_form": DecisionForm(),
        "deliverable_form": DeliverableForm() if access.can(user, "outreach.manage") else None,
        "follow_up_form": FollowUpForm(prefix="fu") if access.can(user, "outreach.manage") else None,
        "cost_form": MissionCostForm(prefix="cost")
        if access.can(user, "outreach.manage") and engagement.kind == Engagement.Kind.MISSION
        else None,
        "deliverables": [d for d in engagement.deliverables.all() if access.can_view_object(user, d.document)],
        "materials": [m for m in engagement.materials.all() if access.can(user, "outreach.view_material", m)],
        "sections": sections_for(request, engagement),
    })  # fmt: skip


def _save(request, engagement=None):
    _require(request.user, "outreach.manage")
    form = EngagementForm(request.POST or None, instance=engagement)
    if request.method == "POST" and form.is_valid():
        try:
            if engagement is None:
                engagement = services.engagement_create(by=request.user, **form.service_fields())
            else:
                engagement = services.engagement_update(engagement=engagement, by=request.user, **form.service_fields())
        except ValidationError as exc:
            for field, errors in (exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}).items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("The engagement was saved."))
            return redirect("outreach:detail", pk=engagement.pk)
    return render(request, "outreach/engagements/form.html", {"form": form, "engagement": engagement},
                  status=400 if form.errors else 200)  # fmt: skip


@members_only
def create(request):
    return _save(request)


@members_only
def edit(request, pk: int):
    engagement = Engagement.objects.filter(pk=pk).first()
    if engagement is None:
        raise Http404
    return _save(request, engagement)


@members_only
@require_POST
def decide(request, pk: int):
    engagement = selectors.engagement_detail(request.user, pk)
    if engagement is None:
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or to decline."))
        return redirect("outreach:detail", pk=pk)
    action = services.engagement_approve if form.cleaned_data["decision"] == "approve" else services.engagement_decline
    try:
        action(engagement=engagement, by=request.user, comment=form.cleaned_data["comment"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your decision was recorded and the Secretariat informed."))
    return redirect("outreach:detail", pk=pk)


@members_only
@require_POST
def close(request, pk: int):
    engagement = Engagement.objects.filter(pk=pk).first()
    if engagement is None:
        raise Http404
    try:
        services.engagement_close(engagement=engagement, by=request.user, to=request.POST.get("to", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("outreach:detail", pk=pk)


@members_only
@require_POST
def deliverable_add(request, pk: int):
    _require(request.user, "outreach.manage")
    engagement = Engagement.objects.filter(pk=pk).first()
    if engagement is None:
        raise Http404
    form = DeliverableForm(request.POST)
    if form.is_valid():
        services.deliverable_add(engagement=engagement, by=request.user, **form.cleaned_data)
    else:
        messages.error(request, _("Choose a document."))
    return redirect("outreach:detail", pk=pk)


@members_only
def material(request, pk: int):
    item = Material.objects.select_related("document", "engagement").filter(pk=pk).first()
    if item is None or not access.can(request.user, "outreach.view_material", item):
        raise Http404
    return render(request, "outreach/engagements/material.html", {
        "material": item, "can_manage": access.can(request.user, "outreach.manage"),
        "show_document": item.document_id and access.can_view_object(request.user, item.document),
    })  # fmt: skip


@members_only
def material_edit(request, pk: int | None = None):
    """The Secretariat records a piece of material (a draft, for an engagement or a campaign) or edits it."""
    _require(request.user, "outreach.manage")
    item = Material.objects.filter(pk=pk).first() if pk else None
    if pk and item is None:
        raise Http404
    initial = {}
    if item is None and (engagement_id := request.GET.get("engagement", "")).isdigit():
        initial["engagement"] = Engagement.objects.filter(pk=int(engagement_id)).first()
    form = MaterialForm(request.POST or None, instance=item, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if item is None:
                item = services.material_create(by=request.user, **form.cleaned_data)
            else:
                item = services.material_update(material=item, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in (exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}).items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("The material was saved."))
            return redirect("outreach:material", pk=item.pk)
    return render(request, "outreach/engagements/material_form.html", {"form": form, "material": item},
                  status=400 if form.errors else 200)  # fmt: skip


@members_only
@require_POST
def material_advance(request, pk: int):
    item = Material.objects.filter(pk=pk).first()
    if item is None:
        raise Http404
    try:
        services.material_advance(material=item, by=request.user)
    except (ValidationError, ProtectedError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("outreach:material", pk=pk)


def _add_child(request, pk: int, form_class, prefix: str, service, done: str):
    _require(request.user, "outreach.manage")
    engagement = Engagement.objects.filter(pk=pk).first()
    if engagement is None:
        raise Http404
    form = form_class(request.POST, prefix=prefix)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("outreach:detail", pk=pk)
    try:
        service(engagement=engagement, by=request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect("outreach:detail", pk=pk)


@members_only
@require_POST
def follow_up_add(request, pk: int):
    return _add_child(request, pk, FollowUpForm, "fu", services.follow_up_add, _("The outcome was recorded."))


@members_only
@require_POST
def cost_add(request, pk: int):
    return _add_child(request, pk, MissionCostForm, "cost", services.mission_cost_add, _("The cost was recorded."))
