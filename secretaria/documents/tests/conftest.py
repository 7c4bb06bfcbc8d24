"""Fixtures of the documents tests: private media in a temporary folder, the search index recorded."""

import datetime
import io
import struct
import zlib

import pytest

from secretaria.core.access import AccessLevel
from secretaria.documents import generate, services
from secretaria.documents.models import Document


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


class IndexRecorder:
    def __init__(self):
        self.indexed = []  # (kind, object id, status at the time)
        self.unindexed = []

    def index_object(self, kind, obj):
        self.indexed.append((kind, obj.pk, obj.status))

    def unindex_object(self, kind, object_id):
        self.unindexed.append((kind, object_id))

    def ids(self):
        return [pk for _kind, pk, _status in self.indexed]


@pytest.fixture(autouse=True)
def search_index(monkeypatch):
    """Records what the documents services ask of the search index (built on another branch)."""
    recorder = IndexRecorder()
    monkeypatch.setattr("secretaria.search.services.index_object", recorder.index_object)
    monkeypatch.setattr("secretaria.search.services.unindex_object", recorder.unindex_object)
    return recorder


PALERMO = [
    "Taller sobre la Convención de Palermo y sus Protocolos contra el tráfico ilícito de migrantes "
    "y la trata de personas.",
    "La Secretaría Técnica coordinó la logística con la Presidencia Pro-Témpore de Panamá.",
]


def pdf(paragraphs=None, title="Convención de Palermo"):
    return generate.pdf_bytes(title, paragraphs or PALERMO)


def png():
    raw = b"\x00\xff\xff\xff"
    chunks = [
        (b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)),
        (b"IDAT", zlib.compress(raw)),
        (b"IEND", b""),
    ]
    out = b"\x89PNG\r\n\x1a\n"
    for kind, data in chunks:
        out += struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return out


def mp4():
    return struct.pack(">I", 24) + b"ftypisom" + b"\x00\x00\x02\x00" + b"isomiso2" + b"\x00\x00\x00\x08free"


SAMPLES = {
    "pdf": lambda: pdf(),
    "docx": lambda: generate.docx_bytes("Convención de Palermo", PALERMO),
    "odt": lambda: generate.odt_bytes(PALERMO),
    "pptx": lambda: generate.pptx_bytes("Convención de Palermo", PALERMO),
    "xlsx": lambda: generate.xlsx_bytes([["País", "Tema"], ["Panamá", "Convención de Palermo"]]),
    "rtf": lambda: generate.rtf_bytes(PALERMO),
    "txt": lambda: "\n".join(PALERMO).encode("utf-8"),
    "png": png,
    "jpeg": lambda: (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"
    ),
    "gif": lambda: (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
        b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    ),
    "webp": lambda: (
        b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
    ),
    "mp4": mp4,
}


def as_file(content: bytes):
    return io.BytesIO(content)


@pytest.fixture
def make_document(st_officer, crm):
    def make(symbol="CRM/ST/2004/12", *, access_level=AccessLevel.PUBLIC, files=None, publish=False, **fields):
        fields.setdefault("title_es", "Taller sobre la Convención de Palermo")
        fields.setdefault("title_en", "Workshop on the Palermo Convention")
        fields.setdefault("date", datetime.date(2004, 12, 1))
        fields.setdefault("doc_type", Document.Type.WORKING_DOCUMENT)
        fields.setdefault("author", crm["orgs"]["st"])
        document = services.document_create(by=st_officer, symbol=symbol, access_level=access_level, **fields)
        for language, (name, content) in (
            files if files is not None else {"es": ("Convención de Palermo.pdf", pdf())}
        ).items():
            services.document_add_file(
                document=document, by=st_officer, fileobj=as_file(content), name=name, language=language
            )
        if publish:
            services.document_publish(document=document, by=st_officer)
        document.refresh_from_db()
        return document

    return make
