from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.portal import members_views as views

app_name = "members"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(_("pages/<slug:slug>/"), views.page_detail, name="page"),
    # The Secretariat's editing tools (rule "portal.manage").
    path(_("manage/pages/"), views.manage_pages, name="manage_pages"),
    path(_("manage/pages/new/"), views.page_create, name="page_create"),
    path(_("manage/pages/<int:pk>/"), views.page_edit, name="page_edit"),
    path(_("manage/pages/<int:pk>/publish/"), views.page_publish, name="page_publish"),
    path(_("manage/pages/<int:pk>/history/"), views.page_history, name="page_history"),
    path(_("manage/news/"), views.manage_news, name="manage_news"),
    path(_("manage/news/new/"), views.news_create, name="news_create"),
    path(_("manage/news/<int:pk>/"), views.news_edit, name="news_edit"),
    path(_("manage/news/<int:pk>/publish/"), views.news_publish, name="news_publish"),
    path(_("manage/news/<int:pk>/history/"), views.news_history, name="news_history"),
    path(_("manage/images/"), views.images, name="images"),
]
