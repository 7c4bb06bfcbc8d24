from django.contrib.sitemaps import Sitemap

from secretaria.documents.selectors import public_documents


class DocumentSitemap(Sitemap):
    """Published public documents, in both languages (wired into sitemap.xml by the portal)."""

    changefreq = "monthly"
    priority = 0.6
    i18n = True
    alternates = True

    def items(self):
        return public_documents().order_by("pk")

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at
