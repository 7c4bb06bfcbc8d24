"""The portal's addresses: ``urlpatterns`` (the public site, namespace "portal"),
``members_urlpatterns`` (the members' area, namespace "members") and ``root_urlpatterns``
(outside the language prefixes). ``secretaria/urls.py`` includes each where it belongs."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from secretaria.documents.sitemaps import DocumentSitemap
from secretaria.portal.sitemaps import SITEMAPS
from secretaria.portal.views import members, public

app_name = "portal"
urlpatterns = [
    path("", public.home, name="home"),
    path(_("news/"), public.news_list, name="news_list"),
    path(_("news/feed/"), public.news_feed, name="news_feed"),
    path(_("news/<slug:slug>/"), public.news_detail, name="news_detail"),
    path(_("pages/<slug:slug>/"), public.page_detail, name="page"),
    path(_("contact/"), public.contact, name="contact"),
]

members_urlpatterns = [
    path("", members.dashboard, name="dashboard"),
    path(_("pages/<slug:slug>/"), members.page_detail, name="page"),
    # The Secretariat's editing tools (rule "portal.manage").
    path(_("manage/pages/"), members.manage_pages, name="manage_pages"),
    path(_("manage/pages/new/"), members.page_create, name="page_create"),
    path(_("manage/pages/<int:pk>/"), members.page_edit, name="page_edit"),
    path(_("manage/pages/<int:pk>/publish/"), members.page_publish, name="page_publish"),
    path(_("manage/pages/<int:pk>/history/"), members.page_history, name="page_history"),
    path(_("manage/news/"), members.manage_news, name="manage_news"),
    path(_("manage/news/new/"), members.news_create, name="news_create"),
    path(_("manage/news/<int:pk>/"), members.news_edit, name="news_edit"),
    path(_("manage/news/<int:pk>/publish/"), members.news_publish, name="news_publish"),
    path(_("manage/news/<int:pk>/history/"), members.news_history, name="news_history"),
    path(_("manage/images/"), members.images, name="images"),
]

# Outside the language prefixes: one sitemap lists both language versions of each page,
# and a picture has one address whatever the language of the text it illustrates.
root_urlpatterns = [
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": {**SITEMAPS, "documents": DocumentSitemap}}, name="sitemap"),
    path("images/<str:name>", public.image, name="portal_image"),
]
