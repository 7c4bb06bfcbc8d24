"""Bounces: DSNs to the VERP address, hard and soft, Maildir and LMTP, the Secretariat told."""

import io
import mailbox
import smtplib

from django.core import mail
from django.core.management import call_command

from secretaria.comms import bounces, services, tokens
from secretaria.comms.models import Bounce, Delivery, Subscription
from secretaria.comms.tests.conftest import free_port


def dsn(delivery, status="5.1.1", action="failed", report_id="<dsn-1@mx.example.com>"):
    verp = tokens.verp_address(delivery.pk)
    return (
        f"Return-Path: <>\r\n"
        f"Delivered-To: {verp}\r\n"
        f"To: {verp}\r\n"
        f"From: MAILER-DAEMON@mx.example.com\r\n"
        f"Subject: Undelivered Mail Returned to Sender\r\n"
        f"Message-ID: {report_id}\r\n"
        f"MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        f"--B\r\nContent-Type: text/plain\r\n\r\nThe mail system could not deliver your message.\r\n"
        f"--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        f"Reporting-MTA: dns; mx.example.com\r\n\r\n"
        f"Final-Recipient: rfc822; {delivery.email}\r\nAction: {action}\r\nStatus: {status}\r\n"
        f"Diagnostic-Code: smtp; 550 {status} User unknown\r\n"
        f"--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: {tokens.message_id_for(delivery)}\r\nSubject: x\r\n"
        f"--B--\r\n"
    ).encode()


def _deliveries(public_list, subscribe_public, publish, count=1):
    sub = subscribe_public(public_list, "rebota@example.com")
    for _ in range(count):
        publish()
    services.process_outbox()
    return sub, list(Delivery.objects.order_by("pk"))


def test_a_hard_bounce_disables_the_subscription_and_tells_the_secretariat(
    public_list, subscribe_public, publish, settings, django_capture_on_commit_callbacks
):
    sub, [delivery] = _deliveries(public_list, subscribe_public, publish)
    Delivery.objects.update(state="sent")
    with django_capture_on_commit_callbacks(execute=True):
        assert bounces.process_message(dsn(delivery)) == "disabled"
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.DISABLED
    bounce = Bounce.objects.get()
    assert (bounce.kind, bounce.status, bounce.disabled_subscription) == ("hard", "5.1.1", True)
    [notice] = mail.outbox
    assert notice.to == [settings.SECRETARIAT_EMAIL] and "rebota@example.com" in notice.subject


def test_soft_bounces_disable_at_the_threshold(public_list, subscribe_public, publish):
    sub, deliveries = _deliveries(public_list, subscribe_public, publish, count=5)
    outcomes = [
        bounces.process_message(dsn(d, status="4.2.2", action="delayed", report_id=f"<r{d.pk}@mx>")) for d in deliveries
    ]
    assert outcomes == ["soft", "soft", "soft", "soft", "disabled"]
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.DISABLED and sub.bounce_score == 5


def test_the_same_soft_bounce_counts_once(public_list, subscribe_public, publish):
    sub, [delivery] = _deliveries(public_list, subscribe_public, publish)
    bounces.process_message(dsn(delivery, status="4.2.2", report_id="<a@mx>"))
    assert bounces.process_message(dsn(delivery, status="4.2.2", report_id="<b@mx>")) == "duplicate"
    sub.refresh_from_db()
    assert sub.bounce_score == 1


def test_a_forged_verp_address_is_ignored(public_list, subscribe_public, publish):
    sub, [delivery] = _deliveries(public_list, subscribe_public, publish)
    raw = dsn(delivery).replace(tokens.verp_address(delivery.pk).encode(), b"bounces+1-0000000000@sv.example.org")
    raw = raw.replace(tokens.message_id_for(delivery).encode(), b"<other@x>")
    assert bounces.process_message(raw) == "ignored"
    sub.refresh_from_db()
    assert sub.status == "active"


def test_process_bounces_reads_a_maildir(public_list, subscribe_public, publish, tmp_path):
    sub, [delivery] = _deliveries(public_list, subscribe_public, publish)
    box = mailbox.Maildir(tmp_path / "bounces", create=True)
    box.add(dsn(delivery))
    call_command("process_bounces", "--maildir", str(tmp_path / "bounces"))
    sub.refresh_from_db()
    assert sub.status == "disabled" and len(box) == 0


def test_mail_to_the_unsubscribe_mailbox_unsubscribes(public_list, subscribe_public):
    sub = subscribe_public(public_list, "a@example.com")
    address = f"unsubscribe+{sub.pk}-{tokens.unsubscribe_mailbox_signature(sub.pk)}@sv.example.org"
    raw = f"To: {address}\r\nFrom: a@example.com\r\nSubject: unsubscribe\r\n\r\n".encode()
    assert bounces.process_message(raw) == "unsubscribed"
    sub.refresh_from_db()
    assert sub.status == "unsubscribed"


def test_the_lmtp_listener_processes_what_it_receives(public_list, subscribe_public, publish, transactional_db):
    from aiosmtpd.controller import Controller
    from aiosmtpd.lmtp import LMTP

    sub, [delivery] = _deliveries(public_list, subscribe_public, publish)

    class LMTPController(Controller):
        def factory(self):
            return LMTP(self.handler)

    port = free_port()
    controller = LMTPController(bounces.LMTPHandler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with smtplib.LMTP("127.0.0.1", port) as client:
            client.sendmail("", [tokens.verp_address(delivery.pk)], dsn(delivery))
    finally:
        controller.stop()
    sub.refresh_from_db()
    assert sub.status == "disabled"


class FakeIMAP:
    """Stands in for imaplib.IMAP4_SSL: a mailbox of messages and the commands process_imap sends."""

    instances: list = []
    password = "s3cr@t"

    def __init__(self, host, port):
        self.host, self.port, self.calls, self.deleted, self.expunged = host, port, [], set(), False
        self.messages = dict(FakeIMAP.mailbox)
        FakeIMAP.instances.append(self)

    def login(self, user, password):
        import imaplib

        self.calls.append(("login", user))
        if password != self.password:
            raise imaplib.IMAP4.error("[AUTHENTICATIONFAILED] Invalid credentials")

    def select(self, mailbox):
        self.calls.append(("select", mailbox))
        return "OK", [str(len(self.messages)).encode()]

    def search(self, charset, criterion):
        return "OK", [b" ".join(sorted(self.messages))]

    def fetch(self, num, parts):
        return "OK", [(num + b" (RFC822 {n})", self.messages[num]), b")"]

    def store(self, num, command, flags):
        assert (command, flags) == ("+FLAGS", "\\Deleted")
        self.deleted.add(num)

    def expunge(self):
        self.expunged = True

    def logout(self):
        self.calls.append(("logout",))


def test_process_bounces_reads_an_imap_mailbox_and_deletes_what_it_read(
    public_list, subscribe_public, publish, monkeypatch
):
    import imaplib

    sub, [delivery] = _deliveries(public_list, subscribe_public, publish)
    FakeIMAP.instances, FakeIMAP.mailbox = [], {b"1": dsn(delivery), b"2": b"Subject: hello\r\n\r\nnot a bounce\r\n"}
    monkeypatch.setattr(imaplib, "IMAP4_SSL", FakeIMAP)

    out = io.StringIO()
    call_command(
        "process_bounces", "--imap", "imaps://bounces%40sv.example.org:s3cr%40t@imap.example.org/Rebotes", stdout=out
    )

    [client] = FakeIMAP.instances
    assert (client.host, client.port) == ("imap.example.org", 993)
    assert client.calls == [("login", "bounces@sv.example.org"), ("select", "Rebotes"), ("logout",)]
    assert client.deleted == {b"1", b"2"} and client.expunged
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.DISABLED
    assert "disabled" in out.getvalue()


def test_process_bounces_reports_a_refused_imap_login_and_exits_non_zero(monkeypatch, db):
    import imaplib

    import pytest
    from django.core.management.base import CommandError

    FakeIMAP.instances, FakeIMAP.mailbox = [], {}
    monkeypatch.setattr(imaplib, "IMAP4_SSL", FakeIMAP)
    with pytest.raises(CommandError, match="IMAP: .*Invalid credentials"):
        call_command("process_bounces", "--imap", "imaps://bounces:wrong@imap.example.org/INBOX")
    assert FakeIMAP.instances[0].calls[-1] == ("logout",)
    with pytest.raises(CommandError, match="imap:// or imaps://"):
        call_command("process_bounces", "--imap", "pop3://bounces:x@mail.example.org/")


def test_the_secretariat_re_enables_a_subscription_disabled_by_bounces(
    public_list, subscribe_public, publish, client_for, st_officer, gt_official
):
    from django.urls import reverse

    from secretaria.core.models import AuditEvent

    sub, [delivery] = _deliveries(public_list, subscribe_public, publish)
    bounces.process_message(dsn(delivery))
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.DISABLED
    url = reverse("comms:subscription_reenable", args=[sub.pk])
    assert client_for(gt_official).post(url).status_code == 403
    client = client_for(st_officer)
    log = client.get(reverse("comms:bounces")).content.decode()
    assert f'action="{url}"' in log

    response = client.post(url, follow=True)

    sub.refresh_from_db()
    assert (sub.status, sub.bounce_score) == (Subscription.Status.ACTIVE, 0)
    assert "rebota@example.com" in response.content.decode()
    assert AuditEvent.objects.filter(kind="comms.subscription_reenabled").exists()
    # Only a disabled subscription can be re-enabled: a second click says so and changes nothing.
    again = client.post(url, follow=True).content.decode()
    assert "Solo se puede reactivar una suscripción desactivada por rebotes." in again
    assert f'action="{url}"' not in client.get(reverse("comms:bounces")).content.decode()


def test_unauthenticated_mail_to_the_bounce_mailbox_is_dropped_with_a_log_line_and_no_reply(
    public_list, subscribe_public, caplog
):
    """No backscatter: neither a forged unsubscribe address nor a stray message is answered."""
    sub = subscribe_public(public_list, "lector@example.com")
    mail.outbox.clear()
    forged = f"unsubscribe+{sub.pk}-0000000000@sv.example.org"
    with caplog.at_level("INFO", logger="secretaria.comms.bounces"):
        for raw in (
            f"To: {forged}\r\nFrom: victima@example.net\r\nSubject: unsubscribe\r\n\r\n".encode(),
            b"To: listas@sv.example.org\r\nFrom: victima@example.net\r\nSubject: Hola\r\n\r\nPubliquen esto.\r\n",
        ):
            assert bounces.process_message(raw) == "ignored"
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.ACTIVE and mail.outbox == []
    assert caplog.text.count("dropped") == 2


def test_a_signed_unsubscribe_is_acted_on_without_answering_the_sender(public_list, subscribe_public):
    sub = subscribe_public(public_list, "lector@example.com")
    mail.outbox.clear()
    address = f"unsubscribe+{sub.pk}-{tokens.unsubscribe_mailbox_signature(sub.pk)}@sv.example.org"
    raw = f"To: {address}\r\nFrom: otra@example.net\r\nSubject: unsubscribe\r\n\r\n".encode()
    assert bounces.process_message(raw) == "unsubscribed"
    assert "otra@example.net" not in [to for m in mail.outbox for to in m.to]
