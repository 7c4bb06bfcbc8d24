"""Uploaded files whose name is not valid UTF-8 are kept, under a sanitized name.

Django's multipart parser decodes each part's headers as UTF-8 and skips a header it cannot
read as "invalid" (django/http/multipartparser.py, ``parse_boundary_stream``). For a file
part that header is its Content-Disposition, so a file named in Latin-1 by an old client
(``Inf\\xf3rme.pdf``), or one whose RFC 2231 ``filename*`` names an unknown charset, vanished
without a trace: the view saw no file and answered "201 Created" with nothing in ``refused``.

``install()`` (called from CoreConfig.ready) wraps that function: before Django parses a
part's headers, a Content-Disposition line it would skip is rewritten so that it parses —
bytes that are not UTF-8 become ``_`` and an unreadable ``filename*`` is dropped (keeping the
plain ``filename``, or ``file`` when there is none). Every upload path (documents, forums,
meetings, portal images) then sees the file and runs its usual content checks on it.
"""

from __future__ import annotations

import re

from django.http import multipartparser
from django.utils.http import parse_header_parameters

FALLBACK_NAME = "file"
_EXTENDED_FILENAME = re.compile(r';\s*filename\*\s*=\s*("[^"]*"|[^;]*)', re.IGNORECASE)
_PLAIN_FILENAME = re.compile(r";\s*filename\s*=", re.IGNORECASE)


def _parses(text: str) -> bool:
    try:
        parse_header_parameters(text)
    except ValueError:
        return False
    return True


def readable_disposition(line: bytes) -> bytes:
    """A Content-Disposition header line Django can read, as close to ``line`` as possible."""
    try:
        if _parses(line.decode()):
            return line
    except UnicodeDecodeError:
        pass
    text = line.decode("utf-8", "replace").replace("\ufffd", "_")
    if not _parses(text):
        text = _EXTENDED_FILENAME.sub("", text)
        if not _PLAIN_FILENAME.search(text):
            text += f'; filename="{FALLBACK_NAME}"'
    return text.encode()


def readable_headers(header: bytes) -> bytes:
    lines = header.split(b"\r\n")
    fixed = [readable_disposition(line) if line.lower().startswith(b"content-disposition") else line for line in lines]
    return header if fixed == lines else b"\r\n".join(fixed)


def install() -> None:
    original = multipartparser.parse_boundary_stream
    if getattr(original, "sanitizes_file_names", False):
        return

    def parse_boundary_stream(stream, max_header_size):
        # Each part is its own LazyStream: reading its head and putting it back is cheap.
        chunk = stream.read(max_header_size)
        header_end = chunk.find(b"\r\n\r\n")
        if header_end != -1:
            header = chunk[:header_end]
            fixed = readable_headers(header)
            if fixed is not header:
                chunk = fixed + chunk[header_end:]
        stream.unget(chunk)
        return original(stream, max_header_size)

    parse_boundary_stream.sanitizes_file_names = True
    multipartparser.parse_boundary_stream = parse_boundary_stream
