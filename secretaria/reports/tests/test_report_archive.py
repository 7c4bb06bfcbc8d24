"""A site export (secretaria/archive) carries every issued report as files a person can open."""

import datetime
import hashlib
from io import StringIO

import pytest
from django.core.management import call_command

from secretaria.reports import services
from secretaria.reports.models import Report

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def bag(seminar, st_officer, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    issued = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    services.report_issue(by=st_officer, report=issued, symbol="CRM/ST/2004/INF.2")
    services.report_create(by=st_officer, start=D(2004, 12, 1), end=D(2005, 5, 31))  # still a draft
    call_command("export_site", str(tmp_path / "bag"), "--no-progress", stdout=StringIO())
    return tmp_path / "bag"


def test_the_issued_reports_pdfs_are_readable_copies_byte_for_byte(bag):
    report = Report.objects.get(status=Report.Status.ISSUED)
    folder = bag / "data" / "readable" / "reports"
    for lang in ("es", "en"):
        copy = folder / f"2004-05-01_2004-11-30-{lang}.pdf"
        assert copy.read_bytes().startswith(b"%PDF-")
        stored = report.files.get(language=lang, fmt="pdf")
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == stored.sha256
    names = {p.name for p in folder.iterdir()}
    assert {"2004-05-01_2004-11-30-es.docx", "2004-05-01_2004-11-30-en.xlsx"} <= names
    assert not any(name.startswith("2004-12-01") for name in names)  # a draft is not a readable copy
    manifest = (bag / "manifest-sha256.txt").read_text()
    assert "data/readable/reports/2004-05-01_2004-11-30-es.pdf" in manifest


def test_the_package_with_the_reports_verifies(bag):
    out = StringIO()
    call_command("verify_site", str(bag), stdout=out)
    assert "Every checksum matches." in out.getvalue()
