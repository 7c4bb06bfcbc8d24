"""Sending the report to the Pro-Tempore Presidency: its officials get an e-mail in their own
language and see the report on their dashboard; no one else is told."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from secretaria.conftest import _persona
from secretaria.core.access import Role
from secretaria.reports import services

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def report(seminar, st_officer):
    return services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))


def test_the_ppt_officials_are_told_in_their_language(
    report, crm, st_officer, ppt_official, gt_official, hn_official, django_capture_on_commit_callbacks
):
    english = _persona(crm, "ppt_english", Role.PPT, country="PA", given="Paul", family="Panama")
    english.preferred_language = "en"
    english.save(update_fields=["preferred_language"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(by=st_officer, report=report)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {ppt_official.email, english.email}  # not the Secretariat, not other members
    es, en = by_address[ppt_official.email], by_address[english.email]
    assert es.subject == f"Informe de actividades en espera de su aprobación: {report.title_es}"
    assert "Presidencia Pro-Témpore" in es.body and report.get_absolute_url() in es.body
    assert en.subject == f"Activity report waiting for your approval: {report.title_en}"
    assert "Pro-Tempore Presidency" in en.body and report.get_absolute_url() in en.body


def test_no_mail_when_asked_not_to(report, st_officer, ppt_official, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(by=st_officer, report=report, notify=False)
    assert mail.outbox == []


def test_the_ppt_sees_the_report_on_its_dashboard_and_approves_it(
    report, st_officer, ppt_official, gt_official, client_for
):
    dashboard = reverse("members:dashboard")
    assert "panel-reports-awaiting" not in client_for(ppt_official).get(dashboard).content.decode()
    services.report_submit(by=st_officer, report=report, notify=False)
    page = client_for(ppt_official).get(dashboard).content.decode()
    assert 'id="panel-reports-awaiting"' in page and report.get_absolute_url() in page
    assert "panel-reports-awaiting" not in client_for(gt_official).get(dashboard).content.decode()
    client = client_for(ppt_official)
    response = client.post(reverse("reports:action", args=[report.pk, "approve"]))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == report.Status.APPROVED and report.approved_by == ppt_official
    assert "panel-reports-awaiting" not in client.get(dashboard).content.decode()
