"""Forum posts in the site search, filtered by the forum's access like everything else."""

import pytest
from django.urls import reverse

from secretaria.forums import services
from secretaria.search.models import SearchIndexEntry
from secretaria.search.selectors import search


@pytest.fixture
def posts(forums, thread, st_officer, gt_official, civil_society):
    services.post_create(
        thread=thread, author=gt_official, body="Propuesta sobre el protocolo y sus salvaguardas.", notify=False
    )
    members = services.thread_create(
        forum=forums["members"], author=gt_official, title="Remesas familiares", body="Estudio del protocolo.",
        notify=False,
    )  # fmt: skip
    public = services.thread_create(
        forum=forums["public"], author=civil_society, title="Preguntas abiertas", body="¿Qué es el protocolo?",
        notify=False,
    )  # fmt: skip
    return {"consular": thread, "members": members, "public": public}


EXPECTED = {
    "anonymous": {"Preguntas abiertas"},
    "observer": {"Preguntas abiertas"},
    "hn_official": {"Preguntas abiertas", "Remesas familiares"},
    "gt_official": {
        "Preguntas abiertas",
        "Remesas familiares",
        "Preparación de las reuniones de diciembre de 2004 en Panamá",
    },
    "st_officer": {
        "Preguntas abiertas",
        "Remesas familiares",
        "Preparación de las reuniones de diciembre de 2004 en Panamá",
    },
}


@pytest.mark.parametrize("persona", list(EXPECTED))
def test_search_hits_are_filtered_by_the_forums_access(request, posts, persona):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    results = search(user=user, q="protocolo", per_page=50)
    assert {hit.title for hit in results.hits} == EXPECTED[persona]


def test_a_hit_links_to_the_post(posts, gt_official):
    hit = next(h for h in search(user=gt_official, q="salvaguardas").hits)
    post = posts["consular"].posts.get(body__contains="salvaguardas")
    assert hit.url == reverse("forums:post", args=[post.pk])


def test_hidden_posts_and_hidden_threads_leave_the_index(posts, st_officer):
    post = posts["consular"].posts.get(body__contains="salvaguardas")
    services.post_hide(post=post, by=st_officer)
    assert search(user=st_officer, q="salvaguardas").total == 0
    services.post_unhide(post=post, by=st_officer)
    assert search(user=st_officer, q="salvaguardas").total == 1
    services.thread_moderate(thread=posts["consular"], by=st_officer, action="hide")
    assert not SearchIndexEntry.objects.filter(kind="forum_post", object_id=post.pk).exists()


def test_an_edit_reaches_the_index(posts, gt_official):
    post = posts["consular"].posts.get(body__contains="salvaguardas")
    services.post_edit(post=post, by=gt_official, body="Propuesta sobre la repatriación.")
    assert search(user=gt_official, q="repatriación").total == 1
    assert search(user=gt_official, q="salvaguardas").total == 0


def test_moving_a_thread_moves_its_access_in_the_index(posts, hn_official, st_officer, forums):
    assert search(user=hn_official, q="salvaguardas").total == 0
    services.thread_move(thread=posts["consular"], by=st_officer, to=forums["members"])
    assert search(user=hn_official, q="salvaguardas").total == 1
