"""The period's outreach for the six-monthly report, in the order and grouping of the seed's
section B: events attended with the PPT's approval, papers presented, informal meetings,
research and promotion material, inquiries answered; then the missions (section A of the seed
lists the visit to Panama among the logistics work). Each item has a date, a kind and a
one-line summary in both languages. Nothing confidential and no requester's data is included.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from secretaria.outreach.models import Engagement, EngagementDocument, Inquiry, Material

E = Engagement.Status


@dataclass
class OutreachItem:
    date: datetime.date
    kind: str
    summary_es: str
    summary_en: str
    obj: object = None


@dataclass
class OutreachGroup:
    key: str
    title_es: str
    title_en: str
    items: list[OutreachItem] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)


GROUPS = [
    ("events", "Eventos a los que asistió con la aprobación de la Presidencia Pro-Témpore",
     "Events attended with the approval of the Pro-Tempore Presidency"),
    ("papers", "Documentos presentados", "Papers presented"),
    ("informal", "Reuniones informales", "Informal meetings"),
    ("material", "Documentos de investigación y de promoción", "Research and promotion material"),
    ("inquiries", "Consultas atendidas", "Inquiries answered"),
    ("missions", "Misiones", "Missions"),
]  # fmt: skip


def _in_period(start, end) -> Q:
    return Q(start_date__gte=start, start_date__lte=end)


def outreach_for_period(start: datetime.date, end: datetime.date) -> list[OutreachGroup]:
    groups = {key: OutreachGroup(key, es, en) for key, es, en in GROUPS}
    attended = (
        Engagement.objects.filter(_in_period(start, end), status=E.ATTENDED)
        .select_related("country")
        .order_by("start_date", "pk")
    )
    for engagement in attended:
        item = OutreachItem(engagement.start_date, engagement.kind, engagement.summary_es,
                            engagement.summary_en or engagement.summary_es, engagement)  # fmt: skip
        if engagement.kind == Engagement.Kind.INFORMAL:
            groups["informal"].items.append(item)
        elif engagement.kind == Engagement.Kind.MISSION:
            groups["missions"].items.append(item)
        elif engagement.approved_by_ppt:
            groups["events"].items.append(item)
    papers = (
        EngagementDocument.objects.filter(engagement__in=[e for e in attended if e.kind != Engagement.Kind.MISSION],
                                          role__in=[EngagementDocument.Role.PAPER, EngagementDocument.Role.PRESENTATION])
        .select_related("document", "engagement")
        .order_by("engagement__start_date", "pk")
    )  # fmt: skip
    for link in papers:
        doc, engagement = link.document, link.engagement
        title_en = doc.title_en or doc.title_es
        groups["papers"].items.append(OutreachItem(
            engagement.start_date, link.role,
            f"«{doc.title_es}», {engagement.title_es}",
            f"“{title_en}”, {engagement.title_en or engagement.title_es}", link,
        ))  # fmt: skip
    published = Material.objects.filter(status=Material.Status.PUBLISHED)  # a draft is not yet the Secretariat's
    for material in published.filter(date__gte=start, date__lte=end).order_by("date", "pk"):
        groups["material"].items.append(OutreachItem(material.date, material.kind, material.summary_es,
                                                     material.summary_en or material.summary_es, material))  # fmt: skip
    answered = Inquiry.objects.filter(first_response_at__date__gte=start, first_response_at__date__lte=end).order_by(
        "first_response_at", "pk"
    )
    for inquiry in answered:
        # Only the Secretariat's one-line summary (or the topic): never the requester's data. The
        # inquiry itself is passed for its pk (the report's stable paragraph key), not to be shown.
        es = inquiry.summary_es or f"Consulta sobre {inquiry.topic or 'un tema de la CRM'}"
        en = inquiry.summary_en or (f"Inquiry on {inquiry.topic}" if inquiry.topic else "Inquiry on the RCM")
        groups["inquiries"].items.append(OutreachItem(inquiry.first_response_at.date(), "inquiry", es, en, inquiry))
    return [groups[key] for key, _es, _en in GROUPS]
