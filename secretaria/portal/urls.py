from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path(_("news/"), views.news_list, name="news_list"),
    path(_("news/feed/"), views.news_feed, name="news_feed"),
    path(_("news/<slug:slug>/"), views.news_detail, name="news_detail"),
    path(_("pages/<slug:slug>/"), views.page_detail, name="page"),
    path(_("contact/"), views.contact, name="contact"),
]
