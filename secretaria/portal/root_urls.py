from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.generic import TemplateView

from secretaria.documents.sitemaps import DocumentSitemap
from secretaria.portal import views
from secretaria.portal.sitemaps import SITEMAPS

# Outside the language prefixes: one sitemap lists both language versions of each page,
# and a picture has one address whatever the language of the text it illustrates.
urlpatterns = [
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": {**SITEMAPS, "documents": DocumentSitemap}}, name="sitemap"),
    path("images/<str:name>", views.image, name="portal_image"),
]
