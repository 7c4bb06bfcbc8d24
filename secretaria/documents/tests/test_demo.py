import io

from django.core.management.color import no_style

from secretaria.documents import demo
from secretaria.documents.models import Document, DocumentFile


def load():
    out = io.StringIO()
    demo.load(stdout=out, style=no_style())
    return out.getvalue()


def test_the_demo_documents_are_published_with_extracted_text_and_mixed_access(crm, search_index):
    load()
    assert Document.objects.count() == 9  # with the draft poster and brochure (outreach material)
    assert set(Document.objects.values_list("status", flat=True)) == {"published"}
    assert set(Document.objects.values_list("access_level", flat=True)) == {"public", "members", "observers"}
    paper = Document.objects.get(symbol="CRM/ST/2004/DOC.2")
    assert sorted(paper.files.values_list("language", flat=True)) == ["en", "es"]
    assert DocumentFile.objects.exclude(extraction_state="done").count() == 0
    letter = DocumentFile.objects.get(document__symbol="CRM/ST/2004/7")
    assert "6 de julio de 2004" in letter.extracted_text and letter.file_type == "pdf"
    logistics = DocumentFile.objects.get(document__symbol="CRM/SEM-SALUD/2004/2")
    assert logistics.file_type == "docx" and "Ciudad de Guatemala" in logistics.extracted_text
    report = Document.objects.get(symbol="CRM/ST/2004/INF.2")
    assert report.group.slug == "grcm" and "Luis Monzón" in report.files.get(language="es").extracted_text


def test_loading_the_demo_twice_changes_nothing(crm, search_index):
    load()
    before = list(DocumentFile.objects.order_by("pk").values_list("pk", "sha256"))
    load()
    assert Document.objects.count() == 9  # with the draft poster and brochure (outreach material)
    assert list(DocumentFile.objects.order_by("pk").values_list("pk", "sha256")) == before


def test_the_demo_documents_read_as_published_in_2004(crm, search_index, client):
    load()
    for document in Document.objects.all():
        assert document.published_at.date() == document.date, document.symbol
        assert document.created_at.date() == document.date, document.symbol
    page = client.get(Document.objects.get(symbol="CRM/SEM-SALUD/2004/1").get_absolute_url()).content.decode()
    published = page.split("Publicado</dt><dd>", 1)[1].split("</dd>", 1)[0]
    assert published.endswith("2004"), published
