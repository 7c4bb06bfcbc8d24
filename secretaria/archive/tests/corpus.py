"""A generated corpus on top of the demo data: documents with their own PDF, news items.

Used by the round-trip test and by bench/archive.py (``make_corpus(n)`` adds n documents, each
with a distinct PDF in Spanish, and n news items). ``file_mb`` gives each PDF a realistic size: an
attached scan-like annex of that many megabytes of random (incompressible) bytes, so a benchmark
moves as many bytes as a real archive of scanned documents would."""

import datetime
import hashlib
import io
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfWriter

from secretaria.documents.generate import pdf_bytes
from secretaria.documents.models import Document, DocumentFile, Topic
from secretaria.files.storage import generated_name, private_storage
from secretaria.portal.models import NewsItem


def make_corpus(n: int, *, prefix: str = "GEN", file_mb: float = 0.0) -> int:
    """Add n published documents (one PDF each, about ``file_mb`` MB when given) and n published
    news items; return records made."""
    topic, _ = Topic.objects.get_or_create(slug="corpus", defaults={"name_es": "Corpus", "name_en": "Corpus"})
    now = timezone.now()
    made = 0
    for i in range(n):
        day = datetime.date(1996, 3, 1) + datetime.timedelta(days=i % 9000)
        doc = Document.objects.create(
            symbol=f"CRM/{prefix}/{i:06d}",
            date=day,
            title_es=f"Documento generado {i}",
            title_en=f"Generated document {i}",
            summary_es="Resumen " * 20,
            access_level="public" if i % 3 else "members",
            status=Document.Status.PUBLISHED,
            published_at=now,
        )
        doc.topics.add(topic)
        body = pdf_bytes(f"Documento {i}", [f"Párrafo {i}-{j} sobre migración regional." for j in range(8)])
        if file_mb > 0:
            body = with_annex(body, random.Random(i).randbytes(int(file_mb * 1_000_000)))
        name = private_storage.save(generated_name(".pdf"), _content(body))
        DocumentFile.objects.create(
            document=doc,
            language="es",
            file=name,
            original_name=f"doc-{i}.pdf",
            file_type="pdf",
            content_type="application/pdf",
            size=len(body),
            sha256=hashlib.sha256(body).hexdigest(),
            uploaded_at=now,
        )
        NewsItem.objects.create(
            slug=f"{prefix.lower()}-noticia-{i}",
            title_es=f"Noticia generada {i}",
            title_en=f"Generated news {i}",
            body_es="Texto de la noticia. " * 30,
            body_en="News text. " * 30,
            status="published",
            publish_at=now,
        )
        made += 3  # document, file, news item
    return made


def with_annex(body: bytes, annex: bytes) -> bytes:
    """The PDF with ``annex`` attached as an embedded file (pypdf), still a valid, readable PDF."""
    writer = PdfWriter(clone_from=io.BytesIO(body))
    writer.add_attachment("anexo-escaneado.bin", annex)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _content(body: bytes) -> ContentFile:
    return ContentFile(body)
