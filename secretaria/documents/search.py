"""How documents appear in the site search."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from secretaria.directory.models import Organization
from secretaria.documents.models import Document
from secretaria.search import services as search_services
from secretaria.search.registry import SearchEntry, SearchSource

SEARCH_KIND = "document"


def reindex_document(document: Document) -> None:
    """Every write that changes what the search index holds about a document ends here."""
    search_services.index_object(SEARCH_KIND, document)


class DocumentSearchSource(SearchSource):
    kind = SEARCH_KIND
    label = _("Documents")

    def facet_label(self, facet: str, value, lang: str) -> str | None:
        choices = {"doc_type": Document.Type, "status": Document.Status}.get(facet)
        if choices is None or value not in choices.values:
            return None
        with translation.override(lang):
            return str(choices(value).label)

    def entry_for(self, obj: Document) -> SearchEntry | None:
        if obj.status != Document.Status.PUBLISHED:
            # Drafts are for the Secretariat's eyes; a withdrawn document leaves the search as it
            # leaves the lists (its page stays at its address). Neither is in the index.
            return None
        files = list(obj.files.order_by("language"))
        topics = list(obj.topics.all())
        keywords = [obj.symbol, obj.symbol.replace("/", " ")]
        keywords += [name for topic in topics for name in (topic.name_es, topic.name_en) if name]
        author = obj.author
        return SearchEntry(
            kind=self.kind,
            object_id=obj.pk,
            title_es=obj.title_es,
            title_en=obj.title_en,
            date=obj.date,
            access_level=obj.access_level,
            access_group_id=obj.access_group_id,
            summary_es=obj.summary_es,
            summary_en=obj.summary_en,
            keywords=" ".join(keywords),
            # Each file's text stemmed in its language; a file in another language (French,
            # Portuguese) in both.
            body_es="\n\n".join(f.extracted_text for f in files if f.extracted_text and f.language == "es"),
            body_en="\n\n".join(f.extracted_text for f in files if f.extracted_text and f.language == "en"),
            body="\n\n".join(f.extracted_text for f in files if f.extracted_text and f.language not in ("es", "en")),
            doc_type=obj.doc_type,
            year=obj.date.year if obj.date else None,
            meeting_id=None,  # the meetings module links documents to meetings later
            group_id=obj.group_id,
            # A document is a country's when a government agency of that country wrote it; the
            # Secretariat or an international organisation is not the country of its office.
            country=author.country.iso2
            if author is not None and author.kind == Organization.Kind.GOVERNMENT and author.country_id
            else None,
            languages=[f.language for f in files],
            status=obj.status,
        )

    def iter_objects(self):
        return (
            Document.objects.filter(status=Document.Status.PUBLISHED)
            .select_related("author__country")
            .prefetch_related("topics", "files")
            .order_by("pk")
            .iterator(chunk_size=500)
        )

    def url_for(self, object_id: int, lang: str) -> str:
        return self.urls_for([object_id], lang).get(object_id, "")

    def urls_for(self, object_ids, lang: str) -> dict[int, str]:
        symbols = Document.objects.filter(pk__in=list(object_ids)).values_list("pk", "symbol")
        with translation.override(lang):
            return {pk: reverse("documents:detail", kwargs={"symbol": symbol}) for pk, symbol in symbols}
