from secretaria.documents.search import DocumentSearchSource
from secretaria.documents.tests.conftest import SAMPLES
from secretaria.search.registry import get_source


def test_the_source_is_registered():
    assert isinstance(get_source("document"), DocumentSearchSource)


def test_drafts_have_no_entry(make_document):
    assert DocumentSearchSource().entry_for(make_document()) is None


def test_a_published_document_has_its_titles_text_and_facets(make_document, crm):
    from secretaria.documents.models import Topic

    topic = Topic.objects.create(slug="trata", name_es="Trata de personas", name_en="Trafficking in persons")
    document = make_document(
        files={"es": ("a.pdf", SAMPLES["pdf"]()), "en": ("b.docx", SAMPLES["docx"]())},
        publish=True,
        group=crm["groups"]["grcm"],
        topics=[topic],
    )
    document.files.update(extracted_text="Convención de Palermo", extraction_state="done")
    entry = DocumentSearchSource().entry_for(document)
    assert entry.title_es == "Taller sobre la Convención de Palermo"
    assert "CRM/ST/2004/12" in entry.keywords and "Trata de personas" in entry.keywords
    # Each file's text under its language, for that language's stemmer.
    assert entry.body_es == entry.body_en == "Convención de Palermo" and entry.body == ""
    assert entry.languages == ["en", "es"]
    assert (entry.doc_type, entry.year, entry.group_id, entry.country, entry.status) == (
        "working_document",
        2004,
        crm["groups"]["grcm"].pk,
        None,  # the Secretariat's office is in Costa Rica, but its documents are not Costa Rica's
        "published",
    )
    assert entry.access_level == "public" and entry.meeting_id is None


def test_a_government_agencys_document_is_its_countrys(make_document, crm):
    from secretaria.directory.models import Organization

    agency = Organization.objects.create(
        kind="government", name_es="Dirección General de Migración", country=crm["countries"]["GT"]
    )
    document = make_document(publish=True, author=agency)
    assert DocumentSearchSource().entry_for(document).country == "GT"
    for author in (crm["orgs"]["st"], crm["orgs"]["iom"], None):
        document.author = author
        assert DocumentSearchSource().entry_for(document).country is None


def test_url_for_gives_the_page_in_each_language(make_document):
    document = make_document(publish=True)
    assert DocumentSearchSource().url_for(document.pk, "es").startswith("/es/")
    assert DocumentSearchSource().url_for(document.pk, "es").endswith("/CRM/ST/2004/12/")
    assert DocumentSearchSource().url_for(document.pk, "en").startswith("/en/")


def test_the_search_page_names_document_types_in_the_readers_language():
    from secretaria.documents.models import Document
    from secretaria.documents.search import DocumentSearchSource

    source = DocumentSearchSource()
    assert source.facet_label("doc_type", Document.Type.REPORT, "en") == "Report"
    assert source.facet_label("doc_type", "nonsense", "en") is None
    assert source.facet_label("year", 2004, "en") is None
