import csv
import io

import pytest
from django.core.management import CommandError, call_command

from secretaria.documents.models import Document, DocumentFile, DocumentFileRevision
from secretaria.documents.tests.conftest import SAMPLES, pdf

COLUMNS = ["symbol", "type", "date", "title_es", "title_en", "language", "filename", "access_level", "author", "group",
           "status"]  # fmt: skip


@pytest.fixture
def archive(tmp_path, crm):
    folder = tmp_path / "archivo"
    folder.mkdir()
    (folder / "carta.pdf").write_bytes(pdf(["Carta de seguimiento de los compromisos de la IX CRM."]))
    (folder / "informe_es.pdf").write_bytes(pdf(["Informe de actividades mayo-noviembre 2004."]))
    (folder / "report_en.docx").write_bytes(SAMPLES["docx"]())
    (folder / "virus.pdf").write_bytes(b"MZ" + b"\0" * 200)
    (folder / "pagina.txt").write_bytes(b"<html><script>alert(1)</script></html>")
    rows = [
        ["CRM/ST/2004/7", "letter", "2004-07-06", "Carta de seguimiento", "", "es", "carta.pdf", "members", "ST", "", ""],
        ["CRM/ST/2004/15", "report", "2004-11-30", "Informe de actividades", "Activity report", "es", "informe_es.pdf",
         "members", "ST", "grcm", ""],
        ["CRM/ST/2004/15", "report", "2004-11-30", "", "", "en", "report_en.docx", "members", "ST", "grcm", ""],
        ["CRM/ST/2004/16", "report", "2004-11-30", "Virus", "", "es", "virus.pdf", "public", "", "", ""],
        ["CRM/ST/2004/17", "other", "2004-11-30", "Página", "", "es", "pagina.txt", "public", "", "", "draft"],
        ["CRM/ST/2004/18", "other", "2004-11-30", "Falta", "", "es", "no-existe.pdf", "public", "", "", ""],
        ["CRM/ST/2004/19", "other", "30/11/2004", "Fecha", "", "es", "carta.pdf", "public", "", "", ""],
        ["CRM/ST/2004/20", "other", "2004-11-30", "Fuera", "", "es", "../secreto.pdf", "public", "", "", ""],
        ["bad symbol", "other", "2004-11-30", "Símbolo", "", "es", "carta.pdf", "public", "", "", ""],
    ]  # fmt: skip
    with (folder / "documents.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    (tmp_path / "secreto.pdf").write_bytes(pdf(["fuera del archivo"]))
    return folder


def run(folder, **kwargs):
    out = io.StringIO()
    call_command("import_documents", str(folder), stdout=out, stderr=io.StringIO(), **kwargs)
    return out.getvalue()


def test_it_imports_documents_with_their_language_versions_and_publishes_them(archive, search_index):
    output = run(archive)
    report = Document.objects.get(symbol="CRM/ST/2004/15")
    assert sorted(report.files.values_list("language", flat=True)) == ["en", "es"]
    assert report.status == "published" and report.group.slug == "grcm" and report.author.acronym_es == "ST"
    letter = Document.objects.get(symbol="CRM/ST/2004/7")
    assert letter.access_level == "members" and letter.doc_type == "letter"
    assert "documents created: 2" in output and "files added: 3" in output


def test_it_reports_every_refused_file_and_why(archive, tmp_path):
    output = run(archive, report=str(tmp_path / "refused.csv"))
    assert "files refused: 6" in output
    assert "virus.pdf: “virus.pdf” is a program" in output
    assert "pagina.txt:" in output and "HTML" in output
    assert "no-existe.pdf: the file is missing" in output
    assert "not YYYY-MM-DD" in output
    assert "../secreto.pdf: the file is outside the archive folder" in output
    assert "'bad symbol' is not valid" in output
    with open(tmp_path / "refused.csv", encoding="utf-8") as fh:
        assert len(list(csv.reader(fh))) == 7
    refused_symbols = ["CRM/ST/2004/16", "CRM/ST/2004/17", "CRM/ST/2004/18", "CRM/ST/2004/19", "CRM/ST/2004/20"]
    assert not Document.objects.filter(symbol__in=refused_symbols).exists()


def test_importing_the_same_archive_twice_creates_no_duplicates(archive):
    run(archive)
    before = (Document.objects.count(), DocumentFile.objects.count())
    output = run(archive)
    assert (Document.objects.count(), DocumentFile.objects.count()) == before
    assert DocumentFileRevision.objects.count() == 0
    assert "documents created: 0" in output and "files skipped: 3" in output


def test_a_changed_file_replaces_the_version_and_keeps_a_revision(archive):
    run(archive)
    (archive / "carta.pdf").write_bytes(pdf(["Carta corregida."]))
    output = run(archive)
    assert "files replaced: 1" in output
    assert DocumentFileRevision.objects.count() == 1


def test_a_folder_without_the_csv_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="documents.csv"):
        run(tmp_path)


def test_imported_documents_carry_their_own_date_not_the_day_of_the_import(archive):
    run(archive)
    letter = Document.objects.get(symbol="CRM/ST/2004/7")  # dated 6 July 2004 in the archive
    assert letter.published_at.date().isoformat() == "2004-07-06"
    assert letter.created_at.date().isoformat() == "2004-07-06"
    assert {f.uploaded_at.date().isoformat() for f in letter.files.all()} == {"2004-07-06"}


def test_the_refusal_report_writes_formula_like_file_names_as_text(archive, tmp_path):
    with (archive / "documents.csv").open("a", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerow(
            ["CRM/ST/2004/21", "other", "2004-11-30", "F", "", "es", "=HYPERLINK(1).pdf", "public", "", "", ""]
        )
    run(archive, report=str(tmp_path / "refused.csv"))
    with open(tmp_path / "refused.csv", encoding="utf-8", newline="") as fh:
        names = [row[1] for row in csv.reader(fh)]
    assert "'=HYPERLINK(1).pdf" in names
    assert "../secreto.pdf" in names  # ordinary names are written as they are
