"""A reply to a notification becomes a post, if its token, sender and rights check out."""

import io
import mailbox
import socket
from email.message import EmailMessage

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from secretaria.directory.models import Membership
from secretaria.forums import services, tokens
from secretaria.forums.inbound import handle_inbound_email, reply_text
from secretaria.forums.models import Post, ReplyAddress


def _reply(*, sender, to, body, subject="Re: reunión", **headers) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


@pytest.fixture
def address(forums, thread, gt_official):
    """Guatemala's reply address for the thread, as a notification would carry it."""
    return tokens.reply_address_for(user=gt_official, thread=thread)


def test_a_reply_from_the_right_address_becomes_a_post(address, thread, gt_official, st_officer):
    mail.outbox.clear()
    raw = _reply(
        sender=f"Carlos Chapín <{gt_official.email.upper()}>",
        to=address.address,
        body="Guatemala confirma dos asistentes.\n\nOn Tue, 7 Dec 2004 at 10:00, Luis Monzón <st@example.org> wrote:\n"
        "> Les agradeceremos confirmar los nombres.\n",
    )
    result = handle_inbound_email(raw)
    assert result.accepted, result.refused
    post = result.post
    assert post.author == gt_official and post.thread == thread and post.via_email
    assert post.body == "Guatemala confirma dos asistentes."
    # The Secretariat, who follows the thread, is told; the author is not.
    assert [m.to for m in mail.outbox] == [[st_officer.email]]


def test_a_reply_from_another_address_is_dropped_without_a_notice(address, thread, caplog):
    """The From may be forged: answering it would send backscatter to whoever's address it is."""
    mail.outbox.clear()
    with caplog.at_level("INFO", logger="secretaria.forums.inbound"):
        result = handle_inbound_email(
            _reply(sender="intruso@example.net", to=address.address, body="Soy Carlos, créanme.")
        )
    assert not result.accepted and not result.notice_sent
    assert not Post.objects.filter(body__contains="créanme").exists()
    assert mail.outbox == []
    assert "dropped without a notice" in caplog.text and "intruso@example.net" in caplog.text


def test_a_mail_to_an_address_that_is_not_a_reply_address_gets_no_notice(forums, caplog):
    mail.outbox.clear()
    with caplog.at_level("INFO", logger="secretaria.forums.inbound"):
        result = handle_inbound_email(
            _reply(sender="victima@example.net", to=f"foros@{settings.FORUM_REPLY_DOMAIN}", body="Oferta")
        )
    assert not result.accepted and not result.notice_sent and mail.outbox == []
    assert "dropped without a notice" in caplog.text


def test_a_reply_to_a_locked_thread_is_refused(address, thread, gt_official, st_officer):
    services.thread_moderate(thread=thread, by=st_officer, action="lock")
    mail.outbox.clear()
    result = handle_inbound_email(_reply(sender=gt_official.email, to=address.address, body="¿Todavía a tiempo?"))
    assert not result.accepted and "el hilo está bloqueado" in result.refused
    assert [m.to for m in mail.outbox] == [[gt_official.email]]
    assert thread.posts.count() == 1


def test_a_refusal_is_written_in_the_language_of_the_account(address, thread, gt_official, st_officer):
    gt_official.preferred_language = "en"
    gt_official.save(update_fields=["preferred_language"])
    services.thread_moderate(thread=thread, by=st_officer, action="lock")
    mail.outbox.clear()
    result = handle_inbound_email(_reply(sender=gt_official.email, to=address.address, body="Still in time?"))
    assert "the thread is locked" in result.refused
    assert "Nothing was published" in mail.outbox[0].body and mail.outbox[0].subject.startswith("Not posted")


def test_a_reply_from_someone_who_left_the_network_is_refused(address, thread, gt_official):
    Membership.objects.filter(person=gt_official.person).update(end="2000-01-01")
    result = handle_inbound_email(_reply(sender=gt_official.email, to=address.address, body="Ya no estoy en la Red."))
    assert not result.accepted and "ya no puede publicar en este foro" in result.refused


def test_an_unknown_or_revoked_token_is_refused(address, thread, gt_official):
    mail.outbox.clear()
    bogus = f"reply+{'0' * 32}@{settings.FORUM_REPLY_DOMAIN}"
    result = handle_inbound_email(_reply(sender=gt_official.email, to=bogus, body="Hola"))
    assert not result.accepted and not result.notice_sent and mail.outbox == []  # no token was ever issued
    tokens.reply_address_revoke(user=gt_official, thread=thread)
    result = handle_inbound_email(_reply(sender="otro@example.net", to=address.address, body="Hola"))
    assert not result.accepted and mail.outbox == []  # a revoked token, but not its owner's address
    result = handle_inbound_email(_reply(sender=gt_official.email, to=address.address, body="Hola"))
    assert not result.accepted and "ya no es válida" in result.refused
    assert [m.to for m in mail.outbox] == [[gt_official.email]]  # the owner is told to use a newer one
    fresh = tokens.reply_address_for(user=gt_official, thread=thread)
    assert fresh.token != address.token


def test_auto_replies_are_neither_posted_nor_answered(address, gt_official):
    mail.outbox.clear()
    result = handle_inbound_email(
        _reply(sender=gt_official.email, to=address.address, body="Estoy de vacaciones.", Auto_Submitted="auto-replied")
    )
    assert not result.accepted and mail.outbox == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De acuerdo.\n\nEl mar., 7 dic. 2004 a las 10:00, Ana Ríos (<ana@pa.example>) escribió:\n> Texto",
            "De acuerdo.",
        ),
        ("Sí.\n\nOn Tue, 7 Dec 2004 at 10:00, Luis Monzón\n<st@example.org> wrote:\n> Texto", "Sí."),
        ("Conforme.\n\n-- \nCarlos Méndez\nDirección General de Migración", "Conforme."),
        ("Bien.\n\n-----Original Message-----\nFrom: ST", "Bien."),
        ("Bien.\n\nDe: Secretaría Técnica\nEnviado: martes\nPara: Carlos", "Bien."),
        ("Primera línea.\n> cita suelta al final\n>", "Primera línea."),
        ("Enviado desde mi teléfono", ""),
    ],
)
def test_quoted_text_and_signatures_are_stripped(text, expected):
    assert reply_text(text) == expected


def test_a_reply_that_is_only_quotation_is_refused(address, gt_official):
    result = handle_inbound_email(
        _reply(sender=gt_official.email, to=address.address, body="On Tue, X <a@b.c> wrote:\n> solo cita")
    )
    assert not result.accepted and "queda vacío" in result.refused


def test_the_command_reads_a_maildir_and_empties_it(address, gt_official, tmp_path):
    box = mailbox.Maildir(tmp_path / "replies", create=True)
    box.add(_reply(sender=gt_official.email, to=address.address, body="Desde el Maildir."))
    box.add(_reply(sender="otro@example.net", to=address.address, body="No vale."))
    out = io.StringIO()
    call_command("receive_forum_replies", maildir=str(tmp_path / "replies"), stdout=out)
    assert "1 posted, 1 refused, 0 failed" in out.getvalue()
    assert Post.objects.filter(body="Desde el Maildir.", author=gt_official).exists()
    assert len(mailbox.Maildir(tmp_path / "replies", create=False)) == 0


def test_a_notification_sent_through_a_real_smtp_server_can_be_answered(
    forums, thread, st_officer, gt_official, settings
):
    """End to end with aiosmtpd: the notification's Reply-To, answered, becomes a post."""
    from email import message_from_bytes
    from email import policy as email_policy

    from aiosmtpd.controller import Controller

    received = []

    class Sink:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
            received.append(envelope)
            return "250 OK"

    services.follow_set(user=gt_official, thread=thread, mode="each")
    with socket.socket() as probe:  # a free port for the SMTP server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        services.post_create(thread=thread, author=st_officer, body="¿Confirman su asistencia?")
    finally:
        controller.stop()
    assert [envelope.rcpt_tos for envelope in received] == [[gt_official.email]]
    notification = message_from_bytes(received[0].content, policy=email_policy.default)
    reply_to = str(notification["Reply-To"])
    assert reply_to == ReplyAddress.objects.get(user=gt_official, thread=thread).address
    quoted = "\n".join(f"> {line}" for line in notification.get_body(("plain",)).get_content().splitlines())
    raw = _reply(
        sender=gt_official.email,
        to=reply_to,
        subject=f"Re: {notification['Subject']}",
        body=f"Confirmado.\n\nOn Tue, 7 Dec 2004, Secretaría <no-reply@example.org> wrote:\n{quoted}\n",
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    result = handle_inbound_email(raw)
    assert result.accepted and result.post.body == "Confirmado." and result.post.author == gt_official


def test_a_user_cancels_all_their_reply_addresses(address, gt_official, client_for):
    response = client_for(gt_official).post(reverse("forums:revoke_reply_addresses"))
    assert response.status_code == 302
    address.refresh_from_db()
    assert address.revoked_at is not None
    assert not handle_inbound_email(_reply(sender=gt_official.email, to=address.address, body="Hola")).accepted
