"""sitemap.xml: the public portal in both languages (only what an anonymous visitor sees)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from secretaria.portal import selectors


class _Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticViewSitemap(_Bilingual):
    priority = 0.8
    changefreq = "weekly"

    def items(self):
        return ["portal:home", "portal:news_list", "portal:contact"]

    def location(self, item):
        return reverse(item)


class PageSitemap(_Bilingual):
    priority = 0.6
    changefreq = "monthly"

    def items(self):
        return selectors.live_pages(None).exclude(slug="home").order_by("slug")

    def lastmod(self, page):
        return page.updated_at


class NewsSitemap(_Bilingual):
    priority = 0.5

    def items(self):
        return selectors.public_news().order_by("-publish_at", "pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"static": StaticViewSitemap, "pages": PageSitemap, "news": NewsSitemap}
