"""Threads, replies (with and without htmx), Markdown sanitising, quoting and edit history."""

from django.urls import reverse

from secretaria.forums import services
from secretaria.forums.models import Post, PostRevision, Thread


def test_a_member_starts_a_thread_through_the_form(forums, gt_official, client_for):
    client = client_for(gt_official)
    url = reverse("forums:thread_create", args=["red-proteccion-consular"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "Atención consular a menores", "body": "Propuesta de **Guatemala**."})
    thread = Thread.objects.get(title="Atención consular a menores")
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "<strong>Guatemala</strong>" in page
    assert thread.post_count == 1


def test_a_member_without_the_right_cannot_open_the_new_thread_form(forums, hn_official, client_for):
    response = client_for(hn_official).get(reverse("forums:thread_create", args=["red-proteccion-consular"]))
    assert response.status_code == 404


def test_markdown_is_sanitised(forums, thread, gt_official, client_for):
    body = (
        "Hola <script>alert('x')</script>\n\n"
        '<img src="x.png" onerror="alert(1)">\n\n'
        "[clic](javascript:alert(1)) y [la OIM](https://www.iom.int/)\n\n"
        '<a href="javascript:alert(2)">otro</a> <iframe src="https://evil.example"></iframe>'
    )
    post = services.post_create(thread=thread, author=gt_official, body=body, notify=False)
    html = post.body_html
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html and "<iframe" not in html
    assert '<a href="https://www.iom.int/" rel="noopener noreferrer">la OIM</a>' in html
    page = client_for(gt_official).get(thread.get_absolute_url()).content.decode()
    assert "javascript:" not in page and "onerror" not in page and "<script>alert" not in page


def test_quoting_prefills_the_reply_with_a_blockquote_and_a_link(forums, thread, gt_official, client_for):
    first = thread.posts.get()
    client = client_for(gt_official)
    page = client.get(thread.get_absolute_url(), {"quote": first.pk}).content.decode()
    assert "&gt; Las agendas preliminares y anotadas" in page
    assert reverse("forums:post", args=[first.pk]) in page
    assert f'name="quote_of" value="{first.pk}"' in page
    client.post(
        reverse("forums:reply", args=[thread.forum.slug, thread.pk]),
        {"body": services.quote_markdown(first) + "De acuerdo.", "quote_of": first.pk},
    )
    reply = thread.posts.get(author=gt_official)
    assert reply.quote_of == first
    assert "<blockquote>" in reply.body_html and "De acuerdo." in reply.body_html
    assert f'href="{first.get_absolute_url()}"' in reply.body_html


def test_a_reply_without_javascript_redirects_to_the_new_post(forums, thread, gt_official, client_for):
    response = client_for(gt_official).post(
        reverse("forums:reply", args=[thread.forum.slug, thread.pk]), {"body": "Sin JavaScript."}
    )
    post = Post.objects.get(body="Sin JavaScript.")
    assert response.status_code == 302 and response["Location"] == reverse("forums:post", args=[post.pk])
    landing = client_for(gt_official).get(response["Location"])
    assert landing.status_code == 302 and landing["Location"].endswith(f"#post-{post.pk}")


def test_a_reply_through_htmx_returns_the_new_post_and_a_fresh_form(forums, thread, gt_official, client_for):
    response = client_for(gt_official).post(
        reverse("forums:reply", args=[thread.forum.slug, thread.pk]), {"body": "Con htmx."}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    post = Post.objects.get(body="Con htmx.")
    assert f'id="post-{post.pk}"' in html and "<p>Con htmx.</p>" in html
    assert 'hx-swap-oob="outerHTML"' in html and 'id="reply-form"' in html
    assert "<html" not in html  # a fragment, not a page


def test_an_empty_reply_shows_an_error_and_posts_nothing(forums, thread, gt_official, client_for):
    client = client_for(gt_official)
    url = reverse("forums:reply", args=[thread.forum.slug, thread.pk])
    response = client.post(url, {"body": "   "})
    assert response.status_code == 400 and 'class="errorlist' in response.content.decode()
    htmx = client.post(url, {"body": ""}, HTTP_HX_REQUEST="true")
    assert htmx["HX-Retarget"] == "#reply-form" and 'class="errorlist' in htmx.content.decode()
    assert thread.posts.count() == 1


def test_editing_keeps_the_history(forums, thread, gt_official, hn_official, client_for):
    post = services.post_create(thread=thread, author=gt_official, body="Asistirán dos personas.", notify=False)
    client = client_for(gt_official)
    response = client.post(reverse("forums:post_edit", args=[post.pk]), {"body": "Asistirán tres personas."})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "Asistirán tres personas." and post.edited_at is not None
    revision = PostRevision.objects.get(post=post)
    assert revision.body == "Asistirán dos personas." and revision.edited_by == gt_official
    history = client.get(reverse("forums:post_history", args=[post.pk])).content.decode()
    assert "Asistirán dos personas." in history and "Asistirán tres personas." in history
    thread_page = client.get(thread.get_absolute_url()).content.decode()
    assert reverse("forums:post_history", args=[post.pk]) in thread_page
    # Someone else may not edit it.
    assert client_for(hn_official).post(reverse("forums:post_edit", args=[post.pk]), {"body": "x"}).status_code == 404


def test_posting_updates_the_thread_order_and_count(forums, thread, gt_official):
    before = thread.last_post_at
    services.post_create(thread=thread, author=gt_official, body="Nuevo.", notify=False)
    thread.refresh_from_db()
    assert thread.post_count == 2 and thread.last_post_at > before


def test_the_markdown_help_page_is_public(client, db):
    response = client.get(reverse("forums:markdown_help"))
    assert response.status_code == 200 and "Markdown" in response.content.decode()
