"""The ledger page, contributions, and statements per period and contributor (XLSX)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core.forms import add_service_errors
from secretaria.fund import exports, selectors
from secretaria.fund.forms import ContributionForm, PeriodForm
from secretaria.fund.models import Contribution
from secretaria.fund.services import ledger as services
from secretaria.fund.services.access_log import access_log_write
from secretaria.fund.views.guard import officers_only


@officers_only
def ledger_page(request):
    form = ContributionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.contribution_record(
                by=request.user, pledged_on=data["pledged_on"], amount=data["amount"], currency=data["currency"],
                rate_to_usd=data["rate_to_usd"], country=data["country"], donor_name=data["donor_name"],
                received_on=data["received_on"] if data["received"] or data["received_on"] else None,
                note=data["note"],
            )  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Contribution recorded."))
            return redirect("fund:ledger")
    start, end = selectors.period_bounds(timezone.localdate())
    return render(
        request,
        "fund/ledger/ledger.html",
        {
            "form": form,
            "balances": selectors.balances(),
            "contributions": selectors.contributions(),
            "period_form": PeriodForm(initial={"start": start, "end": end}),
        },
    )


@officers_only
@require_POST
def contribution_receive(request, pk):
    contribution = Contribution.objects.filter(pk=pk).first()
    if contribution is None:
        return redirect("fund:ledger")
    try:
        services.contribution_receive(contribution=contribution, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Contribution recorded as received."))
    return redirect("fund:ledger")


@officers_only
def statement_page(request):
    form = PeriodForm(request.GET or None)
    statement = None
    if form.is_valid():
        d = form.cleaned_data
        country = d["country"].pk if d["country"] else None
        statement = selectors.statement(start=d["start"], end=d["end"], country_id=country)
        if request.GET.get("format") == "xlsx":
            access_log_write(user=request.user, action="export", reason=_("Statement export"),
                             detail=f"statement {d['start']}–{d['end']}")  # fmt: skip
            response = HttpResponse(exports.statement_xlsx(statement), content_type=exports.XLSX)
            response["Content-Disposition"] = f'attachment; filename="fund-statement-{d["start"]}-{d["end"]}.xlsx"'
            return response
    return render(request, "fund/ledger/statement.html", {"form": form, "statement": statement})
