"""Files attached to posts go through the documents app's checks and are served only to readers."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from secretaria.forums import services
from secretaria.forums.models import PostAttachment

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _reply(client, thread, body, *files):
    return client.post(
        reverse("forums:reply", args=[thread.forum.slug, thread.pk]), {"body": body, "attachments": list(files)}
    )


def test_an_accepted_file_is_attached_and_downloaded_by_readers(forums, thread, gt_official, st_officer, client_for):
    client = client_for(gt_official)
    response = _reply(client, thread, "Adjunto la agenda.", SimpleUploadedFile("Agenda anotada.pdf", PDF))
    assert response.status_code == 302
    attachment = PostAttachment.objects.get()
    assert attachment.original_name == "Agenda anotada.pdf" and attachment.content_type == "application/pdf"
    assert attachment.file.name.startswith("forums/") and "Agenda" not in attachment.file.name
    page = client.get(thread.get_absolute_url()).content.decode()
    assert attachment.get_absolute_url() in page
    download = client.get(attachment.get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"
    assert (
        download["Content-Disposition"].startswith("inline;")
        and "Agenda anotada.pdf" in download["Content-Disposition"]
    )
    forced = client.get(attachment.get_absolute_url(), {"download": "1"})
    assert forced["Content-Disposition"].startswith("attachment;")
    assert client_for(st_officer).get(attachment.get_absolute_url()).status_code == 200


def test_a_file_is_not_downloadable_by_someone_who_cannot_read_the_forum(
    forums, thread, gt_official, hn_official, observer, client_for, client
):
    post = services.post_create(
        thread=thread, author=gt_official, body="Con anexo.", files=[(io.BytesIO(PDF), "anexo.pdf")], notify=False
    )
    url = post.attachments.get().get_absolute_url()
    assert client_for(hn_official).get(url).status_code == 404
    assert client_for(observer).get(url).status_code == 404
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and reverse("account_login") in anonymous["Location"]


def test_the_file_of_a_hidden_post_is_served_only_to_the_secretariat(
    forums, thread, gt_official, st_officer, client_for
):
    post = services.post_create(
        thread=thread, author=gt_official, body="Con anexo.", files=[(io.BytesIO(PNG), "foto.png")], notify=False
    )
    services.post_hide(post=post, by=st_officer, reason="Imagen con datos personales")
    url = post.attachments.get().get_absolute_url()
    assert client_for(gt_official).get(url).status_code == 404
    assert client_for(st_officer).get(url).status_code == 200


def test_a_refused_file_is_explained_and_nothing_is_posted(forums, thread, gt_official, client_for):
    client = client_for(gt_official)
    for name, content, words in [
        ("pagina.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "HTML"),
        ("programa.exe", b"MZ\x90\x00" + b"\x00" * 200, "program"),
        ("agenda.docx", PDF, "PDF"),  # named .docx, but a PDF
    ]:
        response = _reply(client, thread, f"Archivo {name}", SimpleUploadedFile(name, content))
        html = response.content.decode()
        assert response.status_code == 400, name
        assert name in html and words in html, name
        assert not thread.posts.filter(body=f"Archivo {name}").exists()
    assert not PostAttachment.objects.exists()


def test_a_refused_file_in_a_new_thread_keeps_the_form(forums, gt_official, client_for):
    response = client_for(gt_official).post(
        reverse("forums:thread_create", args=["red-proteccion-consular"]),
        {
            "title": "Con script",
            "body": "Texto",
            "attachments": [SimpleUploadedFile("x.svg", b"<svg onload=alert(1)>")],
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "x.svg" in html and 'value="Con script"' in html
    assert not forums["consular"].threads.exists()


def test_an_attachment_whose_name_is_not_utf8_is_kept_under_a_sanitized_name(forums, thread, gt_official, client_for):
    from secretaria.core.tests.multipart import SANITIZED_NAME, post_with_raw_file_name

    response = post_with_raw_file_name(
        client_for(gt_official),
        reverse("forums:reply", args=[thread.forum.slug, thread.pk]),
        {"body": "Adjunto el informe."},
        "attachments",
        PDF,
    )
    assert response.status_code == 302
    assert PostAttachment.objects.get().original_name == SANITIZED_NAME
