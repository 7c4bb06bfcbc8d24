import io

import pytest
from django.urls import reverse

from secretaria.core.access import AccessLevel
from secretaria.documents import services
from secretaria.documents.models import Document, DocumentFileRevision
from secretaria.documents.tests.conftest import SAMPLES, as_file, pdf

PERSONAS = ["anonymous", "civil_society", "observer", "gt_official", "hn_official", "ppt_official", "st_officer"]
# Who may read a document at each level (the consular network includes gt_official only).
READERS = {
    AccessLevel.PUBLIC: set(PERSONAS),
    AccessLevel.REGISTERED: set(PERSONAS) - {"anonymous"},
    AccessLevel.OBSERVERS: {"observer", "gt_official", "hn_official", "ppt_official", "st_officer"},
    AccessLevel.MEMBERS: {"gt_official", "hn_official", "ppt_official", "st_officer"},
    AccessLevel.GROUP: {"gt_official", "st_officer"},
    AccessLevel.SECRETARIAT: {"st_officer"},
}


def client_as(request, name, client_for):
    if name == "anonymous":
        return request.getfixturevalue("anonymous")
    return client_for(request.getfixturevalue(name))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("level", list(READERS))
@pytest.mark.parametrize("persona", PERSONAS)
def test_downloads_ask_the_access_policy_for_every_persona(request, client_for, make_document, crm, level, persona):
    extra = {"access_group": crm["groups"]["consular"]} if level == AccessLevel.GROUP else {}
    document = make_document(access_level=level, publish=True, **extra)
    doc_file = document.files.get()
    client = client_as(request, persona, client_for)
    response = client.get(reverse("documents:download", args=[doc_file.pk]))
    page = client.get(document.get_absolute_url())
    if persona in READERS[level]:
        assert response.status_code == 200
        assert body(response) == pdf()
        assert page.status_code == 200
    else:
        assert response.status_code in (302, 404)
        assert not response.streaming
        assert b"%PDF" not in response.content
        if persona == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert page.status_code == response.status_code


def test_drafts_are_invisible_to_everyone_but_the_secretariat(client_for, make_document, gt_official, st_officer):
    document = make_document(access_level=AccessLevel.PUBLIC)
    doc_file = document.files.get()
    member = client_for(gt_official)
    assert member.get(document.get_absolute_url()).status_code == 404
    assert member.get(reverse("documents:download", args=[doc_file.pk])).status_code == 404
    assert document.symbol not in member.get(reverse("documents:members_list")).content.decode()
    secretariat = client_for(st_officer)
    page = secretariat.get(document.get_absolute_url())
    assert page.status_code == 200 and "solo la Secretaría Técnica puede ver este documento" in page.content.decode()


def test_an_unknown_symbol_asks_visitors_to_sign_in_and_is_a_404_for_readers(anonymous, client_for, observer):
    url = reverse("documents:detail", kwargs={"symbol": "CRM/ST/1999/1"})
    response = anonymous.get(url)
    assert response.status_code == 302 and response["Location"].endswith(f"?next={url}")
    assert client_for(observer).get(url).status_code == 404


def test_a_withdrawn_document_stays_reachable_with_a_notice(anonymous, make_document, st_officer):
    document = make_document(publish=True)
    services.document_withdraw(document=document, by=st_officer, note="Sustituido por la versión revisada.")
    page = anonymous.get(document.get_absolute_url())
    text = page.content.decode()
    assert page.status_code == 200
    assert "Este documento fue retirado el" in text and "Sustituido por la versión revisada." in text
    assert anonymous.get(reverse("documents:download", args=[document.files.get().pk])).status_code == 200


def test_the_document_page_shows_versions_languages_and_group(anonymous, make_document, crm):
    document = make_document(
        files={"es": ("Agenda.pdf", pdf()), "en": ("Agenda EN.docx", SAMPLES["docx"]())},
        publish=True,
        group=crm["groups"]["grcm"],
    )
    text = anonymous.get(document.get_absolute_url()).content.decode()
    assert "Taller sobre la Convención de Palermo" in text
    assert "Agenda.pdf" in text and "Agenda EN.docx" in text
    assert "Grupo Regional de Consulta sobre Migración" in text
    assert "Earlier revisions" not in text and "Add or replace files" not in text


def test_the_secretariat_sees_revisions_and_extraction_states(client_for, make_document, st_officer):
    document = make_document(publish=True)
    services.document_add_file(
        document=document, by=st_officer, fileobj=as_file(pdf(["Corrección."])), name="v2.pdf", language="es"
    )
    client = client_for(st_officer)
    text = client.get(document.get_absolute_url()).content.decode()
    assert "Revisiones anteriores" in text and "Convención de Palermo.pdf" in text
    assert "Extracción de texto pendiente" in text
    revision = DocumentFileRevision.objects.get()
    assert body(client.get(reverse("documents:download_revision", args=[revision.pk]))) == pdf()


def test_revisions_are_not_downloadable_by_readers(client_for, make_document, st_officer, gt_official):
    document = make_document(publish=True)
    services.document_add_file(
        document=document, by=st_officer, fileobj=as_file(pdf(["Corrección."])), name="v2.pdf", language="es"
    )
    revision = DocumentFileRevision.objects.get()
    assert client_for(gt_official).get(reverse("documents:download_revision", args=[revision.pk])).status_code == 404


# --- The download response -------------------------------------------------------------------
@pytest.fixture
def public_file(make_document):
    return make_document(publish=True).files.get()


def test_the_download_has_safe_headers_and_the_original_name(anonymous, public_file):
    response = anonymous.get(reverse("documents:download", args=[public_file.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(pdf()))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline;")
    assert 'filename="Convencion de Palermo.pdf"' in disposition
    assert "filename*=UTF-8''Convenci%C3%B3n%20de%20Palermo.pdf" in disposition


def test_the_download_can_be_forced_as_an_attachment(anonymous, public_file):
    response = anonymous.get(reverse("documents:download", args=[public_file.pk]) + "?download=1")
    assert response["Content-Disposition"].startswith("attachment;")


def test_office_files_are_always_attachments(anonymous, make_document):
    document = make_document(files={"es": ("carta.docx", SAMPLES["docx"]())}, publish=True)
    response = anonymous.get(reverse("documents:download", args=[document.files.get().pk]))
    assert response["Content-Disposition"] == 'attachment; filename="carta.docx"'


def test_a_range_request_gets_206_and_the_bytes_asked_for(anonymous, public_file):
    url = reverse("documents:download", args=[public_file.pk])
    content = pdf()
    response = anonymous.get(url, HTTP_RANGE="bytes=0-9")
    assert response.status_code == 206
    assert body(response) == content[:10]
    assert response["Content-Range"] == f"bytes 0-9/{len(content)}"
    assert response["Content-Length"] == "10"
    tail = anonymous.get(url, HTTP_RANGE="bytes=-5")
    assert tail.status_code == 206 and body(tail) == content[-5:]
    rest = anonymous.get(url, HTTP_RANGE=f"bytes={len(content) - 3}-")
    assert body(rest) == content[-3:]
    beyond = anonymous.get(url, HTTP_RANGE=f"bytes=10-{len(content) + 100}")
    assert beyond.status_code == 206 and body(beyond) == content[10:]


def test_an_unsatisfiable_range_gets_416(anonymous, public_file):
    url = reverse("documents:download", args=[public_file.pk])
    response = anonymous.get(url, HTTP_RANGE=f"bytes={len(pdf()) + 10}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(pdf())}"


def test_a_malformed_or_multiple_range_gets_the_whole_file(anonymous, public_file):
    url = reverse("documents:download", args=[public_file.pk])
    for header in ["bytes=a-b", "bytes=0-1,4-5", "items=0-1"]:
        response = anonymous.get(url, HTTP_RANGE=header)
        assert response.status_code == 200 and body(response) == pdf()


def test_if_range_with_a_stale_etag_gets_the_whole_file(anonymous, public_file):
    url = reverse("documents:download", args=[public_file.pk])
    stale = anonymous.get(url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"stale"')
    assert stale.status_code == 200
    fresh = anonymous.get(url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=f'"{public_file.sha256}"')
    assert fresh.status_code == 206


def test_no_media_url_serves_private_files(anonymous, public_file):
    assert anonymous.get("/media/private/" + public_file.file.name).status_code == 404


# --- Lists and feed ----------------------------------------------------------------------------
def test_the_public_list_shows_only_public_published_documents(anonymous, make_document):
    make_document("CRM/ST/2004/1", publish=True)
    make_document("CRM/ST/2004/2", access_level=AccessLevel.MEMBERS, publish=True)
    make_document("CRM/ST/2004/3")
    text = anonymous.get(reverse("documents:list")).content.decode()
    assert "CRM/ST/2004/1" in text
    assert "CRM/ST/2004/2" not in text and "CRM/ST/2004/3" not in text


def test_the_public_list_filters_by_type_year_group_and_topic(anonymous, make_document, crm):
    from secretaria.documents.models import Topic

    health = Topic.objects.create(slug="salud", name_es="Migración y salud", name_en="Migration and health")
    make_document("CRM/ST/2004/1", publish=True, doc_type=Document.Type.LETTER)
    make_document("CRM/ST/2003/9", publish=True, date=__import__("datetime").date(2003, 5, 1))
    make_document("CRM/GRCM/2004/1", publish=True, group=crm["groups"]["grcm"], topics=[health])
    url = reverse("documents:list")

    def symbols(**params):
        text = anonymous.get(url, params).content.decode()
        return {s for s in ["CRM/ST/2004/1", "CRM/ST/2003/9", "CRM/GRCM/2004/1"] if f">{s}<" in text}

    assert symbols(type="letter") == {"CRM/ST/2004/1"}
    assert symbols(year="2003") == {"CRM/ST/2003/9"}
    assert symbols(group="grcm") == {"CRM/GRCM/2004/1"}
    assert symbols(topic="salud") == {"CRM/GRCM/2004/1"}
    assert len(symbols(year="not-a-year")) == 3  # a bad filter is ignored, not an error


def test_the_public_list_makes_a_constant_number_of_queries(anonymous, make_document, count_queries, crm):
    from secretaria.documents.models import Topic

    topic = Topic.objects.create(slug="retorno", name_es="Retorno", name_en="Return")

    def add(numbers):
        for i in numbers:
            make_document(
                f"CRM/ST/2004/{i + 1}",
                publish=True,
                topics=[topic],
                group=crm["groups"]["grcm"],
                files={"es": ("a.pdf", pdf([f"Documento {i}"])), "en": ("b.pdf", pdf([f"Document {i}"]))},
            )

    badges = []

    def listing():
        badges.append(anonymous.get(reverse("documents:list")).content.decode().count('class="badge badge-info"'))

    add(range(2))
    few = count_queries(listing)
    add(range(2, 25))
    assert count_queries(listing) == few
    assert badges == [4, 40]  # 20 per page × 2 languages


def test_the_members_list_requires_sign_in_and_shows_what_the_viewer_may_read(
    anonymous, client_for, make_document, observer
):
    make_document("CRM/ST/2004/1", access_level=AccessLevel.OBSERVERS, publish=True)
    make_document("CRM/ST/2004/2", access_level=AccessLevel.MEMBERS, publish=True)
    url = reverse("documents:members_list")
    assert anonymous.get(url).status_code == 302
    text = client_for(observer).get(url).content.decode()
    assert "CRM/ST/2004/1" in text and "CRM/ST/2004/2" not in text


def test_the_feed_lists_only_public_published_documents(anonymous, make_document, st_officer):
    make_document("CRM/ST/2004/1", publish=True)
    make_document("CRM/ST/2004/2", access_level=AccessLevel.MEMBERS, publish=True)
    make_document("CRM/ST/2004/3")
    withdrawn = make_document("CRM/ST/2004/4", publish=True)
    services.document_withdraw(document=withdrawn, by=st_officer, note="Retirado.")
    response = anonymous.get(reverse("documents:feed"))
    text = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "CRM/ST/2004/1" in text
    assert "CRM/ST/2004/2" not in text and "CRM/ST/2004/3" not in text and "CRM/ST/2004/4" not in text


def test_the_sitemap_lists_public_documents_in_both_languages(make_document):
    from secretaria.documents.sitemaps import DocumentSitemap

    make_document("CRM/ST/2004/1", publish=True)
    make_document("CRM/ST/2004/2", access_level=AccessLevel.MEMBERS, publish=True)
    from django.contrib.sites.requests import RequestSite
    from django.test import RequestFactory

    site = RequestSite(RequestFactory().get("/"))
    urls = [entry["location"] for entry in DocumentSitemap().get_urls(site=site, protocol="https")]
    assert any("/es/" in u and u.endswith("CRM/ST/2004/1/") for u in urls)
    assert any("/en/" in u for u in urls)
    assert not any("CRM/ST/2004/2" in u for u in urls)


# --- The Secretariat's forms ---------------------------------------------------------------------
def test_readers_cannot_reach_the_secretariat_forms(client_for, anonymous, make_document, gt_official):
    document = make_document()
    assert anonymous.get(reverse("documents:create")).status_code == 302
    member = client_for(gt_official)
    assert member.get(reverse("documents:create")).status_code == 403
    assert member.post(reverse("documents:publish", args=[document.pk])).status_code == 403
    document.refresh_from_db()
    assert document.status == Document.Status.DRAFT


def test_the_secretariat_creates_uploads_and_publishes_through_the_forms(client_for, st_officer, crm, search_index):
    client = client_for(st_officer)
    response = client.post(
        reverse("documents:create"),
        {
            "symbol": "CRM/ST/2004/20",
            "doc_type": "logistics_note",
            "date": "2004-10-01",
            "title_es": "Información administrativa y logística",
            "title_en": "",
            "summary_es": "",
            "summary_en": "",
            "author": crm["orgs"]["st"].pk,
            "access_level": "public",
        },
    )
    document = Document.objects.get(symbol="CRM/ST/2004/20")
    assert response.status_code == 302 and response["Location"] == reverse("documents:upload", args=[document.pk])
    es = io.BytesIO(pdf())
    es.name = "Nota logística.pdf"
    en = io.BytesIO(SAMPLES["docx"]())
    en.name = "Logistics note.docx"
    bad = io.BytesIO(b"MZ" + b"\0" * 100)
    bad.name = "programa.pdf"
    response = client.post(
        reverse("documents:upload", args=[document.pk]),
        {"file_0": es, "language_0": "es", "file_1": en, "language_1": "en", "file_2": bad, "language_2": "fr",
         "archive_language": "es"},
    )  # fmt: skip
    text = response.content.decode()
    assert response.status_code == 200
    assert "programa.pdf" in text and "program" in text
    assert sorted(document.files.values_list("language", flat=True)) == ["en", "es"]
    response = client.post(reverse("documents:publish", args=[document.pk]))
    document.refresh_from_db()
    assert document.status == Document.Status.PUBLISHED


def test_the_create_form_reports_a_duplicate_symbol(client_for, st_officer, make_document):
    make_document("CRM/ST/2004/20")
    response = client_for(st_officer).post(
        reverse("documents:create"),
        {"symbol": "CRM/ST/2004/20", "doc_type": "letter", "date": "2004-07-06", "title_es": "Carta",
         "access_level": "members"},
    )  # fmt: skip
    assert response.status_code == 200
    assert response.context["form"].errors["symbol"]
    assert 'id="id_symbol_error"' in response.content.decode()
    assert Document.objects.filter(symbol="CRM/ST/2004/20").count() == 1


def test_the_upload_form_refuses_an_oversized_file_with_a_clear_message(
    client_for, st_officer, make_document, settings
):
    settings.MAX_UPLOAD_MB = 1
    document = make_document(files={})
    big = io.BytesIO(pdf() + b"\0" * (1024 * 1024 + 10))
    big.name = "enorme.pdf"
    response = client_for(st_officer).post(
        reverse("documents:upload", args=[document.pk]),
        {"file_0": big, "language_0": "es", "language_1": "en", "archive_language": "es"},
    )
    assert "el tamaño máximo aceptado es de 1 MB" in response.content.decode()
    assert not document.files.exists()


def test_withdraw_and_access_forms(client_for, st_officer, make_document, crm):
    document = make_document(publish=True)
    client = client_for(st_officer)
    client.post(reverse("documents:access", args=[document.pk]), {"access_level": "members"})
    client.post(reverse("documents:withdraw", args=[document.pk]), {"note": "Versión superada."})
    document.refresh_from_db()
    assert document.access_level == "members"
    assert document.status == "withdrawn" and document.withdrawal_note == "Versión superada."


def test_the_dashboard_panel_lists_recent_documents(client_for, gt_official, make_document):
    make_document("CRM/ST/2004/1", access_level=AccessLevel.MEMBERS, publish=True)
    text = client_for(gt_official).get(reverse("members:dashboard")).content.decode()
    assert "CRM/ST/2004/1" in text or "Taller sobre la Convención de Palermo" in text


def test_the_edit_form_updates_metadata_and_topics(client_for, st_officer, make_document, search_index):
    from secretaria.documents.models import Topic

    topic = Topic.objects.create(slug="trata", name_es="Trata de personas", name_en="Trafficking in persons")
    document = make_document(publish=True)
    client = client_for(st_officer)
    assert client.get(reverse("documents:edit", args=[document.pk])).status_code == 200
    response = client.post(
        reverse("documents:edit", args=[document.pk]),
        {"symbol": document.symbol, "doc_type": "annotated_agenda", "date": "2004-12-02",
         "title_es": "Agenda anotada del Taller", "title_en": "", "summary_es": "", "summary_en": "",
         "topics": [topic.pk]},
    )  # fmt: skip
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title_es == "Agenda anotada del Taller" and document.doc_type == "annotated_agenda"
    assert list(document.topics.all()) == [topic]
    assert document.status == "published" and document.access_level == "public"


def test_the_secretariat_deletes_a_draft_but_not_a_published_document(client_for, st_officer, make_document):
    draft = make_document("CRM/ST/2004/1")
    published = make_document("CRM/ST/2004/2", publish=True)
    client = client_for(st_officer)
    client.post(reverse("documents:delete", args=[draft.pk]))
    client.post(reverse("documents:delete", args=[published.pk]))
    assert list(Document.objects.values_list("symbol", flat=True)) == ["CRM/ST/2004/2"]


def test_the_members_list_makes_a_constant_number_of_queries(client_for, st_officer, make_document, count_queries):
    client = client_for(st_officer)
    pages = []

    def listing():
        response = client.get(reverse("documents:members_list"))
        assert response.status_code == 200
        pages.append(response.content.decode())

    for i in range(2):
        make_document(f"CRM/ST/2004/{i + 1}", access_level=AccessLevel.MEMBERS, publish=i % 2 == 0)
    listing()  # warm the session
    few = count_queries(listing)
    for i in range(2, 22):
        make_document(f"CRM/ST/2004/{i + 1}", access_level=AccessLevel.MEMBERS, publish=i % 2 == 0)
    assert count_queries(listing) == few
    assert "Borrador" in pages[-1]


def test_a_zip_uploaded_through_the_form_adds_each_file_and_reports_refusals(client_for, st_officer, make_document):
    import zipfile

    document = make_document(files={})
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("Agenda anotada_ES.pdf", pdf())
        z.writestr("Annotated agenda_EN.docx", SAMPLES["docx"]())
        z.writestr("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    archive.seek(0)
    archive.name = "agenda.zip"
    response = client_for(st_officer).post(
        reverse("documents:upload", args=[document.pk]), {"archive": archive, "archive_language": "es"}
    )
    text = response.content.decode()
    assert "logo.svg" in text and "SVG" in text
    assert sorted(document.files.values_list("language", flat=True)) == ["en", "es"]


def test_the_upload_form_keeps_a_file_whose_name_is_not_utf8(client_for, st_officer, make_document):
    from secretaria.core.tests.multipart import SANITIZED_NAME, post_with_raw_file_name

    document = make_document(files={})
    response = post_with_raw_file_name(
        client_for(st_officer),
        reverse("documents:upload", args=[document.pk]),
        {"language_0": "es", "language_1": "en", "archive_language": "es"},
        "file_0",
        pdf(),
    )
    assert response.status_code in (200, 302)
    assert list(document.files.values_list("original_name", flat=True)) == [SANITIZED_NAME]


def test_anonymous_visitors_cannot_tell_restricted_documents_files_and_revisions_from_missing_ones(
    anonymous, make_document, st_officer, client_for, observer
):
    from django.conf import settings

    document = make_document(access_level=AccessLevel.MEMBERS, publish=True)
    services.document_add_file(
        document=document, by=st_officer, fileobj=as_file(pdf(["Corrección."])), name="v2.pdf", language="es"
    )
    draft = make_document("CRM/ST/2004/13")  # a public draft: nobody but the Secretariat sees it yet
    pairs = [
        (document.get_absolute_url(), reverse("documents:detail", kwargs={"symbol": "CRM/ST/1999/9"})),
        (draft.get_absolute_url(), reverse("documents:detail", kwargs={"symbol": "CRM/ST/1999/9"})),
        (reverse("documents:download", args=[document.files.get().pk]), reverse("documents:download", args=[999999])),
        (reverse("documents:download", args=[draft.files.get().pk]), reverse("documents:download", args=[999999])),
        (
            reverse("documents:download_revision", args=[DocumentFileRevision.objects.get().pk]),
            reverse("documents:download_revision", args=[999999]),
        ),
    ]
    login = reverse(settings.LOGIN_URL)
    reader = client_for(observer)
    for restricted, missing in pairs:
        for url in (restricted, missing):
            response = anonymous.get(url)
            assert response.status_code == 302 and response["Location"] == f"{login}?next={url}", url
            assert reader.get(url).status_code == 404, url
