from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from secretaria.documents.selectors import public_documents


class LatestDocumentsFeed(Feed):
    """Newly published public documents (only what an anonymous visitor may read)."""

    feed_type = Atom1Feed
    title = _("Regional Conference on Migration — new documents")
    subtitle = _("Documents published by the Technical Secretariat on the Virtual Secretariat.")
    link = reverse_lazy("documents:list")

    def items(self):
        return public_documents().order_by("-published_at", "-id")[:30]

    def item_title(self, item):
        return f"{item.symbol} — {item.title}"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_doc_type_display()] + [topic.name for topic in item.topics.all()]
