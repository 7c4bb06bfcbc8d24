from secretaria.comms import selectors


def subscriptions_panel(request):
    if not request.user.is_authenticated:
        return None
    return {"subscriptions": selectors.user_subscriptions(request.user)[:6]}
