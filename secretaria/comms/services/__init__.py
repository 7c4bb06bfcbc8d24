"""Writes of the comms app, one module per topic; callers use ``services.<name>``."""

from secretaria.comms.services.digests import (
    PERIODS,
    send_digests,
)
from secretaria.comms.services.lists import (
    list_rule_create,
    list_rule_delete,
    mailing_list_create,
    mailing_list_update,
    require_manager,
)
from secretaria.comms.services.messages import (
    MAX_EVENT_ATTEMPTS,
    announcement_publish,
    notify_secretariat,
    process_event,
    process_outbox,
    queue_deliveries,
    recipients_for,
    wake_senders,
)
from secretaria.comms.services.subscriptions import (
    eligible_users,
    preferences_url,
    subscription_confirm,
    subscription_leave,
    subscription_reenable,
    subscription_request,
    subscription_set_preferences,
    subscription_unsubscribe,
    subscriptions_sync,
    unsubscribe_url,
    user_subscribe,
)

__all__ = [
    "MAX_EVENT_ATTEMPTS",
    "PERIODS",
    "announcement_publish",
    "eligible_users",
    "list_rule_create",
    "list_rule_delete",
    "mailing_list_create",
    "mailing_list_update",
    "notify_secretariat",
    "preferences_url",
    "process_event",
    "process_outbox",
    "queue_deliveries",
    "recipients_for",
    "require_manager",
    "send_digests",
    "subscription_confirm",
    "subscription_leave",
    "subscription_reenable",
    "subscription_request",
    "subscription_set_preferences",
    "subscription_unsubscribe",
    "subscriptions_sync",
    "unsubscribe_url",
    "user_subscribe",
    "wake_senders",
]
