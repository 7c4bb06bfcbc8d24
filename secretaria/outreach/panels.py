"""Panels of the members' dashboard: engagements awaiting the PPT (the PPT's officials and the
Secretariat) and the open inquiries (the Secretariat)."""

from secretaria.core import access
from secretaria.outreach.models import Inquiry
from secretaria.outreach.selectors.engagements import pending_approvals


def pending(request) -> dict | None:
    """Everyone in the members' area gets the way to the outreach list; the PPT's officials and
    the Secretariat also see what awaits the Presidency's approval."""
    user = request.user
    concerned = access.is_secretariat(user) or access.is_current_ppt(user)
    return {
        "concerned": concerned,
        "engagements": list(pending_approvals()[:10]) if concerned else [],
        "can_decide": access.can(user, "outreach.decide", None),
    }


def inquiries(request) -> dict | None:
    if not access.can(request.user, "outreach.inquiries"):
        return None
    open_statuses = [Inquiry.Status.NEW, Inquiry.Status.ASSIGNED, Inquiry.Status.WAITING]
    qs = Inquiry.objects.filter(status__in=open_statuses)
    return {"open": qs.count(), "mine": qs.filter(assigned_to=request.user).count(),
            "new": qs.filter(status=Inquiry.Status.NEW).count()}  # fmt: skip
