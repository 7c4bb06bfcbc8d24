"""The version of the package format and how values are written in it (docs/admin/archive.md)."""

import base64
import datetime
import decimal
import json
import uuid

SCHEMA_VERSION = 1
PROFILE = "secretaria-archive"


def _default(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()  # full precision (Django's encoder drops microseconds)
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not serialisable")


def dumps(record) -> str:
    return json.dumps(record, default=_default, ensure_ascii=False, sort_keys=True)


def field_type(field) -> str:
    return field.get_internal_type()
