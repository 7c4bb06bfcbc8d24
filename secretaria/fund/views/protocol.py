"""The protocol's settings with their history, and the access log (read and export)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from secretaria.core.forms import add_service_errors
from secretaria.fund import exports, rules, selectors
from secretaria.fund.forms import SettingsForm
from secretaria.fund.services.access_log import access_log_write
from secretaria.fund.services.protocol import protocol_settings_update
from secretaria.fund.views.guard import officers_only


@officers_only
def settings_page(request):
    row = rules.protocol_settings()
    form = SettingsForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "reason"}
        try:
            protocol_settings_update(by=request.user, reason=form.cleaned_data["reason"], **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Settings saved."))
            return redirect("fund:settings")
    return render(request, "fund/protocol/settings.html", {"form": form, "history": selectors.settings_history()})


@officers_only
def access_log_page(request):
    if request.GET.get("format") == "xlsx":
        access_log_write(user=request.user, action="export", reason=_("Access log export"), detail="access log")
        response = HttpResponse(exports.access_log_xlsx(selectors.access_log(limit=None)), content_type=exports.XLSX)
        response["Content-Disposition"] = 'attachment; filename="fund-access-log.xlsx"'
        return response
    return render(request, "fund/protocol/access_log.html", {"entries": selectors.access_log()})
