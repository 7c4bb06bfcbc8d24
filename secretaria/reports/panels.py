"""The members' dashboard panel of the reports app: for the current Pro-Tempore Presidency, the
activity reports the Secretariat has sent it for approval (beside the agendas waiting for it)."""

from secretaria.core import access
from secretaria.reports.models import Report


def awaiting_approval(request) -> dict | None:
    if not access.is_current_ppt(request.user):
        return None
    reports = list(Report.objects.filter(status=Report.Status.SUBMITTED).order_by("-period_end", "-pk"))
    return {"reports": reports} if reports else None
