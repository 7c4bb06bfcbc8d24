import io
import sys
import zipfile

import pytest

from secretaria.documents import extraction
from secretaria.documents.extract import decode_text
from secretaria.documents.extraction import run_extraction
from secretaria.documents.models import ExtractionState
from secretaria.documents.tasks import extract_document_file
from secretaria.documents.tests.conftest import SAMPLES, as_file, pdf


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


@pytest.mark.parametrize("code", ["pdf", "docx", "odt", "pptx", "xlsx", "rtf", "txt"])
def test_it_extracts_the_text_of_each_format(tmp_path, code):
    result = run_extraction(write(tmp_path, f"sample.{code}", SAMPLES[code]()), code)
    assert result.state == ExtractionState.DONE, result.reason
    assert "Convención de Palermo" in result.text


def test_plain_text_in_windows_1252_is_read_too():
    assert decode_text("Migración y Salud".encode("cp1252")) == "Migración y Salud"
    assert decode_text("\ufeffMigración".encode()) == "Migración"


def test_images_and_videos_are_not_extractable(tmp_path):
    result = run_extraction(write(tmp_path, "foto.png", SAMPLES["png"]()), "png")
    assert result.state == ExtractionState.NOT_EXTRACTABLE


def test_a_legacy_doc_without_antiword_is_marked_not_extractable(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # the child sees no antiword
    result = run_extraction(write(tmp_path, "acta.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), "doc")
    assert result.state == ExtractionState.NOT_EXTRACTABLE
    assert "antiword" in result.reason


def test_a_corrupt_pdf_fails_with_a_reason(tmp_path):
    result = run_extraction(write(tmp_path, "roto.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 20), "pdf")
    assert result.state == ExtractionState.FAILED
    assert result.reason


def test_an_encrypted_pdf_fails_with_a_reason(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf())).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secreto", owner_password="secreto")
    out = io.BytesIO()
    writer.write(out)
    result = run_extraction(write(tmp_path, "cifrado.pdf", out.getvalue()), "pdf")
    assert result.state == ExtractionState.FAILED
    assert "encrypted" in result.reason


def test_a_docx_zip_bomb_fails_without_being_expanded(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (210 * 1024 * 1024))
    result = run_extraction(write(tmp_path, "bomba.docx", out.getvalue()), "docx")
    assert result.state == ExtractionState.FAILED
    assert "zip bomb" in result.reason


def test_a_reader_that_loops_is_stopped_at_the_time_limit(tmp_path, settings, monkeypatch):
    settings.DOCUMENT_EXTRACTION_TIMEOUT = 1
    monkeypatch.setattr(extraction, "command", lambda path, kind: [sys.executable, "-c", "while True: pass"])
    result = run_extraction(write(tmp_path, "bucle.pdf", pdf()), "pdf")
    assert result.state == ExtractionState.FAILED
    assert "stopped" in result.reason


def test_a_reader_that_eats_memory_is_stopped_by_the_memory_limit(tmp_path, settings, monkeypatch):
    settings.DOCUMENT_EXTRACTION_MEMORY_MB = 256
    monkeypatch.setattr(
        extraction, "command", lambda path, kind: [sys.executable, "-c", "x = bytearray(1024 * 1024 * 1024)"]
    )
    result = run_extraction(write(tmp_path, "enorme.pdf", pdf()), "pdf")
    assert result.state == ExtractionState.FAILED
    assert "memory" in result.reason


def test_a_hostile_file_fails_alone_and_the_others_are_extracted(make_document, st_officer, search_index):
    from secretaria.documents import services

    document = make_document(files={})
    good = services.document_add_file(
        document=document, by=st_officer, fileobj=as_file(pdf()), name="bueno.pdf", language="es"
    )
    bad = services.document_add_file(
        document=document,
        by=st_officer,
        fileobj=as_file(b"%PDF-1.4\n" + bytes(range(256)) * 20),
        name="roto.pdf",
        language="en",
    )
    search_index.indexed.clear()
    assert extract_document_file.call(file_id=bad.pk, sha256=bad.sha256) == ExtractionState.FAILED
    assert extract_document_file.call(file_id=good.pk, sha256=good.sha256) == ExtractionState.DONE
    good.refresh_from_db()
    bad.refresh_from_db()
    assert "Convención de Palermo" in good.extracted_text
    assert bad.extraction_state == ExtractionState.FAILED and bad.extraction_error
    assert search_index.ids() == [document.pk, document.pk]  # reindexed after each extraction


def test_extraction_is_queued_when_the_upload_commits(make_document, st_officer, django_capture_on_commit_callbacks):
    from secretaria.documents import services

    document = make_document(files={})
    with django_capture_on_commit_callbacks(execute=True):
        doc_file = services.document_add_file(
            document=document, by=st_officer, fileobj=as_file(SAMPLES["docx"]()), name="carta.docx", language="es"
        )
    doc_file.refresh_from_db()
    assert doc_file.extraction_state == ExtractionState.DONE
    assert "Convención de Palermo" in doc_file.extracted_text
