"""Inquiries from the mailbox: a Maildir and an IMAP stand-in (a local fake of imaplib)."""

import mailbox
from email.message import EmailMessage
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from secretaria.outreach.management.commands import receive_inquiries
from secretaria.outreach.models import Inquiry

pytestmark = pytest.mark.django_db


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00" + b"\x00" * 200


def _mail(subject="Remittances data", sender="jane@uoft.example", body="Do you have data?", files=(),
          **headers) -> bytes:  # fmt: skip
    msg = EmailMessage()
    msg["From"] = f"Jane Doe <{sender}>"
    msg["To"] = "consultas@crm.example"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{abs(hash(subject + sender))}@uoft.example>"
    msg.set_content(body)
    for name, data in files:
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    for key, value in headers.items():  # after the content: set_content drops Content-* headers
        msg[key.replace("_", "-")] = value
    return msg.as_bytes()


class FakeIMAP:
    """A local stand-in for an IMAP server: the messages of one folder, by UID."""

    def __init__(self, messages):
        self.messages = dict(enumerate(messages, start=1))
        self.deleted = set()

    def login(self, user, password):
        return "OK", [b"logged in"]

    def select(self, folder):
        return "OK", [str(len(self.messages)).encode()]

    def uid(self, command, *args):
        if command == "SEARCH":
            return "OK", [b" ".join(str(k).encode() for k in self.messages)]
        if command == "FETCH":
            key = int(args[0])
            return "OK", [(b"1 (RFC822 {n}", self.messages[key]), b")"]
        if command == "STORE":
            self.deleted.add(int(args[0]))
            return "OK", []
        raise AssertionError(command)

    def expunge(self):
        for key in self.deleted:
            self.messages.pop(key)
        self.deleted.clear()
        return "OK", []

    def logout(self):
        return "BYE", []


def test_imap_messages_become_inquiries_and_answers_come_back_into_the_thread(crm, monkeypatch):
    server = FakeIMAP([_mail()])
    monkeypatch.setattr(receive_inquiries, "imap_connect", lambda host, port, tls: server)
    call_command("receive_inquiries", imap_host="localhost", imap_user="consultas", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    inquiry = Inquiry.objects.get()
    assert inquiry.channel == "email" and inquiry.email == "jane@uoft.example" and not server.messages
    assert any(inquiry.reference in m.subject for m in mail.outbox)
    # The requester answers the acknowledgement: the reference is in the subject.
    server.messages[9] = _mail(subject=f"Re: [{inquiry.reference}] We received your inquiry", body="Years 2000-2004")
    call_command("receive_inquiries", imap_host="localhost", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    assert Inquiry.objects.count() == 1
    assert inquiry.messages.filter(direction="in").count() == 2
    # Someone else quoting the reference does not enter the thread: a new inquiry.
    server.messages[10] = _mail(subject=f"Re: [{inquiry.reference}]", sender="other@example.org")
    call_command("receive_inquiries", imap_host="localhost", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    assert Inquiry.objects.count() == 2


def test_in_reply_to_finds_the_thread(crm, tmp_path):
    box = mailbox.Maildir(tmp_path / "box", create=True)
    box.add(_mail())
    call_command("receive_inquiries", maildir=str(tmp_path / "box"), stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    inquiry = Inquiry.objects.get()
    ack_id = inquiry.messages.get(is_acknowledgement=True).message_id
    box.add(_mail(subject="thanks", In_Reply_To=ack_id, body="Thank you"))
    call_command("receive_inquiries", maildir=str(tmp_path / "box"), stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    assert Inquiry.objects.count() == 1 and inquiry.messages.filter(direction="in").count() == 2


def test_a_refused_attachment_is_left_out_and_the_sender_told_which_and_why(crm, monkeypatch):
    server = FakeIMAP([
        _mail(files=[("data.pdf", PDF), ("cv.pdf", EXE)], Content_Language="en"),
        _mail(subject="Remesas", sender="ana@example.org", body="¿Tienen datos?", files=[("virus.exe", EXE)]),
    ])  # fmt: skip
    monkeypatch.setattr(receive_inquiries, "imap_connect", lambda host, port, tls: server)
    out = StringIO()
    call_command("receive_inquiries", imap_host="localhost", imap_user="consultas", stdout=out)
    assert "2 new inquiries" in out.getvalue() and not server.messages
    jane = Inquiry.objects.get(email="jane@uoft.example")
    kept = [a.original_name for m in jane.messages.all() for a in m.attachments.all()]
    assert kept == ["data.pdf"] and jane.text == "Do you have data?"
    ack = next(m for m in mail.outbox if m.to == ["jane@uoft.example"])
    assert jane.reference in ack.subject and "not accepted" in ack.body and "- cv.pdf:" in ack.body
    assert "data.pdf" not in ack.body
    ana = Inquiry.objects.get(email="ana@example.org")
    assert not ana.messages.filter(attachments__isnull=False).exists()
    ack = next(m for m in mail.outbox if m.to == ["ana@example.org"])
    assert ack.body.startswith("Estimado") and "no fueron aceptados" in ack.body and "- virus.exe:" in ack.body


def test_a_refused_file_in_an_answer_keeps_the_answer_and_tells_the_requester(crm, tmp_path):
    box = mailbox.Maildir(tmp_path / "box", create=True)
    box.add(_mail(Content_Language="en"))
    call_command("receive_inquiries", maildir=str(tmp_path / "box"), stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    inquiry = Inquiry.objects.get()
    box.add(_mail(subject=f"Re: [{inquiry.reference}]", body="Here is my form", files=[("form.pdf", EXE)]))
    call_command("receive_inquiries", maildir=str(tmp_path / "box"), stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    assert inquiry.messages.filter(direction="in", body="Here is my form").exists()
    notice = mail.outbox[-1]
    assert notice.to == ["jane@uoft.example"] and inquiry.reference in notice.subject and "- form.pdf:" in notice.body


def test_a_mail_without_text_gets_a_clear_answer_and_nothing_is_kept(crm, tmp_path):
    box = mailbox.Maildir(tmp_path / "box", create=True)
    box.add(_mail(subject="Data", body="", Content_Language="en"))
    out = StringIO()
    call_command("receive_inquiries", maildir=str(tmp_path / "box"), stdout=out)
    assert "1 refused" in out.getvalue() and not Inquiry.objects.exists()
    (answer,) = mail.outbox
    assert answer.to == ["jane@uoft.example"] and answer.subject == "Your message has no text"
    assert "“Data”" in answer.body and "write your question" in answer.body


def test_automatic_messages_are_dropped(crm, tmp_path):
    box = mailbox.Maildir(tmp_path / "box", create=True)
    box.add(_mail(Auto_Submitted="auto-replied"))
    call_command("receive_inquiries", maildir=str(tmp_path / "box"), stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    assert not Inquiry.objects.exists()


def test_without_a_mailbox_the_command_says_so(crm):
    with pytest.raises(CommandError, match="imap-host"):
        call_command("receive_inquiries")


def test_the_retention_command_reports_what_it_erased(crm):
    out = StringIO()
    call_command("erase_expired_inquiries", stdout=out)
    assert "0 inquiries anonymised" in out.getvalue()
