"""Restricted local files handed to nginx with X-Accel-Redirect (FILES_X_ACCEL_REDIRECT)."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from secretaria.core.access import AccessLevel
from secretaria.documents import generate, services
from secretaria.documents.models import Document


@pytest.fixture
def members_file(settings, tmp_path, st_officer, crm):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    document = services.document_create(
        by=st_officer,
        symbol="CRM/ST/2026/9",
        access_level=AccessLevel.MEMBERS,
        title_es="Informe",
        title_en="Report",
        date=datetime.date(2026, 6, 1),
        doc_type=Document.Type.WORKING_DOCUMENT,
        author=crm["orgs"]["st"],
    )
    services.document_add_file(
        document=document, by=st_officer, fileobj=ContentFile(generate.pdf_bytes("Informe", ["Texto."])),
        name="Informe anual.pdf", language="es",
    )  # fmt: skip
    services.document_publish(document=document, by=st_officer)
    return document.files.get()


@pytest.mark.django_db
def test_nginx_sends_the_bytes_after_the_view_said_yes(settings, members_file, client_for, gt_official):
    settings.FILES_X_ACCEL_REDIRECT = "/_private/"
    url = reverse("documents:download", args=[members_file.pk])

    response = client_for(gt_official).get(url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_private/" + members_file.file.name
    assert response.content == b""  # nginx reads the file itself
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="Informe anual.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"

    refused = Client().get(url)
    assert refused.status_code == 302 and not refused.has_header("X-Accel-Redirect")


@pytest.mark.django_db
def test_without_the_setting_the_app_streams_the_file(settings, members_file, client_for, gt_official):
    settings.FILES_X_ACCEL_REDIRECT = ""
    response = client_for(gt_official).get(reverse("documents:download", args=[members_file.pk]))
    assert not response.has_header("X-Accel-Redirect")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
