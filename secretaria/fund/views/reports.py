"""Statistics for the GRCM (page, XLSX and PDF in either language)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from secretaria.fund import exports, selectors, statistics
from secretaria.fund.forms import PeriodForm
from secretaria.fund.services.access_log import access_log_write
from secretaria.fund.views.guard import officers_only


@officers_only
def statistics_page(request):
    start, end = selectors.period_bounds(timezone.localdate())
    form = PeriodForm(request.GET or None, initial={"start": start, "end": end})
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    # The page stays with the fund officers: exact counts; what is exported is suppressed.
    fmt = request.GET.get("format")
    if fmt in ("xlsx", "pdf"):
        stats = statistics.fund_statistics(start, end, suppress=True)
        access_log_write(user=request.user, action="export", reason=_("Statistics for the GRCM"),
                         detail=f"statistics {start}–{end} {fmt}")  # fmt: skip
        if fmt == "xlsx":
            response = HttpResponse(exports.statistics_xlsx(stats), content_type=exports.XLSX)
        else:
            response = HttpResponse(exports.statistics_pdf(stats), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="fund-statistics-{start}-{end}.{fmt}"'
        return response
    stats = statistics.fund_statistics(start, end, suppress=False)
    context = {
        "form": form,
        "stats": stats,
        "money": [(label, statistics.figure_text(value)) for label, value in stats.money],
        "contributions": [(name, statistics.figure_text(amount)) for name, amount in stats.contributions],
    }
    return render(request, "fund/reports/statistics.html", context)
