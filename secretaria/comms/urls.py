from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.comms import views

app_name = "comms"
urlpatterns = [
    path("", views.list_index, name="lists"),
    path(_("confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("preferences/<str:token>/"), views.preferences, name="preferences"),
    path(_("mine/"), views.my_subscriptions, name="my_subscriptions"),
    path(_("mine/<int:pk>/"), views.my_subscription_update, name="my_subscription_update"),
    path(_("bulletins/"), views.bulletin_index, name="bulletins"),
    path(_("bulletins/<int:pk>/"), views.bulletin_detail, name="bulletin"),
    path(_("manage/"), views.manage_lists, name="manage_lists"),
    path(_("manage/new/"), views.list_edit, name="list_create"),
    path(_("manage/<int:pk>/"), views.manage_list, name="manage_list"),
    path(_("manage/<int:pk>/edit/"), views.list_edit, name="list_edit"),
    path(_("manage/<int:pk>/rules/"), views.rule_create, name="rule_create"),
    path(_("manage/rules/<int:pk>/delete/"), views.rule_delete, name="rule_delete"),
    path(_("manage/<int:pk>/write/"), views.announcement_create, name="announcement_create"),
    path(_("manage/messages/"), views.manage_messages, name="manage_messages"),
    path(_("manage/messages/<int:pk>/"), views.message_detail, name="message"),
    path(_("manage/deliveries/"), views.delivery_log, name="deliveries"),
    path(_("manage/bounces/"), views.bounce_log, name="bounces"),
    path(_("manage/subscriptions/<int:pk>/re-enable/"), views.subscription_reenable, name="subscription_reenable"),
    path(_("manage/bulletins/"), views.manage_bulletins, name="manage_bulletins"),
    path(_("manage/bulletins/<int:pk>/"), views.bulletin_edit, name="bulletin_edit"),
    path(_("manage/bulletins/<int:pk>/send/"), views.bulletin_send, name="bulletin_send"),
    path("<slug:slug>/", views.archive, name="archive"),
    path(_("<slug:slug>/subscribe/"), views.subscribe, name="subscribe"),
    path("<slug:slug>/<int:pk>/", views.archive_message, name="archive_message"),
]
