"""A case through its steps, through the services: status from the records, money reserved,
disbursed and released, every refusal writing nothing."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from secretaria.fund import ledger
from secretaria.fund.models import Account, Case, CaseStatus, Category, Posting, Step
from secretaria.fund.services import cases as s
from secretaria.fund.tests.conftest import MARKER, case_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_it_runs_a_case_from_submission_to_closure_and_keeps_the_money_straight(
    crm, submitted_case, iom_mx, fund_officer, funded
):
    case = submitted_case
    assert s.case_status(case) == CaseStatus.SUBMITTED
    s.case_assess(case=case, by=iom_mx, eligible=True)
    s.case_approve(case=case, by=fund_officer, amount=Decimal("700"))
    assert ledger.available() == Decimal("4300.00")
    assert ledger.reserved_for(case) == Decimal("700.00")
    s.travel_record(case=case, by=iom_mx)
    s.case_close(case=case, by=fund_officer, actual_costs=[("transport", "380"), ("escort", "300")],
                 return_report="Llegó bien")  # fmt: skip
    assert s.case_status(case) == CaseStatus.CLOSED
    assert ledger.reserved_for(case) == 0
    assert ledger.balance(Account.DISBURSED) == Decimal("680.00")
    assert ledger.available() == Decimal("4320.00")
    kinds = list(case.steps.values_list("kind", flat=True))
    assert kinds == ["submitted", "assessed", "approved", "travelled", "closed"]
    assert all(step.actor_id for step in case.steps.all())


def test_each_step_notifies_the_next_actor_with_only_the_code_and_a_link(
    crm, requester_gt, iom_mx, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submitted_case = s.case_create(by=requester_gt, data=case_data(crm), costs=[("transport", "400")])
        s.case_submit(case=submitted_case, by=requester_gt)
    assert mail.outbox, "the IOM office is told a case waits"
    message = mail.outbox[-1]
    assert message.to == [iom_mx.email]
    assert submitted_case.code in message.subject
    assert MARKER not in message.subject + message.body
    assert f"/{submitted_case.code}/" in message.body


def test_an_amount_above_the_cap_needs_an_exception_from_the_ppt(crm, requester_gt, iom_mx, fund_officer,
                                                              ppt_approver, funded):  # fmt: skip
    case = s.case_create(by=requester_gt, data=case_data(crm), costs=[("transport", "900"), ("medical", "400")])
    s.case_submit(case=case, by=requester_gt)
    s.case_assess(case=case, by=iom_mx, eligible=True)
    with pytest.raises(ValidationError, match="exception must be approved first"):
        s.case_approve(case=case, by=fund_officer, amount=Decimal("1300"))
    assert not Posting.objects.filter(case=case).exists()
    with pytest.raises(PermissionDenied):
        s.exception_approve(case=case, by=fund_officer, amount=Decimal("1300"), reason="medical escort")
    with pytest.raises(ValidationError):
        s.exception_approve(case=case, by=ppt_approver, amount=Decimal("1300"), reason="")
    s.exception_approve(case=case, by=ppt_approver, amount=Decimal("1300"), reason="medical escort")
    with pytest.raises(ValidationError, match="above the exception"):
        s.case_approve(case=case, by=fund_officer, amount=Decimal("1400"))
    s.case_approve(case=case, by=fund_officer, amount=Decimal("1300"))
    assert s.case_status(case) == CaseStatus.APPROVED


def test_the_database_refuses_an_approved_amount_above_the_cap_without_exception(crm, submitted_case):
    from django.db import IntegrityError, transaction

    Case.objects.filter(pk=submitted_case.pk).update(cap_usd=Decimal("1000"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=submitted_case.pk).update(approved_usd=Decimal("1000.01"))


def test_the_fund_never_reserves_more_than_it_has(crm, submitted_case, iom_mx, fund_officer):
    s.case_assess(case=submitted_case, by=iom_mx, eligible=True)
    with pytest.raises(ValidationError, match="available"):
        s.case_approve(case=submitted_case, by=fund_officer, amount=Decimal("700"))
    assert s.case_status(submitted_case) == CaseStatus.ASSESSED
    assert Case.objects.get(pk=submitted_case.pk).approved_usd is None


def test_cancellation_releases_the_reservation(crm, submitted_case, iom_mx, fund_officer, funded):
    s.case_assess(case=submitted_case, by=iom_mx, eligible=True)
    s.case_approve(case=submitted_case, by=fund_officer, amount=Decimal("700"))
    with pytest.raises(ValidationError):
        s.case_cancel(case=submitted_case, by=fund_officer, reason="  ")
    s.case_cancel(case=submitted_case, by=fund_officer, reason="La familia viajó por su cuenta")
    assert s.case_status(submitted_case) == CaseStatus.CANCELLED
    assert ledger.available() == Decimal("5000.00")
    assert ledger.reserved_for(submitted_case) == 0


def test_invalid_transitions_and_wrong_actors_are_refused(
    crm, submitted_case, iom_mx, fund_officer, requester_gt, funded
):
    with pytest.raises(ValidationError, match="does not apply"):
        s.case_approve(case=submitted_case, by=fund_officer, amount=Decimal("100"))
    with pytest.raises(PermissionDenied):
        s.case_assess(case=submitted_case, by=requester_gt, eligible=True)
    with pytest.raises(ValidationError):
        s.case_assess(case=submitted_case, by=iom_mx, eligible=False, reason="")
    s.case_assess(case=submitted_case, by=iom_mx, eligible=False, reason="Tiene 19 años")
    with pytest.raises(ValidationError, match="not eligible"):
        s.case_approve(case=submitted_case, by=fund_officer, amount=Decimal("100"))
    s.case_reject(case=submitted_case, by=fund_officer, reason="No elegible")
    assert s.case_status(submitted_case) == CaseStatus.REJECTED
    assert Step.objects.filter(case=submitted_case).count() == 3


def test_an_ineligible_category_or_other_without_reason_cannot_be_submitted(crm, requester_gt, fund_officer):
    from secretaria.fund.services.protocol import protocol_settings_update

    protocol_settings_update(by=fund_officer, categories=["minor", "illness"], reason="test")
    case = s.case_create(by=requester_gt, data=case_data(crm, category=Category.OVER_70), costs=[("transport", "10")])
    with pytest.raises(ValidationError, match="not eligible"):
        s.case_submit(case=case, by=requester_gt)
    with pytest.raises(ValidationError, match="other"):
        s.case_create(by=requester_gt, data=case_data(crm, category=Category.OTHER), costs=[])
    assert s.case_status(case) == CaseStatus.DRAFT


def test_a_duplicate_is_flagged_by_keyed_hash_without_decrypting(crm, requester_gt, submitted_case):
    again = s.case_create(
        by=requester_gt,
        data=case_data(crm, identity_document="other", given_names=f"  {MARKER.upper()} ana ",
                       family_names=f"{MARKER} Lopez"),
    )  # fmt: skip
    assert list(s.possible_duplicates(again)) == [submitted_case]
    assert MARKER not in again.name_dob_hash and len(again.name_dob_hash) == 64


def test_the_notification_is_in_the_recipients_language(crm, requester_gt, iom_mx, django_capture_on_commit_callbacks):
    iom_mx.preferred_language = "es"
    iom_mx.save()
    with django_capture_on_commit_callbacks(execute=True):
        case = s.case_create(by=requester_gt, data=case_data(crm), costs=[("transport", "400")])
        s.case_submit(case=case, by=requester_gt)
    assert mail.outbox[-1].subject.startswith("Fondo de reserva: el caso")
    assert "/es/fondo-de-reserva/casos/" in mail.outbox[-1].body


def test_amounts_that_are_not_money_are_refused_cleanly(crm, submitted_case, iom_mx, fund_officer, funded):
    s.case_assess(case=submitted_case, by=iom_mx, eligible=True)
    for bad in ("NaN", "Infinity", "1e40", "abc"):
        with pytest.raises(ValidationError):
            s.case_approve(case=submitted_case, by=fund_officer, amount=bad)
    assert s.case_status(submitted_case) == CaseStatus.ASSESSED


def test_the_status_of_a_case_loaded_without_the_list_is_its_last_step(crm, submitted_case):
    from secretaria.fund.selectors import status_of

    assert status_of(Case.objects.get(pk=submitted_case.pk)) == CaseStatus.SUBMITTED
