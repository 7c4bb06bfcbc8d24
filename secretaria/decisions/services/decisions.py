"""Writes of decisions: recording, changing, superseding and importing them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core import access
from secretaria.core.audit import audit_access_change, audit_record
from secretaria.decisions.models import (
    Decision,
)
from secretaria.decisions.parsing import pair_texts
from secretaria.search import services as search_services

SEARCH_KIND = "decision"


def _index(decision: Decision) -> None:
    search_services.index_object(SEARCH_KIND, decision)


def _require(user, rule: str, obj=None) -> None:
    if not access.can(user, rule, obj):
        raise PermissionDenied(_("You do not have permission to do this."))


# --- Decisions ---------------------------------------------------------------------------


def decision_create(
    *,
    meeting,
    number: int,
    by,
    paragraph: str = "",
    text_es: str = "",
    text_en: str = "",
    theme=None,
    kind: str = Decision.Kind.OPERATIONAL,
    access_level: str = access.AccessLevel.MEMBERS,
    access_group=None,
    supersedes: Decision | None = None,
    country_detail_public: bool = False,
) -> Decision:
    _require(by, "decisions.manage")
    decision = Decision(
        meeting=meeting,
        number=number,
        paragraph=paragraph.strip().lower(),
        text_es=text_es.strip(),
        text_en=text_en.strip(),
        theme=theme,
        kind=kind,
        access_level=access_level,
        access_group=access_group,
        supersedes=supersedes,
        country_detail_public=country_detail_public,
    )
    decision.full_clean()
    decision.save()
    audit_record(kind="decision_created", actor=by, target=f"decisions.decision:{decision.pk} {decision}")
    _index(decision)
    return decision


_EDITABLE = {
    "text_es",
    "text_en",
    "theme",
    "kind",
    "access_level",
    "access_group",
    "supersedes",
    "country_detail_public",
}


def decision_update(*, decision: Decision, by, **changes) -> Decision:
    _require(by, "decisions.manage")
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise TypeError(f"decision_update() cannot change {sorted(unknown)}")
    old_level, old_group = decision.access_level, decision.access_group_id
    for name, value in changes.items():
        setattr(decision, name, value)
    decision.full_clean()
    decision.save()
    audit_access_change(
        obj=decision,
        old_level=old_level,
        new_level=decision.access_level,
        old_group=old_group,
        new_group=decision.access_group_id,
        by=by,
    )
    _index(decision)
    return decision


def decision_supersede(*, decision: Decision, earlier: Decision, by) -> Decision:
    """Record that ``decision`` replaces ``earlier`` (both pages then show the link)."""
    if earlier.pk == decision.pk:
        raise ValidationError({"supersedes": _("A decision cannot supersede itself.")})
    return decision_update(decision=decision, by=by, supersedes=earlier)


@transaction.atomic
def decisions_import(
    *,
    meeting,
    text_es: str,
    text_en: str,
    by,
    theme=None,
    access_level: str = access.AccessLevel.MEMBERS,
    access_group=None,
) -> list[Decision]:
    """Save the decisions split from a pasted declaration (reviewed first on the preview page).

    A number already recorded for the meeting has its text replaced, not duplicated. A
    numbered paragraph that only introduces lettered sub-paragraphs is informational.
    """
    _require(by, "decisions.manage")
    pairing = pair_texts(text_es, text_en)
    if not pairing.items:
        raise ValidationError(_("No numbered paragraph was found in the text."))
    has_letters = {item.number for item in pairing.items if item.paragraph}
    saved = []
    for item in pairing.items:
        kind = (
            Decision.Kind.INFORMATIONAL
            if not item.paragraph and item.number in has_letters
            else Decision.Kind.OPERATIONAL
        )
        decision, created = Decision.objects.get_or_create(
            meeting=meeting,
            number=item.number,
            paragraph=item.paragraph,
            defaults={
                "text_es": item.text_es,
                "text_en": item.text_en,
                "kind": kind,
                "theme": theme,
                "access_level": access_level,
                "access_group": access_group,
            },
        )
        if not created:
            decision.text_es = item.text_es or decision.text_es
            decision.text_en = item.text_en or decision.text_en
            decision.save(update_fields=["text_es", "text_en", "updated_at"])
        saved.append(decision)
        _index(decision)
    audit_record(
        kind="decisions_imported", actor=by, target=f"meetings.meeting:{meeting.pk} {meeting}", count=len(saved)
    )
    activity_record(
        kind=Activity.Kind.OTHER,
        actor=by,
        meeting=meeting,
        summary_es=f"Registro de {len(saved)} decisiones y párrafos de la reunión {meeting.title_es}",
        summary_en=f"{len(saved)} decisions and paragraphs of {meeting.title_en or meeting.title_es} recorded",
    )
    return saved
