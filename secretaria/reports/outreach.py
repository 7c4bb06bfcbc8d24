"""Section B of the report, from the outreach app's ``outreach_for_period``: events attended
with the PPT's approval, papers presented, informal meetings, research and promotion material
and inquiries answered, in the seed's order, one bullet per item under a heading per group.

Missions belong to section A (the seed tells the visit to Panama among the support to the
meetings, from the activity record): a mission is told here only when no mission entry of the
activity record names it, so it is told once."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from secretaria.activity.models import Activity
from secretaria.outreach.models import Engagement
from secretaria.outreach.selectors.report import outreach_for_period
from secretaria.reports.sections import Paragraph, Period, Section

INTRO_ES = (
    "Con el objetivo de promocionar los trabajos y logros de la CRM, el Coordinador fue invitado a participar en "
    "varios eventos a los que asistió con la aprobación de la Presidencia Pro-Témpore:"
)
INTRO_EN = (
    "To promote the work and achievements of the RCM, the Coordinator was invited to several events, which he "
    "attended with the approval of the Pro-Tempore Presidency:"
)
# The key of each item's paragraph: the record it comes from (stable between two generations).
ITEM_KEYS = {"events": "engagement", "papers": "paper", "informal": "engagement", "material": "material",
             "inquiries": "inquiry", "missions": "engagement"}  # fmt: skip


def _missions_told_in_a() -> set[str]:
    ct = ContentType.objects.get_for_model(Engagement)
    return set(Activity.objects.filter(kind=Activity.Kind.MISSION, content_type=ct).values_list("object_id", flat=True))


def outreach(period: Period) -> Section | None:
    groups = outreach_for_period(period.start, period.end)
    told_in_a = _missions_told_in_a()
    section = Section(
        "outreach", "B. Actividades de acercamiento (outreach) y abogacía (advocacy)",
        "B. Outreach and advocacy activities",
    )  # fmt: skip
    counts = {}
    for group in groups:
        items = group.items
        if group.key == "missions":
            items = [i for i in items if str(i.obj.pk) not in told_in_a]
        if not items:
            continue
        counts[group.key] = len(items)
        section.paragraphs.append(Paragraph(f"outreach.{group.key}", group.title_es, group.title_en, style="heading"))
        if group.key == "events":
            section.paragraphs.append(Paragraph("outreach.events.intro", INTRO_ES, INTRO_EN, style="text"))
        for item in items:
            key = f"outreach.{ITEM_KEYS[group.key]}.{item.obj.pk}"
            section.paragraphs.append(Paragraph(key, item.summary_es, item.summary_en))
    if not counts:
        return None
    section.data = {"counts": counts}
    return section
