"""The decisions' section of the bulletins: decisions recorded, changed or reported on in the period.

Registered from ``DecisionsConfig.ready()``. An entry names the decision and links to it; the
progress notes themselves stay on the decision's page, behind its own access rules.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import translation

from secretaria.comms.bulletins import BulletinEntry, BulletinSection, period_bounds, register_bulletin_section
from secretaria.comms.kinds import LANGS, absolute
from secretaria.core.i18n import pick
from secretaria.decisions.models import CommitmentParty, Decision


def decisions_updated(start, end) -> list[BulletinEntry]:
    low, high = period_bounds(start, end)

    noted = Q(commitments__parties__notes__recorded_at__gte=low, commitments__parties__notes__recorded_at__lt=high)
    # A country's own progress is members' business unless the decision's country detail is
    # public: its notes must not surface in a public bulletin through the decision's level.
    others = [kind for kind in CommitmentParty.Kind.values if kind != CommitmentParty.Kind.COUNTRY]
    shown = Q(commitments__parties__kind__in=others) | Q(country_detail_public=True)
    changed = Q(updated_at__gte=low, updated_at__lt=high) | (noted & shown)
    ids = Decision.objects.filter(changed).values("pk").distinct()
    entries = []
    for decision in (
        Decision.objects.filter(pk__in=ids).select_related("meeting").order_by("meeting__start_date", "order")
    ):
        titles, urls = {}, {}
        for lang in LANGS:
            with translation.override(lang):
                titles[lang] = f"{pick(decision.meeting, 'title', lang)}, {decision.label_in(lang)}"
                urls[lang] = absolute(decision.get_absolute_url())
        entries.append(
            BulletinEntry(
                title_es=titles["es"],
                title_en=titles["en"],
                url_es=urls["es"],
                url_en=urls["en"],
                date=decision.updated_at.date(),
                access_level=decision.access_level,
                access_group_id=decision.access_group_id,
            )
        )
    return entries


def register() -> None:
    register_bulletin_section(
        BulletinSection("decisions", "Decisiones actualizadas", "Decisions updated", decisions_updated, 50)
    )
