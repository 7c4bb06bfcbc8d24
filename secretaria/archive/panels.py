"""The administrators' dashboard panel: the last restore drill."""

from secretaria.archive.models import DrillRun
from secretaria.core.access import is_admin


def drill_panel(request):
    if not is_admin(request.user):
        return None
    return {"last_drill": DrillRun.objects.order_by("-started_at").first()}
