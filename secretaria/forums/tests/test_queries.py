"""Forum pages make the same number of queries with 2 or 20 threads and posts."""

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from secretaria.forums import services


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_forum_index_makes_constant_queries(forums, thread, gt_official, client_for):
    client = client_for(gt_official)
    url = reverse("forums:index")
    few = _count(client, url)
    for name in ("consular", "members", "public"):
        for i in range(3):
            services.thread_create(forum=forums[name], author=gt_official, title=f"Hilo {i}", body="x", notify=False)
    assert _count(client, url) == few


def test_the_forum_page_makes_constant_queries(forums, thread, gt_official, client_for):
    client = client_for(gt_official)
    url = forums["consular"].get_absolute_url()
    few = _count(client, url)
    for i in range(15):
        services.thread_create(forum=forums["consular"], author=gt_official, title=f"Hilo {i}", body="x", notify=False)
    assert _count(client, url) == few


def test_the_thread_page_makes_constant_queries(forums, thread, gt_official, st_officer, client_for):
    first = thread.posts.get()
    services.post_create(thread=thread, author=gt_official, body="Respuesta.", quote_of=first, notify=False)
    for client in (client_for(gt_official), client_for(st_officer)):
        few = _count(client, thread.get_absolute_url())
        for i in range(12):
            post = services.post_create(
                thread=thread,
                author=gt_official if i % 2 else st_officer,
                body=f"Respuesta {i}.",
                quote_of=first,
                files=[(io.BytesIO(b"%PDF-1.4\nhola\n%%EOF\n"), f"anexo{i}.pdf")],
                notify=False,
            )
            if i % 3 == 0:
                services.post_edit(post=post, by=post.author, body=f"Respuesta {i}, corregida.")
        assert _count(client, thread.get_absolute_url()) == few
