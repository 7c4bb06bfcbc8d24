"""Retention and key rotation, shared by the commands and the scheduled task.

* ``cases_due_for_erasure``: cases whose final step (closed, rejected or cancelled) is older
  than the protocol's ``retention_years``, with personal data still present.
* ``rotate_keys``: re-encrypts every encrypted column and file with the newest key of
  FUND_ENCRYPTION_KEYS, working on the stored tokens (never on clear values in bulk).
"""

from __future__ import annotations

import datetime

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from secretaria.fund import crypto, rules, vault
from secretaria.fund.crypto import EncryptedCharField, EncryptedTextField
from secretaria.fund.models import Attachment, Case, Step
from secretaria.fund.services.cases import case_erase_personal_data

FINAL = [Step.Kind.CLOSED, Step.Kind.REJECTED, Step.Kind.CANCELLED]


def cases_due_for_erasure(*, now: datetime.datetime | None = None) -> list[Case]:
    years = rules.protocol_settings().retention_years
    now = now or timezone.now()
    try:
        limit = now.replace(year=now.year - years)
    except ValueError:  # 29 February
        limit = now.replace(year=now.year - years, day=28)
    finished = Step.objects.filter(kind__in=FINAL).values("case_id").annotate(last=Max("at")).filter(last__lt=limit)
    ids = [row["case_id"] for row in finished]
    return list(Case.objects.filter(pk__in=ids, personal_data_erased_at__isnull=True).order_by("pk"))


def erase_due(*, dry_run: bool = False, now=None) -> list[str]:
    """The codes of the cases erased (or that would be, with ``dry_run``)."""
    cases = cases_due_for_erasure(now=now)
    if not dry_run:
        for case in cases:
            case_erase_personal_data(case=case)
    return [c.code for c in cases]


def _encrypted_columns(model) -> list[str]:
    return [f.column for f in model._meta.concrete_fields if isinstance(f, EncryptedCharField | EncryptedTextField)]


@transaction.atomic
def rotate_keys() -> dict[str, int]:
    """Re-encrypt with the newest key; returns how many values and files were rewritten."""
    counts = {"values": 0, "files": 0}
    qn = connection.ops.quote_name
    for model in (Case, Step, Attachment):
        columns = _encrypted_columns(model)
        table = qn(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, {', '.join(qn(c) for c in columns)} FROM {table}")  # noqa: S608 - our own names
            rows = cursor.fetchall()
            for row in rows:
                updates = {}
                for column, token in zip(columns, row[1:], strict=True):
                    if token:
                        updates[column] = crypto.rotate_token(token)
                if updates:
                    assignments = ", ".join(f"{qn(c)} = %s" for c in updates)
                    cursor.execute(
                        f"UPDATE {table} SET {assignments} WHERE id = %s",  # noqa: S608 - our own names
                        [*updates.values(), row[0]],
                    )
                    counts["values"] += len(updates)
    for name in Attachment.objects.values_list("storage_name", flat=True):
        vault.rewrite(name)
        counts["files"] += 1
    return counts
