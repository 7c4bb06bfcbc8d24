"""Who sees and does what in the reserve fund (registered in core.access's table).

Fund roles: a *fund officer* (Secretariat staff granted the role), the *IOM office* of a
country (granted, with the country), a *requester* (granted, with the requester kind), and the
*PPT approver*, who is not granted: the officials of the country holding the Pro-Tempore
Presidency today, when the protocol settings name the PPT as the approver of exceptions.
Every fund role needs TOTP two-factor authentication; without it a user has no fund role.

Nobody else learns that a case exists: the views answer 404 for a case outside
``visible_cases``, never 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.db.models import Q

from secretaria.core import access
from secretaria.core.access import Role
from secretaria.fund.models import ExceptionApprover, FundRole, ProtocolSettings, Step


@dataclass(frozen=True)
class FundAccess:
    officer: bool = False
    iom_countries: frozenset[int] = frozenset()
    requester_kinds: frozenset[str] = frozenset()
    ppt_approver: bool = False
    needs_totp: bool = False  # holds a fund role but has no TOTP yet

    @property
    def any(self) -> bool:
        return self.officer or bool(self.iom_countries) or bool(self.requester_kinds) or self.ppt_approver


NONE = FundAccess()


def protocol_settings() -> ProtocolSettings:
    return ProtocolSettings.objects.get_or_create(pk=1)[0]


def _has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def fund_access(user) -> FundAccess:
    """The user's fund roles (kept on the user object for the request)."""
    if access.role_of(user) is None:
        return NONE
    cached = getattr(user, "_fund_access", None)
    if cached is not None:
        return cached
    officer = False
    iom: set[int] = set()
    kinds: set[str] = set()
    for kind, country_id, requester_kind in FundRole.objects.filter(user=user, active=True).values_list(
        "kind", "country_id", "requester_kind"
    ):
        if kind == FundRole.Kind.OFFICER and access.role_of(user) in (Role.SECRETARIAT, Role.ADMIN):
            officer = True
        elif kind == FundRole.Kind.IOM_OFFICE and country_id:
            iom.add(country_id)
        elif kind == FundRole.Kind.REQUESTER and requester_kind:
            kinds.add(requester_kind)
    ppt = access.is_current_ppt(user) and protocol_settings().exception_approver == ExceptionApprover.PPT
    result = FundAccess(officer, frozenset(iom), frozenset(kinds), ppt)
    if result.any and not _has_totp(user):
        result = FundAccess(needs_totp=True)
    user._fund_access = result
    return result


def forget(user) -> None:
    if hasattr(user, "_fund_access"):
        del user._fund_access


def visible_cases_filter(user) -> Q | None:
    """A Q for the cases ``user`` may know of, or None for none at all."""
    fa = fund_access(user)
    if not fa.any:
        return None
    if fa.officer:
        return Q()
    q = Q(pk__in=[])
    if fa.iom_countries:
        q |= Q(country_present__in=fa.iom_countries)
    if fa.requester_kinds:
        q |= Q(requester=user.pk) | Q(created_by=user.pk)
    if fa.ppt_approver:
        # What it must approve: cases whose estimate is above the cap, from assessment on.
        q |= Q(needs_exception=True, pk__in=Step.objects.filter(kind=Step.Kind.ASSESSED).values("case_id"))
    return q


def may_see_personal_data(user, case) -> bool:
    """Who may reveal (with a reason): officers, the IOM office of the case's country and the
    requester of its own case. The PPT decides on amounts without the identity."""
    fa = fund_access(user)
    if case.personal_data_erased_at:
        return False
    return (
        fa.officer
        or case.country_present_id in fa.iom_countries
        or (bool(fa.requester_kinds) and user.pk in (case.requester_id, case.created_by_id))
    )


def may_submit(user) -> bool:
    fa = fund_access(user)
    return bool(fa.requester_kinds) or bool(fa.iom_countries) or fa.officer


def may_assess(user, case) -> bool:
    return case.country_present_id in fund_access(user).iom_countries or fund_access(user).officer


def may_decide(user, case=None) -> bool:
    return fund_access(user).officer


def may_approve_exception(user, case=None) -> bool:
    fa = fund_access(user)
    if protocol_settings().exception_approver == ExceptionApprover.PPT:
        return fa.ppt_approver
    return fa.officer


def may_record_travel(user, case) -> bool:
    return may_assess(user, case)


def may_cancel(user, case) -> bool:
    fa = fund_access(user)
    return fa.officer or case.country_present_id in fa.iom_countries or user.pk in (case.requester_id,)


def register() -> None:
    access.register_rule("fund.enter", lambda user, obj: fund_access(user).any)
    access.register_rule("fund.manage", lambda user, obj: fund_access(user).officer)
    access.register_rule("fund.submit", lambda user, obj: may_submit(user))
    access.register_rule("fund.reveal", may_see_personal_data)
