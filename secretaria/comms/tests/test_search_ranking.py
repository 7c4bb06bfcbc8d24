"""A list's archive copy of an announcement is found, but below the document it announces."""

import pytest
from django.utils import translation

from secretaria.comms import services
from secretaria.search.selectors import search


@pytest.mark.parametrize("query", ["informe de actividades", "Secretaría Técnica", "activity report", "mayo-noviembre"])
def test_the_document_ranks_above_the_lists_copy_of_its_announcement(public_list, publish, query):
    document = publish()
    services.process_outbox()
    hits = search(user=None, q=query).hits
    kinds = [hit.kind for hit in hits]
    assert "list_message" in kinds  # the archive is still found
    assert kinds[0] == "document" and hits[0].object_id == document.pk


def test_an_english_reader_sees_the_english_text_of_a_list_message(public_list, publish):
    document = publish()
    services.process_outbox()
    with translation.override("en"):
        hit = next(h for h in search(user=None, q=document.symbol).hits if h.kind == "list_message")
    assert hit.title.startswith("New document")
    assert "published a document" in hit.snippet and f"<mark>{document.symbol}</mark>" in hit.snippet
    assert "publicado" not in hit.snippet
    with translation.override("es"):
        hit = next(h for h in search(user=None, q=document.symbol).hits if h.kind == "list_message")
    assert "publicado un documento" in hit.snippet
