"""import_site checks the package, creates each record once, matches users by e-mail and keeps old URLs."""

import json
from io import StringIO

import bagit
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from secretaria.accounts.models import User
from secretaria.archive.models import ImportedRecord, Redirect
from secretaria.archive.registry import register, unregister
from secretaria.directory.models import Person
from secretaria.documents.models import Document, Topic


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def bag(small_site, tmp_path):
    out = tmp_path / "bag"
    run("export_site", str(out), "--no-progress")
    return out


def test_a_package_whose_checksums_fail_is_refused(bag):
    record = bag / "data" / "records" / "documents.Topic.ndjson"
    record.write_text(record.read_text().replace("Trata", "Trafico"))
    with pytest.raises(CommandError, match="checksums"):
        run("import_site", str(bag), "--no-reindex")


def test_a_package_of_a_newer_schema_is_refused(bag):
    schema = json.loads((bag / "schema.json").read_text())
    schema["schema_version"] = 99
    (bag / "schema.json").write_text(json.dumps(schema))
    bagit.Bag(str(bag)).save()  # a consistent package, only newer
    with pytest.raises(CommandError, match="newer"):
        run("import_site", str(bag), "--no-reindex")


def test_reading_its_own_package_again_creates_nothing(bag):
    before = Document.objects.count(), Topic.objects.count(), User.objects.count()
    out = run("import_site", str(bag), "--no-reindex")
    assert "created 0 records" in out
    assert (Document.objects.count(), Topic.objects.count(), User.objects.count()) == before


def test_a_missing_record_is_created_once_with_its_links(bag, small_site):
    Topic.objects.all().delete()
    out = run("import_site", str(bag), "--no-reindex")
    assert "documents.Topic: created 1" in out
    topic = Topic.objects.get()
    assert list(small_site.topics.all()) == [topic]  # the many-to-many link came back
    assert "created 0 records" in run("import_site", str(bag), "--no-reindex")
    assert Topic.objects.count() == 1
    assert ImportedRecord.objects.filter(model="documents.Topic").count() == 1


def test_a_dry_run_prints_what_it_would_create_and_changes_nothing(bag):
    Topic.objects.all().delete()
    out = run("import_site", str(bag), "--dry-run")
    assert "documents.Topic: would create 1" in out
    assert "Dry run: nothing was changed." in out
    assert not Topic.objects.exists()
    assert not ImportedRecord.objects.exists()


def test_users_are_matched_by_email(bag, st_officer):
    email, username = st_officer.email, st_officer.username
    User.objects.filter(pk=st_officer.pk).delete()
    Document.objects.all().delete()
    twin = User.objects.create_user(username="otra-cuenta", email=email, password="x-long-password-1")
    out = run("import_site", str(bag), "--no-reindex")
    assert "accounts.User: created 0" in out and "matched 1" in out
    assert not User.objects.filter(username=username).exists()
    assert Document.objects.get().created_by == twin  # references follow the matched account


def test_old_addresses_answer_with_a_permanent_redirect(client, small_site):
    Redirect.objects.create(
        old_path="/sitio-2003/documentos/informe-trata.html", new_path=small_site.get_absolute_url()
    )
    response = client.get("/sitio-2003/documentos/informe-trata.html?page=2")
    assert response.status_code == 301
    assert response["Location"] == small_site.get_absolute_url() + "?page=2"
    assert client.get("/sitio-2003/no-existe.html").status_code == 404


@pytest.fixture
def person_email_is_sensitive():
    register("directory.Person", sensitive=["email"])
    yield
    unregister("directory.Person")


def test_sensitive_fields_travel_only_in_the_encrypted_part(
    small_site, tmp_path, monkeypatch, person_email_is_sensitive
):
    person = Person.objects.create(given_name="Ana", family_name="Pérez", email="ana.perez@example.org")
    monkeypatch.setenv("ARCHIVE_PASSPHRASE", "una frase larga y secreta")
    out = tmp_path / "bag"
    run("export_site", str(out), "--no-progress", "--passphrase-env", "ARCHIVE_PASSPHRASE")
    assert bagit.Bag(str(out)).info["Sensitive-Part"] == "encrypted"
    payload = b"".join(p.read_bytes() for p in (out / "data").rglob("*") if p.is_file())
    assert b"ana.perez@example.org" not in payload
    person.delete()

    monkeypatch.setenv("WRONG", "otra frase")
    with pytest.raises(CommandError, match="wrong passphrase"):
        run("import_site", str(out), "--no-reindex", "--passphrase-env", "WRONG")

    run("import_site", str(out), "--no-reindex", "--passphrase-env", "ARCHIVE_PASSPHRASE")
    assert Person.objects.get(family_name="Pérez").email == "ana.perez@example.org"


def test_without_the_passphrase_the_sensitive_fields_stay_empty(
    small_site, tmp_path, monkeypatch, person_email_is_sensitive
):
    person = Person.objects.create(given_name="Ana", family_name="Pérez", email="ana.perez@example.org")
    monkeypatch.setenv("ARCHIVE_PASSPHRASE", "una frase larga y secreta")
    out = tmp_path / "bag"
    run("export_site", str(out), "--no-progress", "--passphrase-env", "ARCHIVE_PASSPHRASE")
    person.delete()
    text = run("import_site", str(out), "--no-reindex")
    assert "no passphrase was given" in text
    assert Person.objects.get(family_name="Pérez").email == ""


def test_an_incremental_package_updates_what_changed(small_site, tmp_path):
    out = tmp_path / "inc"
    run("export_site", str(out), "--no-progress", "--since", "2000-01-01")
    Document.objects.filter(pk=small_site.pk).update(title_es="Cambiado después")
    text = run("import_site", str(out), "--no-reindex")
    assert "documents.Document: created 0, updated 1" in text
    small_site.refresh_from_db()
    assert small_site.title_es == "Informe sobre trata"
