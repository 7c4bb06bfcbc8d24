from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from secretaria.meetings import views, views_participation

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path(_("calendar/"), views.meeting_calendar, name="calendar"),
    path(_("calendar/my-feed/"), views.feed_settings, name="feed_settings"),
    path(_("calendar/my-feed/regenerate/"), views.feed_regenerate, name="feed_regenerate"),
    path(_("activity/"), views.activity_list, name="activity"),
    path(_("my-invitations/"), views_participation.my_participation, name="my_participation"),
    path(_("agenda-comments/<str:token>/"), views.agenda_sponsor_comment, name="agenda_sponsor_comment"),
    path(_("new/"), views.meeting_edit, name="create"),
    path("<slug:slug>/", views.meeting_detail, name="detail"),
    path("<slug:slug>/ics/", views.meeting_ics, name="ics"),
    path(_("<slug:slug>/edit/"), views.meeting_edit, name="edit"),
    path(_("<slug:slug>/status/"), views.meeting_status, name="status"),
    path(_("<slug:slug>/documents/new/"), views.document_new, name="document_new"),
    path(_("<slug:slug>/documents/link/"), views.document_link, name="document_link"),
    path(_("<slug:slug>/documents/<int:pk>/unlink/"), views.document_unlink, name="document_unlink"),
    path(_("<slug:slug>/logistics/"), views.logistics, name="logistics"),
    path(_("<slug:slug>/logistics/edit/"), views.logistics_edit, name="logistics_edit"),
    path(_("<slug:slug>/agenda/"), views.agenda_versions, name="agenda"),
    path(_("<slug:slug>/agenda/new/"), views.agenda_start, name="agenda_start"),
    path(_("<slug:slug>/agenda/compare/"), views.agenda_compare, name="agenda_compare"),
    path(_("<slug:slug>/agenda/<int:pk>/"), views.agenda_version, name="agenda_version"),
    path(_("<slug:slug>/agenda/<int:pk>/do/<str:action>/"), views.agenda_action, name="agenda_action"),
    path(
        _("<slug:slug>/agenda/<int:pk>/check/<str:action>/"), views.agenda_send_preview, name="agenda_send_preview"
    ),  # fmt: skip
    path(_("<slug:slug>/agenda/<int:pk>/items/new/"), views.agenda_item_edit, name="agenda_item_add"),
    path(_("<slug:slug>/agenda/<int:pk>/items/<int:item_pk>/"), views.agenda_item_edit, name="agenda_item_edit"),
    path(
        _("<slug:slug>/agenda/<int:pk>/items/<int:item_pk>/delete/"),
        views.agenda_item_delete,
        name="agenda_item_delete",
    ),
    path(_("<slug:slug>/agenda/<int:pk>/comments/"), views.agenda_comment, name="agenda_comment"),
    path(_("<slug:slug>/agenda/<int:pk>/sponsor-link/"), views.agenda_sponsor_link, name="agenda_sponsor_link"),
    path(
        _("<slug:slug>/agenda/<int:pk>/comments/<int:comment_pk>/resolve/"),
        views.agenda_comment_resolve,
        name="agenda_comment_resolve",
    ),
    path(
        "<slug:slug>/agenda/<int:pk>/<str:fmt>/<str:lang>/",
        views.agenda_export,
        name="agenda_export",
    ),
    path(_("<slug:slug>/services/"), include("secretaria.meetings.urls_contracts")),
    path("", include("secretaria.meetings.urls_participation")),
]
