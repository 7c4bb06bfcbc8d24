"""Writing in the forums as a person sees it: who a post speaks for, a preview before
publishing, and a word that it was published."""

import datetime

from django.urls import reverse
from django.utils import translation

from secretaria.directory.models import Post as DirectoryPost
from secretaria.directory.models import Term
from secretaria.forums import services
from secretaria.forums.models import Post, Thread


def _header(html, post):
    start = html.index(f'id="post-{post.pk}"')
    return html[start : html.index("</header>", start)]


def test_secretariat_posts_carry_the_secretariat_and_the_post_not_the_country(forums, thread, crm, st_officer,
                                                                             gt_official, client_for):  # fmt: skip
    coordinator = DirectoryPost.objects.create(
        slug="st-coordinator", title_es="Coordinador de la Secretaría Técnica",
        title_en="Coordinator of the Technical Secretariat", organization=crm["orgs"]["st"],
    )  # fmt: skip
    Term.objects.create(post=coordinator, person=st_officer.person, start=datetime.date(2004, 7, 26))
    reply = services.post_create(thread=thread, author=gt_official, body="Gracias.", notify=False)
    html = client_for(gt_official).get(thread.get_absolute_url()).content.decode()
    opening = _header(html, thread.posts.earliest("created"))
    assert "Coordinador de la Secretaría Técnica" in opening
    assert "Costa Rica" not in opening
    assert "Guatemala" in _header(html, reply)
    with translation.override("en"):
        english_url = thread.get_absolute_url()
    english = client_for(gt_official).get(english_url).content.decode()
    assert "Coordinator of the Technical Secretariat" in english
    # A post whose title does not name the Secretariat gets it in front.
    coordinator.title_es, coordinator.title_en = "Coordinador", "Coordinator"
    coordinator.save()
    with translation.override("es"):
        spanish_url = thread.get_absolute_url()
    html = client_for(gt_official).get(spanish_url).content.decode()
    assert "Secretaría Técnica · Coordinador" in _header(html, thread.posts.earliest("created"))


def test_secretariat_staff_without_a_post_in_the_directory_are_still_the_secretariat(forums, thread, gt_official,
                                                                                    client_for):  # fmt: skip
    html = client_for(gt_official).get(thread.get_absolute_url()).content.decode()
    opening = _header(html, thread.posts.get())
    assert "Secretaría Técnica" in opening and "Costa Rica" not in opening


def test_a_reply_can_be_previewed_without_javascript_and_nothing_is_published(forums, thread, gt_official,
                                                                             client_for):  # fmt: skip
    client = client_for(gt_official)
    url = reverse("forums:reply", args=[thread.forum.slug, thread.pk])
    response = client.post(url, {"body": "Propuesta de **Guatemala** <script>x()</script>", "preview": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vista previa" in html and "<strong>Guatemala</strong>" in html and "<script>x()" not in html
    assert "Propuesta de **Guatemala**" in html  # the text stays in the form, to edit or publish
    assert thread.posts.count() == 1
    published = client.post(url, {"body": "Propuesta de **Guatemala**"}, follow=True).content.decode()
    assert thread.posts.count() == 2 and "Su respuesta se ha publicado." in published


def test_a_reply_previewed_through_htmx_comes_back_in_the_form(forums, thread, gt_official, client_for):
    url = reverse("forums:reply", args=[thread.forum.slug, thread.pk])
    response = client_for(gt_official).post(url, {"body": "Con _htmx_.", "preview": "1"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'id="reply-form"' in html and "<em>htmx</em>" in html and "Vista previa" in html
    assert thread.posts.count() == 1


def test_a_reply_through_htmx_says_it_is_published(forums, thread, gt_official, client_for):
    url = reverse("forums:reply", args=[thread.forum.slug, thread.pk])
    html = client_for(gt_official).post(url, {"body": "Con htmx."}, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="forum-status"' in html and "Su respuesta se ha publicado." in html
    page = client_for(gt_official).get(thread.get_absolute_url()).content.decode()
    assert 'id="forum-status"' in page  # the place the message goes


def test_a_new_thread_and_an_edit_can_be_previewed(forums, thread, gt_official, client_for):
    client = client_for(gt_official)
    url = reverse("forums:thread_create", args=["red-proteccion-consular"])
    html = client.post(url, {"title": "Menores", "body": "Texto _en cursiva_.", "preview": "1"}).content.decode()
    assert "Vista previa" in html and "<em>en cursiva</em>" in html
    assert not Thread.objects.filter(title="Menores").exists()
    done = client.post(url, {"title": "Menores", "body": "Texto."}, follow=True).content.decode()
    assert "Su hilo se ha publicado." in done
    post = services.post_create(thread=thread, author=gt_official, body="Primera versión.", notify=False)
    edit = reverse("forums:post_edit", args=[post.pk])
    html = client.post(edit, {"body": "Segunda **versión**.", "preview": "1"}).content.decode()
    assert "<strong>versión</strong>" in html
    assert Post.objects.get(pk=post.pk).body == "Primera versión."
    saved = client.post(edit, {"body": "Segunda versión."}, follow=True).content.decode()
    assert Post.objects.get(pk=post.pk).body == "Segunda versión." and "Sus cambios se han guardado" in saved
