"""export_site writes a verified BagIt package with stable identifiers and files stored once."""

import hashlib
import json

import bagit
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from secretaria.archive.registry import register, unregister
from secretaria.archive.schema import SCHEMA_VERSION
from secretaria.documents.models import DocumentFile


def records(bag, label):
    path = bag / "data" / "records" / f"{label}.ndjson"
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture
def bag(small_site, tmp_path):
    out = tmp_path / "bag"
    call_command("export_site", str(out), "--no-progress")
    return out


def test_the_package_is_a_valid_bag_with_its_info(bag):
    package = bagit.Bag(str(bag))
    package.validate()
    assert package.info["Schema-Version"] == str(SCHEMA_VERSION)
    assert package.info["Export-Mode"] == "full"
    assert "Platform-Version" in package.info and "Export-Datetime" in package.info
    assert int(package.info["Record-Count"]) > 20
    assert "documents.Document=1" in package.info["Model-Count"]
    assert (bag / "manifest-sha256.txt").exists()
    assert "schema.json" in (bag / "tagmanifest-sha256.txt").read_text()


def test_references_are_stable_ids_never_database_ids(bag, small_site):
    doc = records(bag, "documents.Document")[0]
    assert doc["sid"].startswith("uuid:")
    assert "id" not in doc["fields"]
    assert doc["fields"]["topics"] and doc["fields"]["topics"][0].startswith("uuid:")
    assert doc["fields"]["created_by"].startswith("uuid:")
    assert doc["urls"] == {"es": small_site.get_absolute_url(), "en": doc["urls"]["en"]}
    files = records(bag, "documents.DocumentFile")
    assert {f["fields"]["document"] for f in files} == {doc["sid"]}
    schema = json.loads((bag / "schema.json").read_text())
    assert schema["schema_version"] == SCHEMA_VERSION
    assert schema["models"]["documents.DocumentFile"]["fields"]["document"]["ref"] == "documents.Document"
    assert schema["order"].index("documents.Document") < schema["order"].index("documents.DocumentFile")


def test_a_file_used_twice_is_stored_once_under_its_sha256(bag):
    stored = list((bag / "data" / "files").glob("*/*"))
    expected = set(DocumentFile.objects.values_list("sha256", flat=True))
    assert sorted(p.name for p in stored) == sorted(expected)
    assert len(stored) == 1
    assert hashlib.sha256(stored[0].read_bytes()).hexdigest() == stored[0].name


def test_the_current_pdf_of_each_published_document_is_a_readable_copy(bag):
    readable = sorted(p.name for p in (bag / "data" / "readable" / "documents").iterdir())
    assert readable == ["CRM_2004_GRCM_7-en.pdf", "CRM_2004_GRCM_7-es.pdf"]


def test_since_exports_only_what_changed(small_site, tmp_path):
    out = tmp_path / "inc"
    call_command("export_site", str(out), "--no-progress", "--since", "2999-01-01")
    package = bagit.Bag(str(out))
    assert package.info["Export-Mode"] == "incremental"
    assert not (out / "data" / "records" / "documents.Document.ndjson").exists()


def test_an_existing_non_empty_directory_is_refused(small_site, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("export_site", str(tmp_path / "full"), "--no-progress")


def test_a_bad_since_date_is_a_message(small_site, tmp_path):
    with pytest.raises(CommandError, match="--since"):
        call_command("export_site", str(tmp_path / "x"), "--no-progress", "--since", "yesterday")


def test_an_app_can_leave_fields_out_through_the_registry(small_site, tmp_path):
    register("documents.Topic", exclude=["name_en"])
    try:
        call_command("export_site", str(tmp_path / "b"), "--no-progress")
    finally:
        unregister("documents.Topic")
    topic = records(tmp_path / "b", "documents.Topic")[0]
    assert "name_en" not in topic["fields"] and topic["fields"]["name_es"] == "Trata de personas"
    schema = json.loads((tmp_path / "b" / "schema.json").read_text())
    assert "name_en" not in schema["models"]["documents.Topic"]["fields"]
