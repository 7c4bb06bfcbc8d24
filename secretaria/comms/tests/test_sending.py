"""The sending engine against a real SMTP server (aiosmtpd) in the test process."""

import email
import email.policy
import threading
import time

import pytest
from django.db import connection
from django.utils import timezone

from secretaria.comms import sending, services, tokens
from secretaria.comms.models import Delivery, Subscription
from secretaria.core.access import AccessLevel


def _send_all():
    return sending.send_queue(worker_id="test")


def test_every_message_carries_the_list_headers_in_the_subscribers_language(
    smtp_sink, public_list, subscribe_public, publish
):
    subscribe_public(public_list, "lectora@example.com", language="es")
    subscribe_public(public_list, "reader@example.com", language="en")
    document = publish()
    services.process_outbox()

    stats = _send_all()

    assert stats.sent == 2
    [es] = smtp_sink.to("lectora@example.com")
    [en] = smtp_sink.to("reader@example.com")
    # (Django folds a long encoded Subject onto a continuation line: strip the folding's space.)
    assert es["Subject"].strip().startswith(f"Nuevo documento: {document.symbol}")
    assert en["Subject"].strip().startswith(f"New document: {document.symbol}")
    assert "La Secretaría Técnica ha publicado un documento." in es.get_body(("plain",)).get_content()
    assert "Activity report" in en["Subject"] and "Informe de actividades" in es["Subject"]
    for msg, address in ((es, "lectora@example.com"), (en, "reader@example.com")):
        sub = Subscription.objects.get(email=address)
        assert msg["List-Id"] == "RCM documents <documentos.sv.example.org>"
        unsubscribe = f"https://sv.example.org/mail/unsubscribe/{tokens.manage_token(sub)}/"
        assert msg["List-Unsubscribe"].strip().startswith(f"<{unsubscribe}>, <mailto:unsubscribe+{sub.pk}-")
        assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        delivery = Delivery.objects.get(email=address)
        assert msg["Message-ID"] == tokens.message_id_for(delivery)
        assert msg.get_content_type() == "multipart/alternative"
        text = msg.get_body(("plain",)).get_content()
        html = msg.get_body(("html",)).get_content()
        assert unsubscribe in text and unsubscribe in html
        assert tokens.manage_token(sub) in text  # the preferences link carries the same signed token
    assert "/es/" in es.get_body(("plain",)).get_content() and "/en/" in en.get_body(("plain",)).get_content()
    # The envelope sender is the delivery's VERP address; the From header is the site's.
    mail_from = {f for f, _t, _r in smtp_sink.envelopes}
    assert all(f.startswith("bounces+") and f.endswith("@sv.example.org") for f in mail_from)
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}


def test_a_members_only_document_reaches_no_public_subscriber_over_smtp(
    smtp_sink, public_list, subscribe_public, publish, gt_official, observer
):
    services.subscriptions_sync()
    subscribe_public(public_list, "periodista@example.com")
    publish(access_level=AccessLevel.MEMBERS)
    services.process_outbox()
    _send_all()
    rcpts = {r for _f, tos, _r in smtp_sink.envelopes for r in tos}
    assert "gt_official@example.org" in rcpts
    assert "periodista@example.com" not in rcpts and "observer@example.org" not in rcpts


def test_a_refused_recipient_fails_with_the_reason_and_the_others_are_sent(
    smtp_sink, public_list, subscribe_public, publish
):
    subscribe_public(public_list, "nadie@example.com")
    subscribe_public(public_list, "lleno@example.com")
    subscribe_public(public_list, "ok@example.com")
    smtp_sink.refuse = {"nadie@example.com": "550 5.1.1 No such user", "lleno@example.com": "452 4.2.2 Mailbox full"}
    publish()
    services.process_outbox()
    _send_all()
    failed = Delivery.objects.get(email="nadie@example.com")
    deferred = Delivery.objects.get(email="lleno@example.com")
    assert failed.state == "failed" and "5.1.1" in failed.last_error
    assert deferred.state == "deferred" and deferred.next_attempt_at > timezone.now() and deferred.attempts == 1
    assert Delivery.objects.get(email="ok@example.com").state == "sent"


def test_a_deferred_delivery_is_retried_after_its_backoff(smtp_sink, public_list, subscribe_public, publish):
    subscribe_public(public_list, "lleno@example.com")
    smtp_sink.refuse = {"lleno@example.com": "452 4.2.2 Mailbox full"}
    publish()
    services.process_outbox()
    _send_all()
    smtp_sink.refuse = {}
    _send_all()  # not due yet
    assert Delivery.objects.get().state == "deferred"
    Delivery.objects.update(next_attempt_at=timezone.now())
    _send_all()
    delivery = Delivery.objects.get()
    assert delivery.state == "sent" and delivery.attempts == 2


def test_a_row_left_in_sending_by_a_dead_worker_is_queued_again_after_the_lease(
    smtp_sink, settings, public_list, subscribe_public, publish
):
    settings.MAIL_LEASE_SECONDS = 60
    subscribe_public(public_list, "a@example.com")
    publish()
    services.process_outbox()
    _token, rows = sending.claim(worker_id="dead", limit=10)
    assert [r.state for r in rows] == ["sending"]
    # The worker died before sending. Within the lease nobody touches the row:
    assert _send_all().sent == 0
    Delivery.objects.update(claimed_at=timezone.now() - timezone.timedelta(seconds=61))
    assert _send_all().sent == 1
    assert len(smtp_sink.to("a@example.com")) == 1


def test_a_restarted_worker_requeues_its_own_rows_at_once(smtp_sink, public_list, subscribe_public, publish):
    subscribe_public(public_list, "a@example.com")
    publish()
    services.process_outbox()
    sending.claim(worker_id="mailer-1", limit=10)  # then SIGKILL
    assert sending.Sender("mailer-1").run(once=True).sent == 1


def test_a_lost_sent_commit_is_the_documented_duplicate_with_the_same_message_id(
    smtp_sink, public_list, subscribe_public, publish, monkeypatch
):
    subscribe_public(public_list, "a@example.com")
    publish()
    services.process_outbox()

    def killed(delivery, token, **kwargs):
        raise SystemExit("killed between the SMTP reply and the 'sent' commit")

    monkeypatch.setattr(sending, "mark_sent", killed)
    with pytest.raises(SystemExit):
        sending.Sender("mailer-1").run(once=True)
    monkeypatch.undo()
    # The row went back to the queue (the process "restarted"); the message is sent again.
    Delivery.objects.filter(state="sending").update(claimed_at=timezone.now() - timezone.timedelta(days=1))
    sending.Sender("mailer-1").run(once=True)
    copies = smtp_sink.to("a@example.com")
    assert len(copies) == 2  # one duplicate, the window docs/mail-delivery.md describes
    assert copies[0]["Message-ID"] == copies[1]["Message-ID"]  # so the receiver can drop it
    assert Delivery.objects.get().state == "sent"


def test_a_connection_refused_defers_and_nothing_is_marked_sent(settings, public_list, subscribe_public, publish):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    subscribe_public(public_list, "a@example.com")
    publish()
    services.process_outbox()
    _send_all()
    delivery = Delivery.objects.get()
    assert delivery.state == "deferred" and "connection" in delivery.last_error


def test_the_rate_limit_spaces_the_sends(smtp_sink, settings, public_list, subscribe_public, publish):
    settings.MAIL_RATE_PER_SECOND = 20
    for n in range(30):
        subscribe_public(public_list, f"r{n}@example.com")
    publish()
    services.process_outbox()
    started = time.monotonic()
    assert _send_all().sent == 30
    # A burst of 20, then 10 more at 20 per second: at least half a second.
    assert time.monotonic() - started >= 0.45


def test_the_token_bucket_allows_the_rate_and_no_more():
    now = [0.0]

    def sleep(seconds):
        now[0] += seconds

    bucket = sending.TokenBucket(10, clock=lambda: now[0], sleep=sleep)
    for _ in range(40):
        bucket.take()
    assert 2.9 <= now[0] <= 3.1  # 10 at once, then 30 at 10 per second


def test_progress_counts_each_state(public_list, subscribe_public, publish):
    for n in range(3):
        subscribe_public(public_list, f"r{n}@example.com")
    publish()
    services.process_outbox()
    Delivery.objects.filter(email="r0@example.com").update(state="sent")
    message = Delivery.objects.first().message
    stats = sending.progress(message)
    assert (stats["total"], stats["sent"], stats["queued"], stats["percent"]) == (3, 1, 2, 33)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_worker_threads_never_send_a_row_twice(smtp_sink, public_list, subscribe_public, publish, settings):
    settings.MAIL_BATCH_SIZE = 7
    for n in range(120):
        subscribe_public(public_list, f"r{n}@example.com")
    publish()
    services.process_outbox()
    errors = []

    def work(name):
        try:
            sending.Sender(name).run(once=True)
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    rcpts = [r for _f, tos, _r in smtp_sink.envelopes for r in tos]
    assert len(rcpts) == 120 and len(set(rcpts)) == 120
    assert Delivery.objects.filter(state="sent").count() == 120
    assert len(set(Delivery.objects.values_list("claimed_by", flat=True))) >= 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_worker_processes_never_send_a_row_twice(
    smtp_sink, public_list, subscribe_public, publish, tmp_path
):
    """Three mailer processes, each with its own database connection, on one queue."""
    import os
    import sqlite3
    import subprocess
    import sys

    from django.conf import settings

    for n in range(150):
        subscribe_public(public_list, f"r{n}@example.com")
    publish()
    services.process_outbox()
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="secretaria.test_settings", MAIL_BATCH_SIZE="5")
    env["EMAIL_URL"] = f"smtp://127.0.0.1:{settings.EMAIL_PORT}"
    if connection.vendor == "sqlite":
        path = tmp_path / "queue.sqlite3"
        target = sqlite3.connect(path)
        connection.ensure_connection()
        connection.connection.backup(target)  # the test database, as a file every process can open
        target.close()
        env["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        db = connection.settings_dict
        env["DATABASE_URL"] = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    command = [sys.executable, "manage.py", "send_mail_queue", "--once", "--no-outbox", "--no-digests"]
    procs = [
        subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
            [*command, "--worker-id", f"w{i}"], env=env, cwd=settings.BASE_DIR, stderr=subprocess.PIPE
        )
        for i in range(3)
    ]
    outputs = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outputs
    rcpts = [r for _f, tos, _r in smtp_sink.envelopes for r in tos]
    assert len(rcpts) == 150 and len(set(rcpts)) == 150


def test_the_template_path_builds_the_same_message_as_django(public_list, subscribe_public, publish):
    from secretaria.comms.composing import Composer

    sub = subscribe_public(public_list, "reader@example.com", language="en")
    publish()
    services.process_outbox()
    delivery = Delivery.objects.select_related("subscription").get()
    composer = Composer()
    envelope_from, rcpts, data = composer.build_bytes(delivery)
    slow = composer.build(delivery)
    assert envelope_from == slow.from_email == tokens.verp_address(delivery.pk) and rcpts == ["reader@example.com"]
    fast = email.message_from_bytes(data, policy=email.policy.default)
    reference = email.message_from_bytes(slow.message().as_bytes(), policy=email.policy.default)
    for header in ("To", "Subject", "Message-ID", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "From"):
        assert str(fast[header]).strip() == str(reference[header]).strip(), header  # folding aside
    for kind in ("plain", "html"):
        ours = fast.get_body((kind,)).get_content().replace("\r\n", "\n")
        assert ours == reference.get_body((kind,)).get_content().replace("\r\n", "\n")
    assert services.unsubscribe_url(sub) in fast.get_body(("plain",)).get_content()
    assert services.preferences_url(sub) in fast.get_body(("plain",)).get_content()


def test_a_remote_image_in_an_announcement_reaches_subscribers_as_a_link(
    smtp_sink, public_list, subscribe_public, st_officer
):
    subscribe_public(public_list, "lectora@example.com", language="es")
    subscribe_public(public_list, "reader@example.com", language="en")
    services.announcement_publish(
        mailing_list=public_list, by=st_officer, subject_es="Aviso", subject_en="Notice",
        body_es="Vea ![el mapa](https://tracker.example/es.gif)", body_en="See ![the map](https://tracker.example/en.gif)",
    )  # fmt: skip
    assert _send_all().sent == 2
    [es] = smtp_sink.to("lectora@example.com")
    [en] = smtp_sink.to("reader@example.com")
    es_html, en_html = (m.get_body(("html",)).get_content() for m in (es, en))
    assert "<img" not in es_html and "<img" not in en_html
    assert '<a href="https://tracker.example/es.gif">[Imagen: el mapa]</a>' in es_html
    assert '<a href="https://tracker.example/en.gif">[Image: the map]</a>' in en_html


def test_an_announcement_wakes_the_task_worker_which_sends_it(
    smtp_sink, public_list, subscribe_public, st_officer, settings, django_capture_on_commit_callbacks
):
    # The wake-up travels from the services to the tasks through the deliveries_queued signal.
    settings.COMMS_WAKE_SENDERS = True
    subscribe_public(public_list, "lectora@example.com", language="es")
    with django_capture_on_commit_callbacks(execute=True):
        services.announcement_publish(
            mailing_list=public_list,
            by=st_officer,
            subject_es="Aviso",
            subject_en="Notice",
            body_es="Hola",
            body_en="Hi",
        )
    [sent] = smtp_sink.to("lectora@example.com")
    assert sent["Subject"] == "Aviso"
