"""Test helper: a multipart POST whose file name is raw bytes (not necessarily UTF-8)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, encode_multipart

LATIN1_NAME = b"Inf\xf3rme \xf1and\xfa.pdf"  # "Informe ñandú.pdf" in Latin-1: not UTF-8
SANITIZED_NAME = "Inf_rme _and_.pdf"
_PLACEHOLDER = "x-placeholder-file-name-x.pdf"


def post_with_raw_file_name(
    client, url, data: dict, field: str, content: bytes, raw_name: bytes = LATIN1_NAME, **extra
):
    body = encode_multipart(BOUNDARY, {**data, field: SimpleUploadedFile(_PLACEHOLDER, content)})
    assert body.count(_PLACEHOLDER.encode()) == 1
    return client.post(
        url,
        data=body.replace(_PLACEHOLDER.encode(), raw_name),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
        **extra,
    )
