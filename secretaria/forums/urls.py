from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.forums import views

app_name = "forums"
urlpatterns = [
    path("", views.forum_index, name="index"),
    path(_("help/"), views.markdown_help, name="markdown_help"),
    path(_("following/"), views.following, name="following"),
    path(_("following/revoke-reply-addresses/"), views.revoke_reply_addresses, name="revoke_reply_addresses"),
    path(_("reports/"), views.reports, name="reports"),
    path(_("reports/<int:pk>/resolve/"), views.report_resolve, name="report_resolve"),
    path(_("post/<int:pk>/"), views.post_redirect, name="post"),
    path(_("post/<int:pk>/edit/"), views.post_edit, name="post_edit"),
    path(_("post/<int:pk>/history/"), views.post_history, name="post_history"),
    path(_("post/<int:pk>/report/"), views.post_report, name="post_report"),
    path(_("post/<int:pk>/moderate/<str:action>/"), views.post_moderate, name="post_moderate"),
    path(_("file/<int:pk>/"), views.attachment_download, name="attachment"),
    path(_("thread/<int:pk>/moderate/<str:action>/"), views.thread_moderate, name="thread_moderate"),
    path(_("thread/<int:pk>/move/"), views.thread_move, name="thread_move"),
    path(_("<slug:slug>/new/"), views.thread_create, name="thread_create"),
    path(_("<slug:slug>/follow/"), views.follow, name="forum_follow"),
    path("<slug:slug>/<int:pk>/", views.thread_detail, name="thread"),
    path(_("<slug:slug>/<int:pk>/reply/"), views.reply, name="reply"),
    path(_("<slug:slug>/<int:pk>/follow/"), views.follow, name="thread_follow"),
    path("<slug:slug>/", views.forum_detail, name="forum"),
]
