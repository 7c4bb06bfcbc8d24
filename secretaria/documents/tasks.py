"""Background work of the documents app: taking the text out of uploaded files."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from secretaria.documents.extraction import run_extraction
from secretaria.documents.models import Document, DocumentFile, ExtractionState
from secretaria.documents.search import reindex_document
from secretaria.files.storage import local_path


@task()
def extract_document_file(*, file_id: int, sha256: str = "") -> str:
    """Extract the text of one language version, record the outcome, and reindex its document."""
    doc_file = DocumentFile.objects.filter(pk=file_id).select_related("document").first()
    if doc_file is None or (sha256 and doc_file.sha256 != sha256):
        return "skipped"  # deleted or replaced since it was queued; the newer upload queued its own run
    if doc_file.extraction_state != ExtractionState.PENDING:
        return "skipped"  # already done (the demo extracts synchronously, a retry may come twice)
    with local_path(doc_file.file) as path:  # a temporary copy when the file is on object storage
        result = run_extraction(path, doc_file.file_type)
    with transaction.atomic():
        updated = DocumentFile.objects.filter(pk=file_id, sha256=doc_file.sha256).update(
            extraction_state=result.state,
            extraction_error=result.reason[:500],
            extracted_text=result.text,
            extracted_at=timezone.now(),
        )
        if updated:
            # Read the document again, locked: a publication committed while the text was being
            # extracted must not be indexed over with the draft read at the start (seen on the
            # PostgreSQL stack with two app processes and a worker: deploy/stack_check.py).
            reindex_document(Document.objects.select_for_update().get(pk=doc_file.document_id))
    return result.state


def queue_extraction(doc_file) -> None:
    """Queue extraction once the upload is committed (the worker must see the row and the file)."""
    file_id, sha256 = doc_file.pk, doc_file.sha256
    transaction.on_commit(lambda: extract_document_file.enqueue(file_id=file_id, sha256=sha256))
