"""Confidential files of a case: type checked by secretaria/files, bytes encrypted."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.views.decorators.debug import sensitive_variables

from secretaria.files.filetypes import UploadRefused, detect, sanitize_filename
from secretaria.fund import rules, vault
from secretaria.fund.models import Attachment, Case
from secretaria.fund.services.access_log import access_log_write


@sensitive_variables()
def attachment_add(*, case: Case, by, kind: str, fileobj, name: str) -> Attachment:
    if not rules.may_see_personal_data(by, case):
        raise PermissionDenied
    if kind not in Attachment.Kind.values:
        raise ValidationError({"kind": "?"})
    try:
        filetype = detect(fileobj, name)
    except UploadRefused as exc:
        raise ValidationError({"file": str(exc)}) from None
    fileobj.seek(0)
    data = fileobj.read()
    stored = vault.store(data)
    try:
        with transaction.atomic():
            return Attachment.objects.create(
                case=case, kind=kind, filename=sanitize_filename(name), storage_name=stored,
                mime=filetype.mime, size=len(data), uploaded_by=by,
            )  # fmt: skip
    except Exception:
        vault.delete(stored)
        raise


def attachment_open(*, attachment: Attachment, by, reason: str) -> bytes:
    """The decrypted bytes, once the download is written to the access log."""
    if not rules.may_see_personal_data(by, attachment.case):
        raise PermissionDenied
    access_log_write(user=by, action="download", reason=reason, case=attachment.case, detail=attachment.kind)
    return vault.read(attachment.storage_name)
