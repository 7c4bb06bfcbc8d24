"""List archives in the site search: kind "list_message", at the stricter of the list's and the item's level."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from secretaria.comms.models import Message
from secretaria.comms.policy import stricter
from secretaria.search import services
from secretaria.search.registry import SearchEntry, SearchSource

KIND = "list_message"
ARCHIVED = [Message.Kind.ITEM, Message.Kind.ANNOUNCEMENT, Message.Kind.BULLETIN]


class ListMessageSearchSource(SearchSource):
    kind = KIND
    label = _("List messages")

    def entry_for(self, obj: Message) -> SearchEntry | None:
        if obj.kind not in ARCHIVED or not obj.mailing_list.is_active:
            return None
        lst = obj.mailing_list
        level, group = stricter(lst.access_level, lst.access_group_id, obj.access_level, obj.access_group_id)
        return SearchEntry(
            kind=KIND,
            object_id=obj.pk,
            title_es=obj.subject_es,
            title_en=obj.subject_en,
            date=obj.created_at.date(),
            access_level=level,
            access_group_id=group,
            summary_es=lst.name_es,
            summary_en=lst.name_en,
            keywords=lst.slug,
            body_es=obj.text_es,
            body_en=obj.text_en,
            year=obj.created_at.year,
            languages=["es", "en"],
            # An automatic item is the list's copy of something published elsewhere (a
            # document, an agenda): found, but below the original.
            demoted=obj.kind == Message.Kind.ITEM,
        )

    def iter_objects(self):
        return Message.objects.filter(kind__in=ARCHIVED).select_related("mailing_list").order_by("pk").iterator()

    def url_for(self, object_id: int, lang: str) -> str:
        return self.urls_for([object_id], lang).get(object_id, "")

    def urls_for(self, object_ids, lang: str) -> dict[int, str]:
        slugs = Message.objects.filter(pk__in=list(object_ids)).values_list("pk", "mailing_list__slug")
        with translation.override(lang):
            return {pk: reverse("comms:archive_message", kwargs={"slug": slug, "pk": pk}) for pk, slug in slugs}


def index_message(message: Message) -> None:
    services.index_object(KIND, message)
