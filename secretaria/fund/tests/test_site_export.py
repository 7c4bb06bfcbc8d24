"""A whole-site export (issue 17's archive) never carries a case's personal data in clear."""

import pytest
from django.core.management import call_command

from secretaria.fund.models import Case
from secretaria.fund.tests.conftest import MARKER

pytestmark = pytest.mark.django_db


def _bytes_of(folder):
    return b"".join(path.read_bytes() for path in folder.rglob("*") if path.is_file())


def test_an_export_without_the_passphrase_leaves_the_personal_data_out(submitted_case, tmp_path):
    assert MARKER in Case.objects.get(pk=submitted_case.pk).given_names
    call_command("export_site", str(tmp_path / "bag"), "--no-progress")
    package = _bytes_of(tmp_path / "bag")
    assert submitted_case.code.encode() in package  # the case and its money are there
    assert MARKER.encode() not in package


def test_an_export_with_the_passphrase_keeps_it_only_encrypted(submitted_case, tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_PASSPHRASE", "frase de prueba")
    call_command("export_site", str(tmp_path / "bag"), "--no-progress", "--passphrase-env", "ARCHIVE_PASSPHRASE")
    assert list((tmp_path / "bag").rglob("sensitive*"))
    assert MARKER.encode() not in _bytes_of(tmp_path / "bag")
