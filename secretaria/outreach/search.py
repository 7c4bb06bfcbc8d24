"""Engagements and promotion material in the site search (the contract is in secretaria.search.registry).

The entry carries titles, summaries, purpose, audience and topics: never the confidential
notes, the costs or the PPT's comment."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from secretaria.outreach.models import Engagement, Material
from secretaria.search.registry import SearchEntry, SearchSource


class EngagementSearchSource(SearchSource):
    kind = "outreach_engagement"
    label = _("Outreach")

    def entry_for(self, obj: Engagement) -> SearchEntry | None:
        if obj.status in (Engagement.Status.DECLINED, Engagement.Status.CANCELLED, Engagement.Status.REQUESTED):
            return None
        organization = obj.organization
        return SearchEntry(
            kind=self.kind,
            object_id=obj.pk,
            title_es=obj.title_es,
            title_en=obj.title_en or obj.title_es,
            date=obj.start_date,
            access_level=obj.access_level,
            summary_es=obj.summary_es,
            summary_en=obj.summary_en,
            keywords=" ".join(
                filter(
                    None,
                    [
                        obj.place,
                        str(organization) if organization else "",
                        organization.acronym_es if organization else "",
                        organization.acronym_en if organization else "",
                    ],
                )
            ),  # fmt: skip
            body_es="\n".join([obj.purpose_es, obj.audience_es, obj.topics_es]),
            body_en="\n".join([obj.purpose_en, obj.audience_en, obj.topics_en]),
            doc_type=obj.kind,
            year=obj.start_date.year,
            country=obj.country.iso2 if obj.country_id else None,
            languages=[code for code in ("es", "en") if getattr(obj, f"title_{code}")],
            status=obj.status,
        )

    def iter_objects(self):
        return Engagement.objects.select_related("organization", "country").order_by("pk")

    def url_for(self, object_id: int, lang: str) -> str:
        with translation.override(lang):
            return reverse("outreach:detail", kwargs={"pk": object_id})

    def facet_label(self, facet: str, value, lang: str) -> str | None:
        if facet == "doc_type" and value in Engagement.Kind.values:
            with translation.override(lang):
                return str(Engagement.Kind(value).label)
        return None


class MaterialSearchSource(SearchSource):
    kind = "outreach_material"
    label = _("Promotion and research material")

    def entry_for(self, obj: Material) -> SearchEntry | None:
        if obj.status != Material.Status.PUBLISHED:
            return None
        return SearchEntry(
            kind=self.kind, object_id=obj.pk, title_es=obj.title_es, title_en=obj.title_en or obj.title_es,
            date=obj.date, access_level=obj.access_level, summary_es=obj.summary_es, summary_en=obj.summary_en,
            keywords=obj.campaign, doc_type=obj.kind, year=obj.date.year, status=obj.status,
        )  # fmt: skip

    def iter_objects(self):
        return Material.objects.order_by("pk")

    def url_for(self, object_id: int, lang: str) -> str:
        with translation.override(lang):
            return reverse("outreach:material", kwargs={"pk": object_id})
