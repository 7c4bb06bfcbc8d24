"""Fixtures of the comms tests: a real SMTP server in the test process, lists, published documents."""

from __future__ import annotations

import datetime
import email
import email.policy
import io
import socket
import threading

import pytest
from aiosmtpd.controller import Controller

from secretaria.comms import services
from secretaria.comms.models import MailingList, Subscription
from secretaria.core.access import AccessLevel, Role


class Sink:
    """aiosmtpd handler that keeps every message it accepts; ``refuse`` makes chosen recipients fail."""

    def __init__(self):
        self.envelopes = []
        self.refuse: dict[str, str] = {}  # address → SMTP reply, e.g. "550 5.1.1 no such user"
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        with self.lock:
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        return [email.message_from_bytes(raw, policy=email.policy.default) for _f, _t, raw in self.envelopes]

    def to(self, address):
        return [m for m in self.messages if address in str(m["To"])]


def free_port() -> int:
    # aiosmtpd's Controller checks it started by connecting to its port, so port 0 will not do.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_sink(settings):
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield sink
    controller.stop()


@pytest.fixture(autouse=True)
def comms_settings(settings):
    settings.SITE_URL = "https://sv.example.org"
    settings.BOUNCE_DOMAIN = "sv.example.org"
    settings.MAIL_RATE_PER_SECOND = 0
    # Tests call the engine themselves; the on-commit task would send behind their back.
    settings.COMMS_WAKE_SENDERS = False


@pytest.fixture
def public_list(db):
    lst = services.mailing_list_create(
        slug="documentos",
        name_es="Documentos de la CRM",
        name_en="RCM documents",
        description_es="Cada documento que la Secretaría Técnica publica.",
        description_en="Every document the Technical Secretariat publishes.",
        access_level=AccessLevel.PUBLIC,
        auto_roles=[Role.MEMBER, Role.PPT, Role.OBSERVER, Role.SECRETARIAT],
    )
    services.list_rule_create(mailing_list=lst, event_kind="document.published")
    return lst


@pytest.fixture
def subscribe_public():
    def make(lst: MailingList, address: str, language="es", rhythm="each"):
        return Subscription.objects.create(
            mailing_list=lst, email=address, language=language, rhythm=rhythm, status=Subscription.Status.ACTIVE
        )

    return make


@pytest.fixture
def publish(st_officer, crm, settings, tmp_path):
    """Create and publish a document through the documents services (which write the outbox event)."""
    from secretaria.documents import services as documents

    settings.MEDIA_ROOT = str(tmp_path / "media")
    counter = iter(range(1, 1000))

    def make(*, access_level=AccessLevel.PUBLIC, symbol=None, **fields):
        fields.setdefault("title_es", "Informe de actividades de la Secretaría Técnica, mayo-noviembre 2004")
        fields.setdefault("title_en", "Activity report of the Technical Secretariat, May-November 2004")
        fields.setdefault("date", datetime.date(2004, 11, 30))
        fields.setdefault("doc_type", "report")
        document = documents.document_create(
            by=st_officer, symbol=symbol or f"CRM/ST/2004/{next(counter)}", access_level=access_level, **fields
        )
        documents.document_add_file(
            document=document,
            by=st_officer,
            fileobj=io.BytesIO("La Secretaría Técnica resume sus actividades.".encode()),
            name="informe.txt",
            language="es",
        )
        return documents.document_publish(document=document, by=st_officer)

    return make
