from django.db.models import Count, Q

from secretaria.comms import selectors
from secretaria.comms.models import Bounce, Delivery
from secretaria.core import access


def subscriptions_panel(request):
    if not request.user.is_authenticated:
        return None
    return {"subscriptions": selectors.user_subscriptions(request.user)[:6]}


def secretariat_panel(request):
    """The Secretariat's way in to the lists: sends in progress, failures, bounces, bulletins."""
    if not access.can(request.user, "comms.manage"):
        return None
    unfinished = Delivery.objects.filter(
        state__in=(Delivery.State.QUEUED, Delivery.State.SENDING, Delivery.State.DEFERRED)
    ).values("message_id")
    in_progress = list(selectors.messages_for_manage().filter(pk__in=unfinished)[:5])
    counts = Delivery.objects.aggregate(
        failed=Count("pk", filter=Q(state=Delivery.State.FAILED)),
        waiting=Count("pk", filter=Q(state__in=(Delivery.State.QUEUED, Delivery.State.DEFERRED))),
    )
    return {"in_progress": in_progress, **counts, "bounces": Bounce.objects.count()}
