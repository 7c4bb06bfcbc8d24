"""verify_site re-reads a package, exits non-zero when it is damaged and names what is wrong."""

import json
from io import StringIO

import bagit
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


@pytest.fixture
def bag(small_site, tmp_path):
    out = tmp_path / "bag"
    call_command("export_site", str(out), "--no-progress", stdout=StringIO())
    return out


def verify(bag) -> str:
    out = StringIO()
    call_command("verify_site", str(bag), stdout=out)
    return out.getvalue()


def damaged(bag) -> str:
    out = StringIO()
    with pytest.raises(CommandError, match="problems: the package is damaged"):
        call_command("verify_site", str(bag), stdout=out)
    return out.getvalue()


def stored_file(bag):
    return next((bag / "data" / "files").glob("*/*"))


def flip_one_byte(path, at=100):
    body = bytearray(path.read_bytes())
    body[at] ^= 0x01
    path.write_bytes(bytes(body))


def test_a_good_package_verifies(bag):
    out = verify(bag)
    assert "1 files re-read" in out and "Every checksum matches." in out


def test_one_changed_byte_in_a_stored_file_is_named(bag):
    stored = stored_file(bag)
    flip_one_byte(stored)
    out = damaged(bag)
    name = stored.relative_to(bag).as_posix()
    assert f"{name}: content does not match the manifest" in out
    assert f"{name}: content does not match its name" in out


def test_a_changed_file_entered_again_in_the_manifest_is_still_caught_by_its_name(bag):
    stored = stored_file(bag)
    flip_one_byte(stored)
    bagit.Bag(str(bag)).save(manifests=True)  # manifests now agree with the damage
    out = damaged(bag)
    assert f"{stored.relative_to(bag).as_posix()}: content does not match its name" in out
    assert "does not match the manifest" not in out


def test_a_deleted_file_is_named_with_the_record_that_needs_it(bag):
    stored = stored_file(bag)
    stored.unlink()
    out = damaged(bag)
    assert f"{stored.relative_to(bag).as_posix()}: listed in the manifest but missing" in out
    assert "documents.DocumentFile uuid:" in out and f"file {stored.name} is not in the package" in out


def test_an_unlisted_file_is_named(bag):
    extra = bag / "data" / "readable" / "extra.pdf"
    extra.write_bytes(b"%PDF-1.4 not from the export")
    out = damaged(bag)
    assert "data/readable/extra.pdf: present but not listed in the manifest" in out


def test_a_changed_record_count_is_refused(bag):
    schema_path = bag / "schema.json"
    schema = json.loads(schema_path.read_text())
    schema["models"]["documents.Document"]["count"] = 2
    schema_path.write_text(json.dumps(schema))
    out = damaged(bag)
    assert "schema.json: content does not match the manifest" in out
    assert "documents.Document: 1 records, schema.json says 2" in out


def test_a_record_removed_and_the_manifests_rewritten_is_refused_by_the_counts(bag):
    records = bag / "data" / "records" / "documents.Topic.ndjson"
    records.write_text("")
    bagit.Bag(str(bag)).save(manifests=True)  # checksums consistent again, the counts are not
    out = damaged(bag)
    assert "documents.Topic: 0 records, schema.json says 1" in out
    assert "Record-Count" in out and "Model-Count documents.Topic=1, the package holds 0" in out


def test_a_changed_manifest_entry_is_named(bag):
    manifest = bag / "manifest-sha256.txt"
    stored = stored_file(bag)
    manifest.write_text(manifest.read_text().replace(stored.name + "  ", "0" * 64 + "  ", 1))
    out = damaged(bag)
    assert f"{stored.relative_to(bag).as_posix()}: content does not match the manifest" in out
    assert "manifest-sha256.txt: content does not match the manifest" in out  # the tag manifest's entry


def test_a_folder_that_is_no_package_is_a_message(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(CommandError, match="damaged"):
        call_command("verify_site", str(tmp_path / "empty"), stdout=StringIO())
