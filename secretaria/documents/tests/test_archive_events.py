"""An event still waiting in the outbox when the site is exported names its document by the new
site's key after the import, so the distribution lists announce the right document."""

from io import StringIO

from django.core.management import call_command

from secretaria.documents.models import Document
from secretaria.outbox.models import Event


def test_a_pending_publication_event_follows_its_document_to_the_new_site(tmp_path, make_document, st_officer):
    document = make_document(publish=True)
    Event.objects.all().delete()
    Event.objects.create(kind="document.published", payload={"document_id": document.pk, "symbol": document.symbol,
                                                             "published_by": st_officer.pk})  # fmt: skip
    call_command("export_site", str(tmp_path / "bag"), "--no-progress", stdout=StringIO())
    old = document.pk
    Event.objects.all().delete()
    Document.objects.all().delete()

    call_command("import_site", str(tmp_path / "bag"), "--no-reindex", stdout=StringIO())

    document = Document.objects.get(symbol=document.symbol)
    event = Event.objects.get()
    assert document.pk != old
    assert event.payload == {"document_id": document.pk, "symbol": document.symbol, "published_by": st_officer.pk}
