"""Writes of engagements: create and edit, the PPT's approval, what was delivered, follow-ups,
mission costs and promotion material. Every function is atomic: a refused step saves nothing."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from secretaria.core import access
from secretaria.core.tasks import queue_email
from secretaria.meetings.services.agenda import current_ppt_users
from secretaria.outreach.models import Engagement, EngagementDocument, FollowUp, Material, MissionCost
from secretaria.search.services import index_object

S = Engagement.Status

ENGAGEMENT = "outreach_engagement"
MATERIAL = "outreach_material"

EDITABLE_FIELDS = {
    "kind", "title_es", "title_en", "summary_es", "summary_en", "start_date", "end_date", "place", "country",
    "organization", "contact", "purpose_es", "purpose_en", "audience_es", "audience_en", "topics_es", "topics_en",
    "confidential_notes", "mission_report", "access_level", "needs_approval",
}  # fmt: skip


class OutreachError(ValidationError):
    pass


def _check(user, rule: str, obj, message: str) -> None:
    # ``by=None`` is the operator's script (demo data); views and the API pass the request's user.
    if user is None:
        return
    if not access.can(user, rule, obj):
        raise PermissionDenied(message)


def _manager(by) -> None:
    _check(by, "outreach.manage", None, _("Only the Technical Secretariat records outreach."))


def _set_people(engagement, *, secretariat_people, people_met, organizations_met) -> None:
    if secretariat_people is not None:
        engagement.secretariat_people.set(list(secretariat_people))
    if people_met is not None:
        engagement.people_met.set(list(people_met))
    if organizations_met is not None:
        engagement.organizations_met.set(list(organizations_met))


@transaction.atomic
def engagement_create(
    *,
    by,
    kind: str,
    title_es: str,
    summary_es: str,
    start_date: datetime.date,
    secretariat_people: Iterable = (),
    people_met: Iterable = (),
    organizations_met: Iterable = (),
    notify: bool = True,
    **fields,
) -> Engagement:
    """Record an engagement. One that needs the PPT's approval is sent to it at once (its
    officials get an e-mail); an informal meeting needs none and starts planned."""
    _manager(by)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise OutreachError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    fields.setdefault("needs_approval", kind not in (Engagement.Kind.INFORMAL,))
    engagement = Engagement(
        kind=kind, title_es=(title_es or "").strip(), summary_es=(summary_es or "").strip(), start_date=start_date,
        created_by=by, **fields,
    )  # fmt: skip
    if engagement.needs_approval:
        engagement.status, engagement.requested_at = S.REQUESTED, timezone.now()
    else:
        engagement.status = S.PLANNED
    engagement.full_clean()
    engagement.save()
    _set_people(
        engagement, secretariat_people=secretariat_people, people_met=people_met, organizations_met=organizations_met
    )
    index_object(ENGAGEMENT, engagement)
    if engagement.needs_approval:
        _notify_ppt(engagement, enabled=notify)
    return engagement


@transaction.atomic
def engagement_update(
    *, engagement: Engagement, by, secretariat_people=None, people_met=None, organizations_met=None, **fields
) -> Engagement:
    _manager(by)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise OutreachError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    changes_approval = "needs_approval" in fields and fields["needs_approval"] != engagement.needs_approval
    if changes_approval and engagement.status not in (S.PLANNED, S.REQUESTED):
        raise OutreachError(_("The PPT has already decided on this engagement."))
    for name, value in fields.items():
        setattr(engagement, name, value.strip() if isinstance(value, str) else value)
    if engagement.status in (S.PLANNED, S.REQUESTED):
        engagement.status = S.REQUESTED if engagement.needs_approval else S.PLANNED
    engagement.full_clean()
    engagement.save()
    _set_people(
        engagement, secretariat_people=secretariat_people, people_met=people_met, organizations_met=organizations_met
    )
    index_object(ENGAGEMENT, engagement)
    return engagement


# --- The Pro-Tempore Presidency's decision ---------------------------------------------------

REQUEST_SUBJECT = gettext_noop("Outreach waiting for your approval: %(title)s")
REQUEST_BODY = gettext_noop(
    "The Technical Secretariat asks the Pro-Tempore Presidency to approve its participation in:\n\n"
    "%(title)s\n%(dates)s, %(place)s\n\nApprove or decline it here:\n%(url)s\n"
)
DECIDED_SUBJECT = gettext_noop("The PPT decided on: %(title)s")
DECIDED_BODY = gettext_noop(
    "The Pro-Tempore Presidency %(decision)s the engagement:\n%(title)s\n%(comment)s\n%(url)s\n"
)


def engagement_url(engagement: Engagement) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("outreach:detail", kwargs={"pk": engagement.pk})


def _mail(users, *, subject: str, body: str, engagement: Engagement, extra=None, enabled: bool = True) -> None:
    if not enabled:
        return
    for user in users:
        if not user.email:
            continue
        lang = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(lang):
            values = {
                "title": engagement.title_en if lang == "en" and engagement.title_en else engagement.title_es,
                "dates": engagement.start_date.isoformat()
                + (f" – {engagement.end_date.isoformat()}" if engagement.end_date else ""),
                "place": engagement.place or "—",
                "url": engagement_url(engagement),
                **{k: (_(v) if isinstance(v, str) and k == "decision" else v) for k, v in (extra or {}).items()},
            }
            queue_email(subject=_(subject) % values, body=_(body) % values, to=[user.email])


def _notify_ppt(engagement: Engagement, *, enabled: bool) -> None:
    _mail(current_ppt_users(), subject=REQUEST_SUBJECT, body=REQUEST_BODY, engagement=engagement, enabled=enabled)


def _decide(*, engagement: Engagement, by, to: str, comment: str, on, notify: bool) -> Engagement:
    _check(
        by, "outreach.decide", engagement,
        _("Only an official of the country that holds the Pro-Tempore Presidency today decides on outreach."),
    )  # fmt: skip
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    if engagement.status != S.REQUESTED:
        raise OutreachError(_("Only an engagement awaiting the PPT's approval can be decided on."))
    engagement.status, engagement.decided_at, engagement.decided_by = to, on or timezone.now(), by
    engagement.decision_comment = (comment or "").strip()
    engagement.save(update_fields=["status", "decided_at", "decided_by", "decision_comment"])
    index_object(ENGAGEMENT, engagement)
    if engagement.created_by is not None:
        decision = gettext_noop("approved") if to == S.APPROVED else gettext_noop("declined")
        _mail(
            [engagement.created_by], subject=DECIDED_SUBJECT, body=DECIDED_BODY, engagement=engagement,
            extra={"decision": decision, "comment": engagement.decision_comment}, enabled=notify,
        )  # fmt: skip
    return engagement


@transaction.atomic
def engagement_approve(*, engagement: Engagement, by, comment: str = "", on=None, notify: bool = True) -> Engagement:
    return _decide(engagement=engagement, by=by, to=S.APPROVED, comment=comment, on=on, notify=notify)


@transaction.atomic
def engagement_decline(*, engagement: Engagement, by, comment: str, on=None, notify: bool = True) -> Engagement:
    if not (comment or "").strip():
        raise OutreachError({"comment": _("Say why the Presidency declines.")})
    return _decide(engagement=engagement, by=by, to=S.DECLINED, comment=comment, on=on, notify=notify)


_CLOSING = {S.ATTENDED: (S.APPROVED, S.PLANNED), S.CANCELLED: (S.APPROVED, S.PLANNED, S.REQUESTED)}


@transaction.atomic
def engagement_close(*, engagement: Engagement, by, to: str) -> Engagement:
    """Mark it attended (after the PPT's approval, or planned without one) or cancelled."""
    _manager(by)
    if to not in _CLOSING:
        raise OutreachError(_("An engagement ends attended or cancelled."))
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    if engagement.status not in _CLOSING[to]:
        if to == S.ATTENDED and engagement.status == S.REQUESTED:
            raise OutreachError(_("The PPT has not approved this engagement yet."))
        raise OutreachError(_("This engagement cannot move from “%(status)s”.") % {
            "status": engagement.get_status_display()})  # fmt: skip
    engagement.status = to
    engagement.save(update_fields=["status"])
    index_object(ENGAGEMENT, engagement)
    return engagement


# --- What was delivered, outcomes, costs ---------------------------------------------------


@transaction.atomic
def deliverable_add(*, engagement: Engagement, by, document, role: str = EngagementDocument.Role.PRESENTATION):
    _manager(by)
    if document is None:
        raise OutreachError({"document": _("Choose a document of the documents app.")})
    link, _created = EngagementDocument.objects.get_or_create(
        engagement=engagement, document=document, defaults={"role": role}
    )
    link.full_clean()
    index_object(ENGAGEMENT, engagement)
    return link


@transaction.atomic
def follow_up_add(*, engagement: Engagement, by, text_es: str, text_en: str = "", kind=FollowUp.Kind.OUTCOME,
                  due_on=None, done_on=None) -> FollowUp:  # fmt: skip
    _manager(by)
    item = FollowUp(
        engagement=engagement, kind=kind, text_es=(text_es or "").strip(), text_en=(text_en or "").strip(),
        due_on=due_on, done_on=done_on,
    )  # fmt: skip
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def mission_cost_add(*, engagement: Engagement, by, **fields) -> MissionCost:
    _manager(by)
    if engagement.kind != Engagement.Kind.MISSION:
        raise OutreachError(_("Costs are recorded for missions."))
    cost = MissionCost(engagement=engagement, **fields)
    cost.full_clean()
    cost.save()
    return cost


# --- Promotion and research material -------------------------------------------------------

_MATERIAL_NEXT = {Material.Status.DRAFT: Material.Status.REVIEWED, Material.Status.REVIEWED: Material.Status.PUBLISHED}


MATERIAL_FIELDS = ("kind", "title_es", "title_en", "summary_es", "summary_en", "date", "engagement", "campaign",
                   "document", "access_level")  # fmt: skip


def _material_clean(material: Material) -> None:
    if material.engagement_id is None and not material.campaign.strip():
        raise OutreachError({"engagement": _("Link the material to an engagement or name the campaign it serves.")})
    material.full_clean()


@transaction.atomic
def material_create(*, by, **fields) -> Material:
    """A new piece of material starts as a draft (the Secretariat reviews, then publishes it)."""
    _manager(by)
    material = Material(**fields)
    material.status = Material.Status.DRAFT
    _material_clean(material)
    material.save()
    index_object(MATERIAL, material)
    return material


@transaction.atomic
def material_update(*, material: Material, by, **fields) -> Material:
    """Edit a piece of material; its status and review stay as they are (a published piece keeps
    its document: publishing needed it)."""
    _manager(by)
    unknown = set(fields) - set(MATERIAL_FIELDS)
    if unknown:
        raise OutreachError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    material = Material.objects.select_for_update().get(pk=material.pk)
    for name, value in fields.items():
        setattr(material, name, value.strip() if isinstance(value, str) else value)
    if material.status == Material.Status.PUBLISHED and material.document_id is None:
        raise OutreachError({"document": _("A published piece keeps its document.")})
    _material_clean(material)
    material.save()
    index_object(MATERIAL, material)
    return material


@transaction.atomic
def material_advance(*, material: Material, by, at=None) -> Material:
    """draft → reviewed → published. The reviewer is recorded; publishing needs a document."""
    _manager(by)
    material = Material.objects.select_for_update().get(pk=material.pk)
    target = _MATERIAL_NEXT.get(material.status)
    if target is None:
        raise OutreachError(_("This material is already published."))
    now = at or timezone.now()
    if target == Material.Status.REVIEWED:
        material.reviewed_at, material.reviewed_by = now, by
    else:
        if material.document_id is None:
            raise OutreachError({"document": _("Attach the document before publishing.")})
        material.published_at = now
    material.status = target
    material.save()
    index_object(MATERIAL, material)
    return material
