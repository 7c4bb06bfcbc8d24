"""What the site archive (secretaria/archive) keeps readable: each published document's current
language versions as PDF, under ``data/readable/documents/``."""

from secretaria.documents.models import Document


def readable_copies(document_file):
    document = document_file.document
    if document.status != Document.Status.PUBLISHED or document_file.file_type != "pdf":
        return []
    name = document.symbol.replace("/", "_").replace("\\", "_")
    return [(f"documents/{name}-{document_file.language}.pdf", document_file.file.storage, document_file.file.name)]
