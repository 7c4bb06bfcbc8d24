import datetime

import pytest
from django.utils import timezone

from secretaria.conftest import _persona
from secretaria.core.access import Role
from secretaria.documents.models import Document
from secretaria.documents.services import document_create
from secretaria.outreach.services import engagements as services


@pytest.fixture
def former_ppt(crm):
    """An official of Mexico, whose presidency has ended."""
    return _persona(crm, "former_ppt", Role.PPT, country="MX", given="Marta", family="Mexicana")


@pytest.fixture
def paper(crm):
    doc = document_create(by=None, symbol="CRM/ST/2004/PRES.1", date=datetime.date(2004, 7, 15),
                          title_es="La Dinámica de las Políticas Migratorias", access_level="public")  # fmt: skip
    Document.objects.filter(pk=doc.pk).update(
        status=Document.Status.PUBLISHED, published_at=timezone.now()
    )  # no file needed here
    doc.refresh_from_db()
    return doc


@pytest.fixture
def event(crm, st_officer):
    return services.engagement_create(
        by=st_officer, kind="presentation", title_es="Presentación en el IIDH", title_en="Presentation at the IIHR",
        summary_es="Presentación en el IIDH, San José", summary_en="Presentation at the IIHR, San José",
        start_date=datetime.date(2004, 7, 15), place="San José", country=crm["countries"]["CR"],
        organization=crm["orgs"]["unhcr"], secretariat_people=[st_officer.person], notify=False,
    )  # fmt: skip


@pytest.fixture
def informal(crm, st_officer):
    return services.engagement_create(
        by=st_officer, kind="informal", title_es="Reunión informal con ACNUR", summary_es="Reunión informal con ACNUR",
        start_date=datetime.date(2004, 8, 2), place="San José", organizations_met=[crm["orgs"]["unhcr"]],
        topics_es="Refugio y migración mixta", confidential_notes="SECRETO-NOTA-CONFIDENCIAL", notify=False,
    )  # fmt: skip
