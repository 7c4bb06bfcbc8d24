import pytest
from django.test import Client
from django.urls import reverse

from secretaria.core.access import AccessLevel
from secretaria.documents.models import Document
from secretaria.documents.tests.conftest import SAMPLES, pdf
from secretaria.outbox.models import Event


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_secretariat_officer_uploads_two_language_versions_and_publishes(
    page, live_server, st_officer, tmp_path, search_index
):
    es = tmp_path / "Convención de Palermo.pdf"
    es.write_bytes(pdf())
    en = tmp_path / "Palermo Convention.docx"
    en.write_bytes(SAMPLES["docx"]())
    sign_in(page, live_server, st_officer)

    page.goto(reverse("documents:members_list"))
    page.get_by_role("link", name="Nuevo documento").click()
    page.fill("#id_symbol", "CRM/ST/2004/21")
    page.select_option("#id_doc_type", "working_document")
    page.fill("#id_date", "2004-12-01")
    page.fill("#id_title_es", "Taller sobre la Convención de Palermo")
    page.fill("#id_title_en", "Workshop on the Palermo Convention")
    page.select_option("#id_access_level", AccessLevel.MEMBERS)
    # Buttons by CSS: Django's own catalogs already translate words like "Save".
    page.click("main form.form button[type=submit]")

    page.wait_for_url("**/archivos/")
    page.set_input_files("#id_file_0", str(es))
    page.select_option("#id_language_0", "es")
    page.set_input_files("#id_file_1", str(en))
    page.select_option("#id_language_1", "en")
    page.click(".upload-form button[type=submit]")

    page.wait_for_url("**/CRM/ST/2004/21/")
    assert page.get_by_text("Convención de Palermo.pdf").is_visible()
    assert page.get_by_text("Palermo Convention.docx").is_visible()
    page.click("form[action$='/publicar/'] button")
    page.wait_for_url("**/CRM/ST/2004/21/")
    assert page.locator(".messages").get_by_text("CRM/ST/2004/21").is_visible()

    document = Document.objects.get(symbol="CRM/ST/2004/21")
    assert document.status == Document.Status.PUBLISHED and document.published_by == st_officer
    assert sorted(document.files.values_list("language", flat=True)) == ["en", "es"]
    assert set(document.files.values_list("extraction_state", flat=True)) == {"done"}
    assert Event.objects.filter(kind="document.published", payload__symbol="CRM/ST/2004/21").exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_anonymous_visitor_cannot_download_a_members_only_document(page, live_server, make_document):
    document = make_document(access_level=AccessLevel.MEMBERS, publish=True)
    response = page.goto(reverse("documents:download", args=[document.files.get().pk]))
    assert "/accounts/login/" in page.url
    assert response.headers.get("content-type", "").startswith("text/html")
