"""Tell the next actor that a case waits for them: in their language, with the case's code and
a link only (never a name, a country or a reason: the mail leaves the platform)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from secretaria.core import access
from secretaria.core.access import Role
from secretaria.core.tasks import queue_email
from secretaria.fund.models import Case, ExceptionApprover, FundRole, ProtocolSettings, Step

_SUBJECTS = {  # translated when the mail is written, in the reader's language
    Step.Kind.SUBMITTED: gettext_lazy("Reserve fund: case %(code)s was submitted and waits for IOM's assessment"),
    Step.Kind.ASSESSED: gettext_lazy("Reserve fund: case %(code)s was assessed and waits for a decision"),
    Step.Kind.EXCEPTION_APPROVED: gettext_lazy("Reserve fund: an exception was approved for case %(code)s"),
    Step.Kind.APPROVED: gettext_lazy("Reserve fund: funding for case %(code)s was approved"),
    Step.Kind.REJECTED: gettext_lazy("Reserve fund: case %(code)s was rejected"),
    Step.Kind.TRAVELLED: gettext_lazy("Reserve fund: travel of case %(code)s is recorded; it waits to be closed"),
    Step.Kind.CLOSED: gettext_lazy("Reserve fund: case %(code)s is closed"),
    Step.Kind.CANCELLED: gettext_lazy("Reserve fund: case %(code)s was cancelled"),
}


def _subject(kind: str, code: str) -> str:
    return str(_SUBJECTS[kind]) % {"code": code}


def _role_users(kind: str, **filters):
    return get_user_model().objects.filter(
        is_active=True,
        fund_roles__kind=kind,
        fund_roles__active=True,
        **{f"fund_roles__{k}": v for k, v in filters.items()},
    )


def recipients(case: Case, step_kind: str) -> list:
    officers = list(_role_users(FundRole.Kind.OFFICER).filter(role__in=[Role.SECRETARIAT, Role.ADMIN]))
    iom = list(_role_users(FundRole.Kind.IOM_OFFICE, country=case.country_present_id))
    requester = [u for u in (case.requester, case.created_by) if u is not None]
    if step_kind == Step.Kind.SUBMITTED:
        people = iom or officers
    elif step_kind == Step.Kind.ASSESSED:
        people = officers
        settings_row = ProtocolSettings.objects.filter(pk=1).first()
        approver = settings_row.exception_approver if settings_row else ExceptionApprover.PPT
        if case.needs_exception and approver == ExceptionApprover.PPT:
            people = [
                u for u in get_user_model().objects.filter(is_active=True, role=Role.PPT) if access.is_current_ppt(u)
            ]
    elif step_kind in (Step.Kind.EXCEPTION_APPROVED, Step.Kind.TRAVELLED):
        people = officers
    elif step_kind == Step.Kind.APPROVED:
        people = iom or officers
    else:
        people = requester
    seen, unique = set(), []
    for user in people:
        if user.pk not in seen and user.email:
            seen.add(user.pk)
            unique.append(user)
    return unique


def notify_next(*, case_id: int, step_kind: str) -> int:
    case = Case.objects.select_related("requester", "created_by").get(pk=case_id)
    sent = 0
    for user in recipients(case, step_kind):
        language = user.preferred_language if user.preferred_language in ("es", "en") else settings.LANGUAGE_CODE
        with translation.override(language):
            link = settings.SITE_URL + reverse("fund:case", args=[case.code])
            body = _("Case %(code)s waits for you on the platform:\n%(link)s\n\nSign in to see it.") % {
                "code": case.code,
                "link": link,
            }
            queue_email(subject=_subject(step_kind, case.code), body=body, to=[user.email])
        sent += 1
    return sent
