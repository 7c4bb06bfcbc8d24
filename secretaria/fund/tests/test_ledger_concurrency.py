"""Two fund officers approve two cases at the same moment: the ledger's row lock makes one wait,
so together they never reserve more than the fund holds. PostgreSQL only (SQLite serialises
writers anyway and its test database is in memory)."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from secretaria.fund import ledger
from secretaria.fund.models import Posting
from secretaria.fund.services import cases as s
from secretaria.fund.services import ledger as ledger_services
from secretaria.fund.tests.conftest import case_data


@pytest.mark.django_db(transaction=True)
def test_two_approvals_at_once_never_overdraw_the_fund(crm, requester_gt, iom_mx, fund_officer):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://…)")
    ledger_services.contribution_record(
        by=fund_officer, pledged_on=datetime.date(2004, 6, 1), amount=Decimal("1000"), donor_name="Donante",
        received_on=datetime.date(2004, 6, 2),
    )  # fmt: skip
    cases = []
    for _ in range(2):
        case = s.case_create(by=requester_gt, data=case_data(crm), costs=[("transport", "700")])
        s.case_submit(case=case, by=requester_gt)
        s.case_assess(case=case, by=iom_mx, eligible=True)
        cases.append(case)

    barrier = threading.Barrier(2)
    results = []

    def approve(case):
        try:
            barrier.wait(timeout=10)
            s.case_approve(case=case, by=fund_officer, amount=Decimal("700"))
            results.append("ok")
        except ValidationError:
            results.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(c,)) for c in cases]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(results) == ["ok", "refused"]
    assert ledger.available() == Decimal("300.00")
    assert Posting.objects.filter(kind=Posting.Kind.RESERVATION).count() == 1
