"""A server error while a case's personal data is in hand: the error report (what the
administrators receive by e-mail) shows none of it."""

import sys
from unittest import mock

import pytest
from django.test import RequestFactory
from django.urls import reverse

from secretaria.core.errorlog import ExceptionReporter
from secretaria.fund.tests.conftest import MARKER, case_data
from secretaria.fund.views import cases as views

pytestmark = pytest.mark.django_db


def test_an_error_report_from_the_case_form_carries_no_personal_data(crm, requester_gt, settings):
    settings.DEBUG = False
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in case_data(crm).items()} | {"accompanying_count": 0}
    request = RequestFactory().post(reverse("fund:case_new"), data)
    del data  # this test's own frame is the outermost of the traceback
    request.user = requester_gt
    request._dont_enforce_csrf_checks = True
    # Fails deep inside the real service, whose frames hold the personal data.
    with mock.patch.object(views.services, "_derive", side_effect=RuntimeError("boom")):
        try:
            views.case_new(request)
        except RuntimeError:
            report = ExceptionReporter(request, *sys.exc_info())
            text = report.get_traceback_text()
            html = report.get_traceback_html()
        else:
            pytest.fail("the view did not fail")
    assert "boom" in text
    assert MARKER not in text
    assert MARKER not in html
