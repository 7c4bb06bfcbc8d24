"""Decisions in the site search (the contract is in secretaria.search.registry)."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from secretaria.decisions.models import Decision
from secretaria.search.registry import SearchEntry, SearchSource


class DecisionSearchSource(SearchSource):
    kind = "decision"
    label = _("Decision")

    def entry_for(self, obj: Decision) -> SearchEntry | None:
        meeting = obj.meeting
        return SearchEntry(
            kind=self.kind,
            object_id=obj.pk,
            title_es=f"{meeting.title_es}, {obj.label_in('es')}",
            title_en=f"{meeting.title_en or meeting.title_es}, {obj.label_in('en')}",
            date=meeting.start_date,
            access_level=obj.access_level,
            access_group_id=obj.access_group_id,
            summary_es=obj.text_es[:300],
            summary_en=obj.text_en[:300],
            keywords=" ".join(
                filter(None, [obj.theme.name_es if obj.theme else "", obj.theme.name_en if obj.theme else ""])
            ),
            body_es=obj.text_es,
            body_en=obj.text_en,
            year=meeting.start_date.year,
            meeting_id=meeting.pk,
            languages=[code for code in ("es", "en") if getattr(obj, f"text_{code}")],
            status=obj.kind,
        )

    def iter_objects(self):
        return Decision.objects.select_related("meeting", "theme").order_by("pk")

    def url_for(self, object_id: int, lang: str) -> str:
        with translation.override(lang):
            return reverse("decisions:detail", kwargs={"pk": object_id})

    def facet_label(self, facet: str, value, lang: str) -> str | None:
        if facet == "status" and value in Decision.Kind.values:
            with translation.override(lang):
                return str(Decision.Kind(value).label)
        return None
