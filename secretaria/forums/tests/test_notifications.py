"""E-mail per post and daily digests, only to followers who may still read the forum."""

import datetime
import io

from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from secretaria.directory.models import Membership
from secretaria.forums import services
from secretaria.forums.models import Follow, ReplyAddress


def _to(message):
    return set(message.to)


def test_the_author_follows_the_thread_they_post_in(forums, thread, st_officer, gt_official):
    assert Follow.objects.filter(user=st_officer, thread=thread, mode="each").exists()
    services.post_create(thread=thread, author=gt_official, body="Confirmo.", notify=False)
    assert Follow.objects.filter(user=gt_official, thread=thread).exists()


def test_each_post_is_mailed_to_followers_but_never_to_its_author(forums, thread, st_officer, gt_official):
    mail.outbox.clear()
    services.post_create(thread=thread, author=gt_official, body="Guatemala confirma su asistencia.")
    assert [_to(m) for m in mail.outbox] == [{st_officer.email}]
    message = mail.outbox[0]
    assert thread.title in message.subject
    assert "Guatemala confirma su asistencia." in message.body
    token = ReplyAddress.objects.get(user=st_officer, thread=thread).token
    assert message.reply_to == [f"reply+{token}@{settings.FORUM_REPLY_DOMAIN}"]
    html = message.alternatives[0][0]
    assert "<p>Guatemala confirma su asistencia.</p>" in html
    mail.outbox.clear()
    services.post_create(thread=thread, author=st_officer, body="Gracias.")
    assert [_to(m) for m in mail.outbox] == [{gt_official.email}]


def test_a_follower_who_lost_access_gets_nothing(forums, thread, st_officer, gt_official):
    services.post_create(thread=thread, author=gt_official, body="Primera respuesta.", notify=False)
    Membership.objects.filter(person=gt_official.person).update(end=datetime.date(2000, 1, 1))
    mail.outbox.clear()
    services.post_create(thread=thread, author=st_officer, body="Solo para la Red.")
    assert mail.outbox == []


def test_following_a_forum_brings_new_threads(forums, st_officer, gt_official, ppt_official, client_for):
    client = client_for(ppt_official)
    response = client.post(reverse("forums:forum_follow", args=["miembros"]), {"mode": "each"})
    assert response.status_code == 302
    mail.outbox.clear()
    services.thread_create(forum=forums["members"], author=gt_official, title="Remesas", body="Datos de 2004.")
    assert [_to(m) for m in mail.outbox] == [{ppt_official.email}]
    following = client.get(reverse("forums:following")).content.decode()
    assert "Foro de los países miembros" in following


def test_a_thread_setting_wins_over_the_forum_setting(forums, thread, st_officer, gt_official):
    services.follow_set(user=gt_official, forum=forums["consular"], mode="digest")
    services.follow_set(user=gt_official, thread=thread, mode="each")
    mail.outbox.clear()
    services.post_create(thread=thread, author=st_officer, body="Nueva agenda.")
    assert [_to(m) for m in mail.outbox] == [{gt_official.email}]


def test_unfollowing_stops_the_mail(forums, thread, st_officer, gt_official, client_for):
    client_for(st_officer).post(reverse("forums:thread_follow", args=[thread.forum.slug, thread.pk]), {"mode": ""})
    mail.outbox.clear()
    services.post_create(thread=thread, author=gt_official, body="¿Alguien lee?")
    assert mail.outbox == []


def test_the_daily_digest_lists_new_posts_once(forums, thread, st_officer, gt_official, ppt_official):
    services.follow_set(user=st_officer, thread=thread, mode="digest")
    Follow.objects.update(digest_since=timezone.now() - datetime.timedelta(days=1))
    mail.outbox.clear()
    services.post_create(thread=thread, author=gt_official, body="Respuesta de Guatemala.")
    services.post_create(thread=thread, author=st_officer, body="Respuesta propia de la ST.")
    assert [m.to for m in mail.outbox if st_officer.email in m.to] == []  # digest mode: no single e-mails
    mail.outbox.clear()
    call_command("send_forum_digests", stdout=io.StringIO())
    digests = [m for m in mail.outbox if m.to == [st_officer.email]]
    assert len(digests) == 1
    assert "Respuesta de Guatemala." in digests[0].body
    assert "Respuesta propia de la ST." not in digests[0].body  # never one's own posts
    assert thread.title in digests[0].body
    mail.outbox.clear()
    call_command("send_forum_digests", stdout=io.StringIO())
    assert [m for m in mail.outbox if m.to == [st_officer.email]] == []  # nothing new, nothing sent


def test_the_digest_leaves_out_forums_the_reader_lost(forums, thread, st_officer, gt_official):
    services.post_create(thread=thread, author=gt_official, body="Antes de salir de la Red.", notify=False)
    services.follow_set(user=gt_official, thread=thread, mode="digest")
    Follow.objects.update(digest_since=timezone.now() - datetime.timedelta(days=1))
    services.post_create(thread=thread, author=st_officer, body="Solo para la Red.", notify=False)
    Membership.objects.filter(person=gt_official.person).update(end=datetime.date(2000, 1, 1))
    mail.outbox.clear()
    call_command("send_forum_digests", stdout=io.StringIO())
    assert [m for m in mail.outbox if gt_official.email in m.to] == []


def test_hidden_posts_are_neither_mailed_nor_digested(forums, thread, st_officer, gt_official):
    services.follow_set(user=gt_official, thread=thread, mode="digest")
    Follow.objects.update(digest_since=timezone.now() - datetime.timedelta(days=1))
    post = services.post_create(thread=thread, author=st_officer, body="Borrador por error.", notify=False)
    services.post_hide(post=post, by=st_officer, reason="Publicado por error")
    mail.outbox.clear()
    call_command("send_forum_digests", stdout=io.StringIO())
    assert all("Borrador por error." not in m.body for m in mail.outbox)


def test_a_remote_image_in_a_post_is_a_link_in_the_notification(forums, thread, st_officer, gt_official):
    mail.outbox.clear()
    services.post_create(thread=thread, author=gt_official, body="Mire ![foto](https://tracker.example/p.gif?u=1)")
    html = mail.outbox[0].alternatives[0][0]
    assert "<img" not in html
    assert '<a href="https://tracker.example/p.gif?u=1">[Imagen: foto]</a>' in html


def test_a_remote_image_in_a_post_is_a_link_in_the_daily_digest(forums, thread, st_officer, gt_official):
    services.follow_set(user=st_officer, thread=thread, mode="digest")
    Follow.objects.update(digest_since=timezone.now() - datetime.timedelta(days=1))
    services.post_create(thread=thread, author=gt_official, body="![foto](https://tracker.example/d.gif)")
    mail.outbox.clear()
    call_command("send_forum_digests", stdout=io.StringIO())
    [digest] = [m for m in mail.outbox if m.to == [st_officer.email]]
    html = digest.alternatives[0][0]
    assert "<img" not in html and '<a href="https://tracker.example/d.gif">[Imagen: foto]</a>' in html
