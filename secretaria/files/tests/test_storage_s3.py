"""Files on S3-compatible object storage (STORAGE_URL), against moto's server on 127.0.0.1.

A document uploaded through the documents service lands in the bucket under PREFIX/private,
its text is extracted by the task from there, and it leaves only through the authorising
download view: streamed (STORAGE_SERVE=proxy, Range passed on) or by a signed URL that expires
(STORAGE_SERVE=redirect). Public media may have plain URLs. Skipped without moto.
"""

import datetime
import urllib.request

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import Client
from django.urls import reverse

from secretaria.core.access import AccessLevel
from secretaria.core.tests.engines import unique_bucket
from secretaria.documents import generate, services
from secretaria.documents.models import Document, ExtractionState
from secretaria.env import s3_storages
from secretaria.files.storage import PrivateS3Storage, private_storage

pytestmark = pytest.mark.s3

TEXT = ["Protección consular de personas migrantes en tránsito por la región."]


@pytest.fixture
def bucket(s3_bucket):
    return s3_bucket


def keys(client, name):
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", []))


@pytest.fixture
def stored_document(bucket, st_officer, crm, django_capture_on_commit_callbacks):
    def make(access_level=AccessLevel.PUBLIC, **extra):
        document = services.document_create(
            by=st_officer,
            symbol=f"CRM/ST/2026/{access_level}",
            access_level=access_level,
            title_es="Protección consular",
            title_en="Consular protection",
            date=datetime.date(2026, 6, 1),
            doc_type=Document.Type.WORKING_DOCUMENT,
            author=crm["orgs"]["st"],
            **extra,
        )
        with django_capture_on_commit_callbacks(execute=True):
            services.document_add_file(
                document=document,
                by=st_officer,
                fileobj=ContentFile(generate.pdf_bytes("Protección consular", TEXT)),
                name="Protección consular.pdf",
                language="es",
            )
        services.document_publish(document=document, by=st_officer)
        return document.files.get()

    return make


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
def test_an_upload_goes_to_the_private_prefix_and_its_text_is_extracted_from_there(bucket, stored_document):
    client, name = bucket
    doc_file = stored_document()
    assert isinstance(private_storage._wrapped, PrivateS3Storage)
    (key,) = keys(client, name)
    assert key.startswith("sv/private/documents/") and key.endswith(".pdf")
    assert "Protecci" not in key  # generated names reveal nothing
    doc_file.refresh_from_db()
    assert doc_file.extraction_state == ExtractionState.DONE
    assert "Protección consular de personas migrantes" in doc_file.extracted_text


@pytest.mark.django_db
def test_restricted_files_are_streamed_only_to_readers_with_ranges(bucket, stored_document, client_for, gt_official):
    doc_file = stored_document(access_level=AccessLevel.MEMBERS)
    url = reverse("documents:download", args=[doc_file.pk])
    original = generate.pdf_bytes("Protección consular", TEXT)

    refused = Client().get(url)
    assert refused.status_code == 302 and "/accounts/login/" in refused["Location"]

    member = client_for(gt_official)
    response = member.get(url)
    assert response.status_code == 200
    assert body(response) == original
    assert response["Content-Length"] == str(len(original))
    assert response["Content-Disposition"].startswith("inline;")

    partial = member.get(url, HTTP_RANGE="bytes=0-7")
    assert partial.status_code == 206
    assert body(partial) == original[:8]
    assert partial["Content-Range"] == f"bytes 0-7/{len(original)}"


@pytest.mark.django_db
def test_redirect_mode_sends_readers_to_a_signed_url_that_expires(
    bucket, stored_document, client_for, gt_official, settings
):
    settings.STORAGE_SERVE = "redirect"
    settings.STORAGE_SIGNED_URL_SECONDS = 30
    doc_file = stored_document(access_level=AccessLevel.MEMBERS)
    url = reverse("documents:download", args=[doc_file.pk])

    response = client_for(gt_official).get(url)
    assert response.status_code == 302
    signed = response["Location"]
    assert "X-Amz-Expires=30" in signed and "X-Amz-Signature=" in signed
    assert response["Cache-Control"] == "private, no-store"
    with urllib.request.urlopen(signed, timeout=10) as fetched:  # noqa: S310 - moto on 127.0.0.1
        assert fetched.read() == generate.pdf_bytes("Protección consular", TEXT)
        assert "Protecci%C3%B3n" in fetched.headers["Content-Disposition"]
    assert Client().get(url).status_code == 302  # anonymous visitors still get the login page


@pytest.mark.django_db
def test_public_media_may_have_plain_urls_and_private_files_none(s3_server, settings):
    name = unique_bucket()
    boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1").create_bucket(Bucket=name)
    url = f"s3://{name}?endpoint_url={s3_server}&region=us-east-1&addressing_style=path&public_url=https://media.example.org/sv"
    settings.STORAGES = {**settings.STORAGES, **s3_storages(url)}
    saved = storages["default"].save("portal/logo.png", ContentFile(b"\x89PNG..."))
    assert storages["default"].url(saved) == f"https://media.example.org/sv/media/{saved}"
    with pytest.raises(ValueError, match="no URL"):
        private_storage.url("documents/aa/secret.pdf")


@pytest.mark.django_db
def test_readyz_checks_the_bucket(bucket, client, s3_server, settings):
    assert client.get("/readyz").json()["checks"]["storage"]["backend"] == "default: s3, private: s3"
    settings.STORAGES = {**settings.STORAGES, **s3_storages(f"s3://missing-bucket?endpoint_url={s3_server}")}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["ok"] is False


def test_storage_url_mistakes_stop_the_start():
    with pytest.raises(ImproperlyConfigured, match="s3://BUCKET"):
        s3_storages("ftp://bucket/x")
    with pytest.raises(ImproperlyConfigured, match="unknown options: acl"):
        s3_storages("s3://bucket/x?acl=public-read")
    options = s3_storages("s3://AKIA:se%2Fcret@archive/sv?region=eu-west-1")["private"]["OPTIONS"]
    assert (options["bucket_name"], options["location"], options["region_name"]) == (
        "archive",
        "sv/private",
        "eu-west-1",
    )
    assert (options["access_key"], options["secret_key"]) == ("AKIA", "se/cret")
