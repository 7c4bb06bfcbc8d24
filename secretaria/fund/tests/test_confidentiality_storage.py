"""Personal data is encrypted at rest: the database file, the raw columns, dumpdata and the
stored files show no marker in clear, while the application reads it back."""

import io
import sqlite3

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from secretaria.fund.models import Case
from secretaria.fund.services import attachments
from secretaria.fund.tests.conftest import MARKER


def test_the_application_reads_back_what_the_database_keeps_encrypted(db, submitted_case):
    case = Case.objects.get(pk=submitted_case.pk)
    assert case.given_names == f"{MARKER} Ana"
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM fund_case")
        raw = repr(cursor.fetchall())
    assert MARKER not in raw
    assert "gAAAAA" in raw


def test_dumpdata_shows_no_personal_data_in_clear(db, submitted_case):
    out = io.StringIO()
    call_command("dumpdata", "fund", stdout=out)
    assert submitted_case.code in out.getvalue()
    assert MARKER not in out.getvalue()


def test_a_confidential_file_is_stored_encrypted(db, submitted_case, requester_gt, settings):
    upload = SimpleUploadedFile("consent.txt", f"Consent of {MARKER}\n".encode())
    attachment = attachments.attachment_add(
        case=submitted_case, by=requester_gt, kind="consent", fileobj=upload, name="consent.txt"
    )
    from secretaria.files.storage import private_storage

    with private_storage.open(attachment.storage_name, "rb") as fh:
        assert MARKER.encode() not in fh.read()
    data = attachments.attachment_open(attachment=attachment, by=requester_gt, reason="check")
    assert MARKER.encode() in data


def test_a_raw_read_of_the_sqlite_file_finds_no_marker(transactional_db, crm, requester_gt, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("needs SQLite")
    from secretaria.fund.services import cases
    from secretaria.fund.tests.conftest import case_data

    cases.case_create(by=requester_gt, data=case_data(crm), costs=[("transport", "100")])
    copy = tmp_path / "copy.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
    raw = copy.read_bytes()
    assert b"FR-" in raw
    assert MARKER.encode() not in raw
    assert MARKER.encode("utf-16-le") not in raw
    sqlite3.connect(copy).close()


def test_cases_are_in_no_search_index_no_audit_history_and_no_admin(db, submitted_case):
    from django.contrib import admin

    from secretaria.fund import models
    from secretaria.search import registry
    from secretaria.search.models import SearchIndexEntry

    assert not any(source.__class__.__module__.startswith("secretaria.fund") for source in registry._SOURCES.values())
    assert not SearchIndexEntry.objects.filter(title_es__icontains=MARKER).exists()
    assert not SearchIndexEntry.objects.filter(title_es__icontains=submitted_case.code).exists()
    for model in (models.Case, models.Step, models.CostItem, models.Attachment, models.AccessLogEntry):
        assert not hasattr(model, "history"), model
        assert not admin.site.is_registered(model), model
