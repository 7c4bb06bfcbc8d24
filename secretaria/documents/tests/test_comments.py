"""Comments on restricted documents: only signed-in readers of the document read and write
them, never on public documents or the portal; the author deletes, the Secretariat hides."""

import pytest
from django.urls import reverse

from secretaria.core.access import AccessLevel
from secretaria.directory.models import Membership
from secretaria.documents import services
from secretaria.documents.models import DocumentComment

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_document(make_document, crm):
    return make_document(
        "CRM/ST/2004/PROT", access_level=AccessLevel.GROUP, access_group=crm["groups"]["consular"], publish=True
    )


@pytest.fixture
def colleague(crm, ppt_official):
    """A second member of the group (the PPT's official)."""
    Membership.objects.create(group=crm["groups"]["consular"], person=ppt_official.person)
    return ppt_official


def _comment_url(document):
    return reverse("documents:comment_add", args=[document.pk])


def test_a_reader_of_the_restricted_document_comments_and_others_in_the_group_read_it(
    client_for, group_document, gt_official, colleague
):
    client = client_for(gt_official)
    page = client.get(group_document.get_absolute_url()).content.decode()
    assert 'id="comments"' in page and "Aún no hay comentarios" in page
    response = client.post(_comment_url(group_document), {"body": "Propongo añadir un artículo sobre el tope."})
    assert response.status_code == 302 and response["Location"].endswith("#comments")
    page = client_for(colleague).get(group_document.get_absolute_url()).content.decode()
    assert "Propongo añadir un artículo sobre el tope." in page and gt_official.display_name in page


def test_an_empty_comment_is_a_form_error(client_for, group_document, gt_official):
    response = client_for(gt_official).post(_comment_url(group_document), {"body": "   "})
    assert response.status_code == 400 and "errorlist" in response.content.decode()
    assert not DocumentComment.objects.exists()


def test_a_viewer_without_rights_can_neither_read_nor_post_nor_delete(
    client, client_for, group_document, gt_official, hn_official, observer
):
    comment = services.comment_add(document=group_document, by=gt_official, body="Solo para el grupo")
    for outsider in (hn_official, observer):
        c = client_for(outsider)
        assert c.get(group_document.get_absolute_url()).status_code == 404
        assert c.post(_comment_url(group_document), {"body": "intruso"}).status_code == 404
        assert c.post(reverse("documents:comment_delete", args=[comment.pk])).status_code == 404
        assert c.post(reverse("documents:comment_hide", args=[comment.pk])).status_code == 404
    anonymous = client.post(_comment_url(group_document), {"body": "anónimo"})
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert list(DocumentComment.objects.values_list("body", flat=True)) == ["Solo para el grupo"]
    assert client.post(reverse("documents:comment_add", args=[99999]), {"body": "x"}).status_code == 302
    assert (
        client_for(hn_official).post(reverse("documents:comment_add", args=[99999]), {"body": "x"}).status_code == 404
    )


def test_public_documents_have_no_comments(client, client_for, make_document, gt_official):
    public = make_document("CRM/ST/2004/PUB", access_level=AccessLevel.PUBLIC, publish=True)
    for c in (client, client_for(gt_official)):
        page = c.get(public.get_absolute_url())
        assert page.status_code == 200 and 'id="comments"' not in page.content.decode()
    assert client_for(gt_official).post(_comment_url(public), {"body": "x"}).status_code == 404
    assert not DocumentComment.objects.exists()


def test_only_the_author_deletes_and_the_secretariat_hides(
    client_for, group_document, gt_official, colleague, st_officer
):
    comment = services.comment_add(document=group_document, by=gt_official, body="Texto por revisar")
    assert client_for(colleague).post(reverse("documents:comment_delete", args=[comment.pk])).status_code == 403
    assert client_for(colleague).post(reverse("documents:comment_hide", args=[comment.pk])).status_code == 403
    assert DocumentComment.objects.filter(pk=comment.pk, hidden_at=None).exists()

    assert client_for(st_officer).post(reverse("documents:comment_hide", args=[comment.pk])).status_code == 302
    assert "Texto por revisar" not in client_for(colleague).get(group_document.get_absolute_url()).content.decode()
    secretariat_page = client_for(st_officer).get(group_document.get_absolute_url()).content.decode()
    assert "Texto por revisar" in secretariat_page and "Ocultado por" in secretariat_page
    # A hidden comment is out of reach for everyone else, its author included.
    assert client_for(gt_official).post(reverse("documents:comment_delete", args=[comment.pk])).status_code == 404

    own = services.comment_add(document=group_document, by=colleague, body="Me retracto")
    assert client_for(colleague).post(reverse("documents:comment_delete", args=[own.pk])).status_code == 302
    assert not DocumentComment.objects.filter(pk=own.pk).exists()


def test_the_comment_of_a_deleted_account_shows_former_user(client_for, group_document, gt_official, colleague):
    services.comment_add(document=group_document, by=colleague, body="Comentario de la PPT")
    colleague.delete()
    page = client_for(gt_official).get(group_document.get_absolute_url()).content.decode()
    assert "Comentario de la PPT" in page and "Antiguo usuario" in page
