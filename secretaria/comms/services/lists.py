"""Writes of distribution lists and the rules that feed them from site events."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.comms import policy
from secretaria.comms.kinds import get_event_kind
from secretaria.comms.models import (
    ListRule,
    MailingList,
)
from secretaria.comms.search import ARCHIVED, index_message
from secretaria.core.audit import audit_access_change, audit_record


def require_manager(by) -> None:
    if by is not None and not policy.can_manage(by):
        raise PermissionDenied(_("Only the Technical Secretariat manages distribution lists."))


# --- Lists and rules ------------------------------------------------------------------------
def mailing_list_create(*, by=None, **fields) -> MailingList:
    require_manager(by)
    lst = MailingList(**fields)
    lst.full_clean()
    lst.save()
    activity_record(
        kind=Activity.Kind.LIST_CREATED,
        actor=by,
        obj=lst,
        engagement_es=lst.name_es,
        engagement_en=lst.name_en or lst.name_es,
        summary_es=f"Lista de distribución «{lst.name_es}» creada",
        summary_en=f"Distribution list “{lst.name_en or lst.name_es}” created",
    )
    return lst


@transaction.atomic
def mailing_list_update(*, by, mailing_list: MailingList, **fields) -> MailingList:
    """Change a list. A new access level, group or active state is audited and carried into the
    search index, so the archive's messages are found exactly by those who may now read them."""
    require_manager(by)
    old = MailingList.objects.select_for_update().get(pk=mailing_list.pk)
    for name, value in fields.items():
        setattr(mailing_list, name, value)
    mailing_list.full_clean()
    mailing_list.save()
    audit_access_change(
        obj=mailing_list,
        old_level=old.access_level,
        new_level=mailing_list.access_level,
        old_group=old.access_group_id,
        new_group=mailing_list.access_group_id,
        by=by,
    )
    if (old.access_level, old.access_group_id, old.is_active) != (
        mailing_list.access_level,
        mailing_list.access_group_id,
        mailing_list.is_active,
    ):
        for message in mailing_list.messages.filter(kind__in=ARCHIVED).select_related("mailing_list"):
            index_message(message)  # an inactive list's messages leave the index
    return mailing_list


def list_rule_delete(*, by, rule: ListRule) -> None:
    require_manager(by)
    audit_record(kind="comms.rule_deleted", actor=by, target=rule, event_kind=rule.event_kind)
    rule.delete()


def list_rule_create(*, by=None, mailing_list: MailingList, event_kind: str, **filters) -> ListRule:
    require_manager(by)
    if get_event_kind(event_kind) is None:
        raise ValidationError({"event_kind": _("Unknown event.")})
    return ListRule.objects.create(mailing_list=mailing_list, event_kind=event_kind, **filters)
