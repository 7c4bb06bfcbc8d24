"""An anonymous visitor cannot tell a restricted forum, thread, post or attachment from a missing one."""

import io

from django.conf import settings
from django.urls import reverse

from secretaria.forums import services
from secretaria.forums.models import PostAttachment

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
MISSING = 999999


def _restricted_and_missing(forums, thread, st_officer, gt_official):
    """Pairs of URLs: one for something restricted (or hidden), one for something that does not exist."""
    f = io.BytesIO(PDF)
    f.name = "agenda.pdf"
    post = services.post_create(thread=thread, author=gt_official, body="Adjunto.", files=[(f, "agenda.pdf")])
    attachment = PostAttachment.objects.get(post=post)
    public = services.thread_create(forum=forums["public"], author=st_officer, title="Abierto", body="Hola")
    hidden = services.post_create(thread=public, author=st_officer, body="Texto retirado")
    services.post_hide(post=hidden, by=st_officer, reason="Fuera de tema")
    slug = thread.forum.slug
    return [
        (reverse("forums:forum", args=[slug]), reverse("forums:forum", args=["no-existe"])),
        (reverse("forums:thread", args=[slug, thread.pk]), reverse("forums:thread", args=[slug, MISSING])),
        (reverse("forums:thread", args=[slug, thread.pk]), reverse("forums:thread", args=["publico", thread.pk])),
        (reverse("forums:thread_create", args=[slug]), reverse("forums:thread_create", args=["no-existe"])),
        (reverse("forums:post", args=[post.pk]), reverse("forums:post", args=[MISSING])),
        (reverse("forums:post_history", args=[post.pk]), reverse("forums:post_history", args=[MISSING])),
        (reverse("forums:post_history", args=[hidden.pk]), reverse("forums:post_history", args=[MISSING])),
        (reverse("forums:post_report", args=[post.pk]), reverse("forums:post_report", args=[MISSING])),
        (reverse("forums:post_report", args=[hidden.pk]), reverse("forums:post_report", args=[MISSING])),
        (reverse("forums:post_edit", args=[post.pk]), reverse("forums:post_edit", args=[MISSING])),
        (reverse("forums:attachment", args=[attachment.pk]), reverse("forums:attachment", args=[MISSING])),
    ]


def test_anonymous_visitors_are_asked_to_sign_in_for_restricted_and_missing_things_alike(
    forums, thread, st_officer, gt_official, client
):
    login = reverse(settings.LOGIN_URL)
    for restricted, missing in _restricted_and_missing(forums, thread, st_officer, gt_official):
        answers = [client.get(restricted), client.get(missing)]
        for url, response in zip((restricted, missing), answers, strict=True):
            assert response.status_code == 302, url
            assert response["Location"] == f"{login}?next={url}", url


def test_a_reply_to_a_restricted_or_missing_thread_asks_anonymous_visitors_to_sign_in(forums, thread, client):
    slug = thread.forum.slug
    for url in (reverse("forums:reply", args=[slug, thread.pk]), reverse("forums:reply", args=[slug, MISSING])):
        response = client.post(url, {"body": "Hola"})
        assert response.status_code == 302 and response["Location"].startswith(reverse(settings.LOGIN_URL)), url


def test_signed_in_readers_without_access_get_a_404_for_both(
    forums, thread, st_officer, gt_official, client_for, observer
):
    reader = client_for(observer)
    for restricted, missing in _restricted_and_missing(forums, thread, st_officer, gt_official):
        assert reader.get(restricted).status_code == 404, restricted
        assert reader.get(missing).status_code == 404, missing
