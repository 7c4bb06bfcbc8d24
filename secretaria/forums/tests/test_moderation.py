"""The Secretariat hides, locks, pins and moves; readers report posts."""

from django.urls import reverse

from secretaria.core.audit import AuditEvent
from secretaria.forums import services
from secretaria.forums.models import PostReport, Thread


def test_a_hidden_post_shows_a_notice_to_members_and_its_text_to_the_secretariat(
    forums, thread, gt_official, st_officer, client_for
):
    post = services.post_create(
        thread=thread, author=gt_official, body="Datos personales de un migrante.", notify=False
    )
    response = client_for(st_officer).post(
        reverse("forums:post_moderate", args=[post.pk, "hide"]), {"reason": "Datos personales"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.hidden and post.hidden_by == st_officer and post.hidden_reason == "Datos personales"
    member_page = client_for(gt_official).get(thread.get_absolute_url()).content.decode()
    assert "Datos personales de un migrante." not in member_page
    assert "Los moderadores ocultaron este mensaje." in member_page
    st_page = client_for(st_officer).get(thread.get_absolute_url()).content.decode()
    assert "Datos personales de un migrante." in st_page
    assert AuditEvent.objects.filter(kind="forums.post_hidden").exists()
    services.post_unhide(post=post, by=st_officer)
    assert "Datos personales de un migrante." in client_for(gt_official).get(thread.get_absolute_url()).content.decode()


def test_a_locked_thread_takes_no_reply(forums, thread, gt_official, st_officer, client_for):
    client_for(st_officer).post(reverse("forums:thread_moderate", args=[thread.pk, "lock"]))
    thread.refresh_from_db()
    assert thread.locked
    client = client_for(gt_official)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert 'id="reply-form"' not in page
    response = client.post(reverse("forums:reply", args=[thread.forum.slug, thread.pk]), {"body": "¿Aún se puede?"})
    assert response.status_code == 302
    assert not thread.posts.filter(body="¿Aún se puede?").exists()
    client_for(st_officer).post(reverse("forums:thread_moderate", args=[thread.pk, "unlock"]))
    client.post(reverse("forums:reply", args=[thread.forum.slug, thread.pk]), {"body": "Ahora sí."})
    assert thread.posts.filter(body="Ahora sí.").exists()


def test_a_pinned_thread_comes_first(forums, thread, gt_official, st_officer, client_for):
    newer = services.thread_create(
        forum=forums["consular"], author=gt_official, title="Hilo más reciente", body="Texto.", notify=False
    )
    client = client_for(gt_official)
    page = client.get(forums["consular"].get_absolute_url()).content.decode()
    assert page.index("Hilo más reciente") < page.index("Preparación de las reuniones")
    client_for(st_officer).post(reverse("forums:thread_moderate", args=[thread.pk, "pin"]))
    page = client.get(forums["consular"].get_absolute_url()).content.decode()
    assert page.index("Preparación de las reuniones") < page.index("Hilo más reciente")
    assert newer.pk


def test_a_hidden_thread_disappears_for_members(forums, thread, gt_official, st_officer, client_for):
    services.thread_moderate(thread=thread, by=st_officer, action="hide")
    assert client_for(gt_official).get(thread.get_absolute_url()).status_code == 404
    assert "Preparación" not in client_for(gt_official).get(forums["consular"].get_absolute_url()).content.decode()
    assert client_for(st_officer).get(thread.get_absolute_url()).status_code == 200


def test_moving_a_thread_changes_who_may_read_it(forums, thread, gt_official, hn_official, st_officer, client_for):
    response = client_for(st_officer).post(
        reverse("forums:thread_move", args=[thread.pk]), {"forum": forums["members"].pk}
    )
    assert response.status_code == 302
    thread = Thread.objects.get(pk=thread.pk)
    assert thread.forum == forums["members"]
    assert response["Location"] == thread.get_absolute_url()
    assert client_for(hn_official).get(thread.get_absolute_url()).status_code == 200
    old_url = reverse("forums:thread", args=["red-proteccion-consular", thread.pk])
    assert client_for(gt_official).get(old_url).status_code == 404


def test_a_reader_reports_a_post_and_the_secretariat_resolves_it(forums, thread, gt_official, st_officer, client_for):
    post = thread.posts.get()
    client = client_for(gt_official)
    assert client.get(reverse("forums:post_report", args=[post.pk])).status_code == 200
    response = client.post(reverse("forums:post_report", args=[post.pk]), {"reason": "Contiene un dato equivocado."})
    assert response.status_code == 302
    report = PostReport.objects.get()
    assert report.reporter == gt_official and report.resolved_at is None
    assert client.get(reverse("forums:reports")).status_code == 403
    st = client_for(st_officer)
    listing = st.get(reverse("forums:reports")).content.decode()
    assert "Contiene un dato equivocado." in listing
    st.post(reverse("forums:report_resolve", args=[report.pk]), {"resolution": "Corregido por el autor."})
    report.refresh_from_db()
    assert report.resolved_by == st_officer and report.resolution == "Corregido por el autor."
    assert "Contiene un dato equivocado." not in st.get(reverse("forums:reports")).content.decode()


def test_someone_who_cannot_read_a_post_cannot_report_it(forums, thread, hn_official, client_for):
    post = thread.posts.get()
    response = client_for(hn_official).post(reverse("forums:post_report", args=[post.pk]), {"reason": "x"})
    assert response.status_code == 404
    assert not PostReport.objects.exists()


def test_the_secretariat_is_told_of_a_report(forums, thread, gt_official, settings):
    from django.core import mail

    mail.outbox.clear()
    services.report_create(post=thread.posts.get(), reporter=gt_official, reason="Dato equivocado.")
    assert [m.to for m in mail.outbox] == [[settings.SECRETARIAT_EMAIL]]
    assert "Dato equivocado." in mail.outbox[0].body


def test_a_hidden_post_cannot_be_read_through_its_report_page(client_for, forums, thread, gt_official, st_officer):
    from django.urls import reverse

    from secretaria.forums import services as forum_services

    post = forum_services.post_create(thread=thread, author=st_officer, body="Texto retirado por moderación.")
    forum_services.post_hide(post=post, by=st_officer, reason="fuera de tema")
    url = reverse("forums:post_report", args=[post.pk])
    assert client_for(gt_official).get(url).status_code == 404
    assert "Texto retirado" in client_for(st_officer).get(url).content.decode()


def test_a_hiding_reason_over_255_characters_is_refused_and_nothing_is_saved(
    forums, thread, gt_official, st_officer, client_for
):
    post = services.post_create(thread=thread, author=gt_official, body="Mensaje a moderar.", notify=False)
    client = client_for(st_officer)
    response = client.post(reverse("forums:post_moderate", args=[post.pk, "hide"]), {"reason": "x" * 256}, follow=True)
    page = response.content.decode()
    assert "El mensaje está oculto." not in page
    assert "menos de 255 caracteres" in page
    post.refresh_from_db()
    assert not post.hidden and post.hidden_reason == "" and post.hidden_by is None
    assert not AuditEvent.objects.filter(kind="forums.post_hidden").exists()


def test_a_resolution_over_255_characters_is_refused_and_the_report_stays_open(
    forums, thread, gt_official, st_officer, client_for
):
    report = services.report_create(post=thread.posts.get(), reporter=gt_official, reason="Dato equivocado.")
    client = client_for(st_officer)
    response = client.post(reverse("forums:report_resolve", args=[report.pk]), {"resolution": "y" * 300}, follow=True)
    page = response.content.decode()
    assert "menos de 255 caracteres" in page and "Dato equivocado." in page
    report.refresh_from_db()
    assert report.resolved_at is None and report.resolved_by is None and report.resolution == ""


def test_a_post_hidden_by_a_moderator_whose_account_is_gone_still_shows(
    forums, thread, gt_official, st_officer, client_for, settings
):
    """Issue 11: the moderator's account was deleted (``hidden_by`` is SET_NULL): the thread answered 500."""
    settings.DEBUG = False
    post = services.post_create(thread=thread, author=gt_official, body="Mensaje duplicado.", notify=False)
    services.post_hide(post=post, by=st_officer, reason="Duplicado")
    type(post).objects.filter(pk=post.pk).update(hidden_by=None)
    client = client_for(st_officer)
    client.raise_request_exception = False
    for url in (thread.get_absolute_url(), reverse("forums:post", args=[post.pk])):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "Ocultado por (cuenta eliminada o no registrada). Motivo: Duplicado" in page
    member = client_for(gt_official).get(thread.get_absolute_url())
    assert member.status_code == 200 and "Los moderadores ocultaron este mensaje." in member.content.decode()
