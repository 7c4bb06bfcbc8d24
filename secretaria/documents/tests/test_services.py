import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from secretaria.core.access import AccessLevel
from secretaria.core.models import AuditEvent
from secretaria.documents import services
from secretaria.documents.models import Document, DocumentFile, DocumentFileRevision
from secretaria.documents.tests.conftest import SAMPLES, as_file, pdf
from secretaria.files.storage import private_storage
from secretaria.outbox.models import Event


def test_creating_a_document_indexes_it(make_document, search_index):
    document = make_document(files={})
    assert document.status == Document.Status.DRAFT
    assert ("document", document.pk, "draft") in search_index.indexed


def test_a_symbol_must_have_the_documented_format(st_officer):
    for bad in ["crm/st/2004/12", "CRM", "CRM//2004", "CRM/ST 2004", "/CRM/ST"]:
        with pytest.raises(ValidationError) as exc:
            services.document_create(by=st_officer, symbol=bad, date=datetime.date(2004, 7, 6), title_es="Carta")
        assert "symbol" in exc.value.message_dict


def test_the_database_refuses_a_bad_symbol_too(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(symbol="not a symbol", date=datetime.date(2004, 1, 1), title_es="x")


def test_a_title_in_one_language_at_least_is_required(st_officer):
    with pytest.raises(ValidationError):
        services.document_create(by=st_officer, symbol="CRM/ST/2004/1", date=datetime.date(2004, 1, 1))


def test_only_the_secretariat_manages_documents(gt_official):
    with pytest.raises(PermissionDenied):
        services.document_create(by=gt_official, symbol="CRM/ST/2004/1", date=datetime.date(2004, 1, 1), title_es="x")


def test_files_are_stored_under_generated_names_with_their_metadata(make_document, st_officer, media_root):
    document = make_document()
    doc_file = document.files.get()
    assert doc_file.original_name == "Convención de Palermo.pdf"
    assert doc_file.content_type == "application/pdf"
    assert doc_file.file_type == "pdf"
    assert doc_file.size == len(pdf())
    assert len(doc_file.sha256) == 64
    assert doc_file.uploaded_by == st_officer
    assert "Palermo" not in doc_file.file.name and doc_file.file.name.endswith(".pdf")
    assert doc_file.file.path.startswith(str(media_root / "private"))
    with pytest.raises(ValueError):
        doc_file.file.url  # noqa: B018 - private files have no URL


def test_replacing_a_language_version_keeps_the_earlier_file_as_a_revision(make_document, st_officer, admin_user):
    document = make_document()
    first = document.files.get()
    first_name = first.file.name
    services.document_add_file(
        document=document, by=admin_user, fileobj=as_file(pdf(["Versión corregida."])), name="v2.pdf", language="es"
    )
    current = DocumentFile.objects.get(document=document, language="es")
    revision = DocumentFileRevision.objects.get(document_file=current)
    assert current.original_name == "v2.pdf" and current.uploaded_by == admin_user
    assert revision.file.name == first_name and private_storage.exists(first_name)
    assert revision.uploaded_by == st_officer and revision.replaced_by == admin_user


def test_uploading_the_same_bytes_again_changes_nothing(make_document, st_officer):
    document = make_document()
    services.document_add_file(
        document=document, by=st_officer, fileobj=as_file(pdf()), name="otra vez.pdf", language="es"
    )
    assert DocumentFileRevision.objects.count() == 0
    assert document.files.get().original_name == "Convención de Palermo.pdf"


def test_a_refused_upload_stores_nothing(make_document, st_officer, media_root):
    from secretaria.files.filetypes import UploadRefused

    document = make_document(files={})
    with pytest.raises(UploadRefused):
        services.document_add_file(
            document=document, by=st_officer, fileobj=as_file(b"MZ" + b"\0" * 99), name="a.pdf", language="es"
        )
    assert not DocumentFile.objects.exists()
    assert not (media_root / "private").exists() or not any((media_root / "private").rglob("*.*"))


def test_adding_several_files_reports_each_refusal(make_document, st_officer):
    import io
    import zipfile

    document = make_document(files={})
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("agenda_EN.docx", SAMPLES["docx"]())
        z.writestr("script.sh", b"#!/bin/sh\necho\n")
    report = services.document_add_files(
        document=document,
        by=st_officer,
        files=[
            (as_file(pdf()), "agenda.pdf", "es"),
            (as_file(b"<html></html>"), "agenda.html", "fr"),
            (archive, "anexos.zip", "es"),
        ],
    )
    assert sorted(f.language for f in report.added) == ["en", "es"]
    assert [name for name, _reason in report.refused] == ["agenda.html", "script.sh"]


def test_publishing_records_who_and_when_and_writes_an_outbox_event(make_document, st_officer, search_index):
    document = make_document()
    services.document_publish(document=document, by=st_officer)
    document.refresh_from_db()
    assert document.status == Document.Status.PUBLISHED
    assert document.published_by == st_officer and document.published_at
    event = Event.objects.get(kind="document.published")
    assert event.payload["symbol"] == "CRM/ST/2004/12" and event.payload["languages"] == ["es"]
    assert event.processed_at is None
    assert search_index.indexed[-1] == ("document", document.pk, "published")


def test_the_outbox_event_is_rolled_back_with_the_publication(make_document, st_officer, monkeypatch):
    document = make_document()

    def fail(kind, obj):
        raise RuntimeError("index down")

    # The index is written after the event, in the same transaction: its failure undoes both.
    monkeypatch.setattr("secretaria.search.services.index_object", fail)
    with pytest.raises(RuntimeError):
        services.document_publish(document=document, by=st_officer)
    document.refresh_from_db()
    assert document.status == Document.Status.DRAFT
    assert not Event.objects.exists()


def test_a_document_without_files_cannot_be_published(make_document, st_officer):
    document = make_document(files={})
    with pytest.raises(ValidationError):
        services.document_publish(document=document, by=st_officer)


def test_withdrawing_needs_a_note_and_keeps_the_document(make_document, st_officer, search_index):
    document = make_document(publish=True)
    with pytest.raises(ValidationError):
        services.document_withdraw(document=document, by=st_officer, note="  ")
    services.document_withdraw(document=document, by=st_officer, note="Sustituido por CRM/ST/2004/13.")
    document.refresh_from_db()
    assert document.status == Document.Status.WITHDRAWN and document.withdrawn_by == st_officer
    assert search_index.indexed[-1] == ("document", document.pk, "withdrawn")


def test_changing_access_is_audited_and_reindexed(make_document, st_officer, crm, search_index):
    document = make_document(publish=True)
    services.document_set_access(
        document=document, by=st_officer, access_level=AccessLevel.GROUP, access_group=crm["groups"]["consular"]
    )
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.ACCESS_CHANGED)
    assert event.actor == st_officer and "CRM/ST/2004/12" in event.target
    assert event.details["before"] == "public" and event.details["after"].startswith("group")
    assert search_index.indexed[-1][1] == document.pk


def test_group_access_needs_a_group(make_document, st_officer):
    document = make_document()
    with pytest.raises(ValidationError):
        services.document_set_access(document=document, by=st_officer, access_level=AccessLevel.GROUP)


def test_deleting_a_draft_removes_files_and_unindexes(
    make_document, st_officer, search_index, django_capture_on_commit_callbacks
):
    document = make_document()
    name = document.files.get().file.name
    pk = document.pk
    with django_capture_on_commit_callbacks(execute=True):
        services.document_delete(document=document, by=st_officer)
    assert not Document.objects.filter(pk=pk).exists()
    assert not private_storage.exists(name)
    assert search_index.unindexed == [("document", pk)]


def test_a_published_document_cannot_be_deleted(make_document, st_officer):
    document = make_document(publish=True)
    with pytest.raises(ValidationError):
        services.document_delete(document=document, by=st_officer)


def test_updating_metadata_reindexes(make_document, st_officer, search_index):
    document = make_document()
    search_index.indexed.clear()
    services.document_update(document=document, by=st_officer, title_en="Palermo Convention workshop")
    document.refresh_from_db()
    assert document.title_en == "Palermo Convention workshop"
    assert search_index.ids() == [document.pk]


def test_the_symbol_of_a_published_document_is_permanent(make_document, st_officer):
    draft = make_document("CRM/ST/2004/1")
    services.document_update(document=draft, by=st_officer, symbol="CRM/ST/2004/1/Rev.1")
    assert Document.objects.filter(symbol="CRM/ST/2004/1/Rev.1").exists()
    published = make_document("CRM/ST/2004/2", publish=True)
    with pytest.raises(ValidationError) as exc:
        services.document_update(document=published, by=st_officer, symbol="CRM/ST/2004/3")
    assert "symbol" in exc.value.message_dict
