"""Key rotation re-encrypts with the newest key; retention erases personal data and keeps the
anonymised record and the money."""

import datetime
import io
from decimal import Decimal

import pytest
from cryptography.fernet import Fernet
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from secretaria.fund import ledger
from secretaria.fund.models import Attachment, Case, Posting
from secretaria.fund.services import attachments
from secretaria.fund.services import cases as s
from secretaria.fund.tests.conftest import MARKER

pytestmark = pytest.mark.django_db


def _raw(column="given_names"):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM fund_case")  # noqa: S608
        return cursor.fetchone()[0]


def test_rotate_fund_keys_re_encrypts_values_and_files_with_the_newest_key(settings, submitted_case, requester_gt):
    old = settings.FUND_ENCRYPTION_KEYS[0]
    upload = SimpleUploadedFile("consent.txt", f"Consent of {MARKER}\n".encode())
    attachment = attachments.attachment_add(
        case=submitted_case, by=requester_gt, kind="consent", fileobj=upload, name="consent.txt"
    )
    new = Fernet.generate_key().decode()
    settings.FUND_ENCRYPTION_KEYS = [new, old]
    before = _raw()
    out = io.StringIO()
    call_command("rotate_fund_keys", stdout=out)
    assert "files" in out.getvalue()
    assert _raw() != before
    settings.FUND_ENCRYPTION_KEYS = [new]  # the old key is gone: everything still reads
    case = Case.objects.get(pk=submitted_case.pk)
    assert case.given_names == f"{MARKER} Ana"
    assert case.steps.count() == 1
    assert Attachment.objects.get(pk=attachment.pk).filename == "consent.txt"
    data = attachments.attachment_open(attachment=attachment, by=requester_gt, reason="after rotation")
    assert MARKER.encode() in data
    Fernet(new.encode()).decrypt(_raw().encode())  # encrypted with the new key alone


def _closed_case(submitted_case, iom_mx, fund_officer):
    s.case_assess(case=submitted_case, by=iom_mx, eligible=True)
    s.case_approve(case=submitted_case, by=fund_officer, amount=Decimal("700"))
    s.travel_record(case=submitted_case, by=iom_mx)
    s.case_close(case=submitted_case, by=fund_officer, actual_costs=[("transport", "650")], return_report=MARKER)
    return submitted_case


def test_retention_erases_old_cases_keeping_the_record_and_the_money(
    submitted_case, iom_mx, fund_officer, funded, requester_gt
):
    case = _closed_case(submitted_case, iom_mx, fund_officer)
    upload = SimpleUploadedFile("report.txt", b"return report\n")
    attachments.attachment_add(case=case, by=fund_officer, kind="return_report", fileobj=upload, name="r.txt")
    out = io.StringIO()
    call_command("erase_fund_personal_data", "--dry-run", stdout=out)
    assert "0 case" in out.getvalue()
    later = timezone.now() + datetime.timedelta(days=366 * 6)
    from secretaria.fund.retention import erase_due

    assert erase_due(dry_run=True, now=later) == [case.code]
    assert Case.objects.get(pk=case.pk).given_names  # dry run changed nothing
    assert erase_due(now=later) == [case.code]
    erased = Case.objects.get(pk=case.pk)
    assert erased.given_names == "" and erased.identity_document == "" and erased.return_report == ""
    assert erased.personal_data_erased_at is not None
    assert (erased.category, erased.sex, erased.age_band) == ("minor", "f", "12-17")
    assert erased.actual_usd == Decimal("650.00")
    assert not erased.attachments.exists()
    assert Posting.objects.filter(case=case).count() == 3
    assert ledger.available() == Decimal("4350.00")
    assert erase_due(now=later) == []


def test_fund_grant_role_refuses_bad_input(crm, gt_official):
    with pytest.raises(CommandError):
        call_command("fund_grant_role", "nobody", "officer")
    with pytest.raises(CommandError):
        call_command("fund_grant_role", gt_official.username, "iom")  # an IOM office needs its country
    call_command("fund_grant_role", gt_official.username, "requester", "--kind", "return", stdout=io.StringIO())
    assert gt_official.fund_roles.get().requester_kind == "return"


@pytest.mark.s3
def test_rotate_fund_keys_rewrites_files_on_object_storage(s3_bucket, settings, submitted_case, requester_gt):
    old = settings.FUND_ENCRYPTION_KEYS[0]
    upload = SimpleUploadedFile("consent.txt", f"Consent of {MARKER}\n".encode())
    attachment = attachments.attachment_add(
        case=submitted_case, by=requester_gt, kind="consent", fileobj=upload, name="consent.txt"
    )
    new = Fernet.generate_key().decode()
    settings.FUND_ENCRYPTION_KEYS = [new, old]
    call_command("rotate_fund_keys", stdout=io.StringIO())
    settings.FUND_ENCRYPTION_KEYS = [new]
    data = attachments.attachment_open(attachment=attachment, by=requester_gt, reason="after rotation")
    assert MARKER.encode() in data
