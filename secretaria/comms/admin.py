from django.contrib import admin

from secretaria.comms.models import Bounce, Bulletin, Delivery, ListRule, MailingList, Message, Subscription


class ListRuleInline(admin.TabularInline):
    model = ListRule
    extra = 0


@admin.register(MailingList)
class MailingListAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_es", "kind", "access_level", "is_active"]
    list_filter = ["kind", "access_level", "is_active"]
    inlines = [ListRuleInline]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["mailing_list", "user", "email", "language", "rhythm", "status", "source", "bounce_score"]
    list_filter = ["mailing_list", "status", "source", "rhythm", "language"]
    search_fields = ["email", "user__email", "user__username"]
    raw_id_fields = ["user"]
    readonly_fields = ["key"]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["pk", "mailing_list", "kind", "subject_es", "created_at"]
    list_filter = ["mailing_list", "kind"]
    raw_id_fields = ["event", "digest_of"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["pk", "message", "email", "state", "attempts", "sent_at", "last_error"]
    list_filter = ["state"]
    search_fields = ["email"]
    raw_id_fields = ["message", "subscription"]


@admin.register(Bounce)
class BounceAdmin(admin.ModelAdmin):
    list_display = ["received_at", "email", "kind", "status", "disabled_subscription"]
    list_filter = ["kind"]
    raw_id_fields = ["delivery", "subscription"]


@admin.register(Bulletin)
class BulletinAdmin(admin.ModelAdmin):
    list_display = ["title_es", "period_start", "period_end", "status", "mailing_list"]
