"""Forum posts in the site search, read at their forum's level."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from secretaria.forums.models import Post
from secretaria.search.registry import SearchEntry, SearchSource


class ForumPostSearchSource(SearchSource):
    kind = "forum_post"
    label = _("Forum posts")

    def entry_for(self, obj: Post) -> SearchEntry | None:
        thread = obj.thread
        forum = thread.forum
        if obj.hidden or thread.hidden:
            return None
        return SearchEntry(
            kind=self.kind,
            object_id=obj.pk,
            title_es=thread.title,
            title_en=thread.title,
            date=timezone.localdate(obj.created),
            access_level=forum.access_level,
            access_group_id=forum.access_group_id,
            summary_es=forum.name_es,
            summary_en=forum.name_en or forum.name_es,
            body=obj.body,
            group_id=forum.group_id,
        )

    def iter_objects(self):
        return (
            Post.objects.filter(hidden=False, thread__hidden=False)
            .select_related("thread__forum")
            .order_by("pk")
            .iterator(chunk_size=500)
        )

    def url_for(self, object_id: int, lang: str) -> str:
        with translation.override(lang):
            return reverse("forums:post", kwargs={"pk": object_id})
