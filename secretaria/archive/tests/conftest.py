"""Fixtures of the archive tests: media in a temporary folder and a small site to export."""

import datetime
import io

import pytest

from secretaria.core.access import AccessLevel
from secretaria.documents import generate, services
from secretaria.documents.models import Topic


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def small_site(crm, st_officer):
    """The CRM directory, the ST officer and a published document with the same PDF in two languages."""
    topic = Topic.objects.create(slug="trata", name_es="Trata de personas", name_en="Trafficking")
    doc = services.document_create(
        by=st_officer,
        symbol="CRM/2004/GRCM/7",
        date=datetime.date(2004, 5, 5),
        title_es="Informe sobre trata",
        title_en="Report on trafficking",
        topics=[topic],
        access_level=AccessLevel.PUBLIC,
    )
    body = generate.pdf_bytes("Informe", ["La Secretaría Técnica informa."])
    services.document_add_files(
        document=doc,
        by=st_officer,
        files=[(io.BytesIO(body), "informe.pdf", "es"), (io.BytesIO(body), "report.pdf", "en")],
    )
    services.document_publish(document=doc, by=st_officer)
    return doc
