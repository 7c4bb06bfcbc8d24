"""Writes of inquiries: intake (contact form, mailbox), the thread's e-mails, assignment and
status, notes, answer templates, and the erasure of requesters' personal data."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from email.utils import make_msgid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from secretaria.core import access
from secretaria.core.access import AccessLevel
from secretaria.documents.models import Document
from secretaria.files.filetypes import UploadRefused, sanitize_filename
from secretaria.files.storage import private_storage
from secretaria.files.uploads import store_upload
from secretaria.forums.services import MAX_ATTACHMENTS, check_attachments
from secretaria.outreach.models import (
    AnswerTemplate,
    AnswerTemplateVersion,
    Inquiry,
    InquiryAttachment,
    InquiryMessage,
    InquiryNote,
    InquiryStatusChange,
)
from secretaria.outreach.services.engagements import OutreachError
from secretaria.outreach.tasks import queue_inquiry_email

S = Inquiry.Status
REFERENCE_RE = re.compile(r"\[(CRM-ST-\d{4}-\d{4,})\]")
# A placeholder the writer must fill: [[what to write]]. Known values are {name}, {reference}…
MANUAL_PLACEHOLDER_RE = re.compile(r"\[\[[^\]]*\]\]")
AUTO_PLACEHOLDERS = ("name", "reference", "subject", "organization")
AUTO_PLACEHOLDER_RE = re.compile(r"\{(?:name|reference|subject|organization)\}")


def _secretariat(by) -> None:
    if by is not None and not access.can(by, "outreach.inquiries"):
        raise PermissionDenied(_("Only the Technical Secretariat handles inquiries."))


def _next_reference(year: int) -> str:
    prefix = f"CRM-ST-{year}-"
    last = Inquiry.objects.filter(reference__startswith=prefix).aggregate(m=Max("reference"))["m"]
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def _msgid() -> str:
    domain = settings.OUTREACH_INQUIRY_ADDRESS.rpartition("@")[2] or "localhost"
    return make_msgid("inquiry", domain=domain)


def _set_status(inquiry: Inquiry, to: str, *, by, at=None) -> None:
    if inquiry.status == to:
        return
    at = at or timezone.now()
    InquiryStatusChange.objects.create(inquiry=inquiry, from_status=inquiry.status, to_status=to, changed_at=at,
                                       changed_by=by)  # fmt: skip
    inquiry.status = to
    if to == S.ANSWERED:
        inquiry.answered_at = at
    if to == S.CLOSED:
        inquiry.closed_at = at


def _thread_headers(inquiry: Inquiry, message_id: str) -> dict[str, str]:
    earlier = list(inquiry.messages.exclude(message_id="").values_list("message_id", flat=True))
    headers = {"Message-ID": message_id, "X-Inquiry-Reference": inquiry.reference}
    if earlier:
        headers["In-Reply-To"] = earlier[-1]
        headers["References"] = " ".join(earlier[-10:])
    return headers


def _send(inquiry: Inquiry, *, subject: str, body: str, by, template_version=None, ack=False, at=None, send=True):
    """Record an outgoing message of the thread and queue it (reference in the subject and headers)."""
    if f"[{inquiry.reference}]" not in subject:
        subject = f"[{inquiry.reference}] {subject}"
    message_id = _msgid()
    headers = _thread_headers(inquiry, message_id)
    message = InquiryMessage.objects.create(
        inquiry=inquiry, direction=InquiryMessage.Direction.OUT, subject=subject, body=body, message_id=message_id,
        author=by, template_version=template_version, is_acknowledgement=ack, sent_at=at or timezone.now(),
    )  # fmt: skip
    if send and inquiry.email:
        queue_inquiry_email(subject=subject, body=body, to=[inquiry.email], headers=headers)
    return message


ACK_SUBJECT = gettext_noop("We received your inquiry")
ACK_BODY = gettext_noop(
    "Dear %(name)s,\n\nThe Technical Secretariat of the Regional Conference on Migration has received your "
    "inquiry. Its reference is %(reference)s: keep it in the subject when you write to us about it.\n\n"
    "We answer within a few working days.\n\nTechnical Secretariat of the Regional Conference on Migration\n"
)


def _store(message: InquiryMessage, checked) -> None:
    for upload in checked:
        InquiryAttachment.objects.create(message=message, file=store_upload(upload, "outreach"),
                                         uploaded_at=timezone.now(), **upload.fields())  # fmt: skip


def check_each_attachment(attachments: Iterable[tuple]) -> tuple[list, list[tuple[str, str]]]:
    """Check every (fileobj, name) on its own, for a mail that is kept even when a file is not:
    the files accepted, and the (name, reason) of those refused, the reason in the active language."""
    accepted, refused = [], []
    for index, (fileobj, name) in enumerate(attachments):
        if index >= MAX_ATTACHMENTS:
            refused.append((sanitize_filename(name), _("At most %(max)s files are kept with one message.") % {
                "max": MAX_ATTACHMENTS}))  # fmt: skip
            continue
        try:
            accepted += check_attachments([(fileobj, name)])
        except UploadRefused as exc:
            refused.append((sanitize_filename(name), str(exc)))
    return accepted, refused


def refused_files_text(refused: list[tuple[str, str]]) -> str:
    """The paragraph that tells the requester which files were not accepted and why (active language)."""
    if not refused:
        return ""
    lines = "\n".join(f"- {name}: {reason}" for name, reason in refused)
    return _("These attached files were not accepted and are not kept with your message:\n%(files)s\n"
             "You may send them again in a format we accept: PDF, Word, OpenDocument or an image.") % {
        "files": lines}  # fmt: skip


@transaction.atomic
def inquiry_receive(
    *,
    name: str,
    email: str,
    text: str,
    subject: str = "",
    organization_name: str = "",
    country=None,
    organization=None,
    language: str = "es",
    topic: str = "",
    channel: str = Inquiry.Channel.WEB,
    attachments: Iterable[tuple] = (),
    received_at: datetime.datetime | None = None,
    message_id: str = "",
    acknowledge: bool = True,
    send: bool = True,
    summary_es: str = "",
    summary_en: str = "",
    drop_refused_files: bool = False,
) -> Inquiry:
    """Store an inquiry and acknowledge it in the requester's language with its reference.
    Attachments are checked (type from the bytes, size, zip bombs) before anything is saved: a
    refused one refuses the inquiry, or — ``drop_refused_files``, for mail — is left out and
    named, with the reason, in the acknowledgement."""
    text = (text or "").strip()
    if not text:
        raise OutreachError({"text": _("Write your inquiry.")})
    if language not in ("es", "en"):
        language = "es"
    refused = []
    if drop_refused_files:
        with translation.override(language):
            checked, refused = check_each_attachment(attachments)
    else:
        checked = check_attachments(attachments)  # raises UploadRefused before anything is written
    received_at = received_at or timezone.now()
    inquiry = Inquiry(
        reference=_next_reference(received_at.year), channel=channel, received_at=received_at, name=name.strip(),
        email=(email or "").strip(), organization_name=organization_name.strip(), organization=organization,
        country=country, language=language, topic=topic.strip(), subject=" ".join((subject or "").split())[:200],
        text=text, summary_es=summary_es, summary_en=summary_en,
    )  # fmt: skip
    inquiry.full_clean()
    inquiry.save()
    InquiryStatusChange.objects.create(inquiry=inquiry, to_status=S.NEW, changed_at=received_at)
    first = InquiryMessage.objects.create(
        inquiry=inquiry, direction=InquiryMessage.Direction.IN, subject=inquiry.subject, body=text,
        message_id=message_id, sent_at=received_at,
    )  # fmt: skip
    _store(first, checked)
    if acknowledge:
        with translation.override(language):
            values = {"name": inquiry.name or _("Sir or Madam"), "reference": inquiry.reference}
            body = _(ACK_BODY) % values
            if refused:
                body += "\n" + refused_files_text(refused) + "\n"
            _send(inquiry, subject=_(ACK_SUBJECT), body=body, by=None, ack=True, at=received_at, send=send)
    return inquiry


@transaction.atomic
def inquiry_record(*, by, name: str, text: str, channel: str = Inquiry.Channel.OTHER, email: str = "",
                   received_at: datetime.datetime | None = None, acknowledge: bool = False, **fields) -> Inquiry:  # fmt: skip
    """An inquiry that reached the Secretariat by telephone, letter, in person or in an officer's own
    mailbox, entered by an officer: kept like one from the contact form, with a note of who entered it."""
    _secretariat(by)
    if channel not in (Inquiry.Channel.EMAIL, Inquiry.Channel.OTHER):
        raise OutreachError({"channel": _("Choose how the inquiry arrived.")})
    received_at = received_at or timezone.now()
    if received_at > timezone.now() + datetime.timedelta(minutes=5):
        raise OutreachError({"received_at": _("The date received cannot be in the future.")})
    if acknowledge and not (email or "").strip():
        raise OutreachError({"acknowledge": _("An acknowledgement needs the requester's e-mail address.")})
    inquiry = inquiry_receive(name=name, email=email, text=text, channel=channel, received_at=received_at,
                              acknowledge=acknowledge, **fields)  # fmt: skip
    InquiryNote.objects.create(
        inquiry=inquiry, author=by,
        body=_("Entered by %(name)s (%(channel)s).") % {
            "name": by.display_name, "channel": inquiry.get_channel_display()},
    )  # fmt: skip
    return inquiry


@transaction.atomic
def inquiry_add_answer_from_requester(*, inquiry: Inquiry, body: str, subject: str = "", message_id: str = "",
                                      attachments: Iterable[tuple] = (), at=None,
                                      drop_refused_files: bool = False) -> InquiryMessage:  # fmt: skip
    """The requester's answer comes back into the thread; a paused clock runs again. With
    ``drop_refused_files`` (mail) a refused file is left out and the requester told which and why."""
    refused = []
    if drop_refused_files:
        with translation.override(inquiry.language):
            checked, refused = check_each_attachment(attachments)
    else:
        checked = check_attachments(attachments)
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    message = InquiryMessage.objects.create(
        inquiry=inquiry, direction=InquiryMessage.Direction.IN, subject=subject[:300], body=body,
        message_id=message_id[:255], sent_at=at or timezone.now(),
    )  # fmt: skip
    _store(message, checked)
    if refused:
        with translation.override(inquiry.language):
            _send(inquiry, subject=_("Files not accepted"), body=refused_files_text(refused), by=None,
                  at=message.sent_at)  # fmt: skip
    if inquiry.status in (S.WAITING, S.ANSWERED, S.CLOSED):
        _set_status(inquiry, S.ASSIGNED if inquiry.assigned_to_id else S.NEW, by=None, at=message.sent_at)
        inquiry.save()
    return message


@transaction.atomic
def inquiry_assign(*, inquiry: Inquiry, by, to, at=None) -> Inquiry:
    _secretariat(by)
    if to is None or not access.is_secretariat(to):
        raise OutreachError({"assigned_to": _("Inquiries are assigned to Secretariat staff.")})
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    inquiry.assigned_to = to
    if inquiry.status == S.NEW:
        _set_status(inquiry, S.ASSIGNED, by=by, at=at)
    inquiry.save()
    return inquiry


_ALLOWED = {
    S.WAITING: (S.ASSIGNED, S.ANSWERED, S.NEW),
    S.CLOSED: (S.NEW, S.ASSIGNED, S.WAITING, S.ANSWERED),
    S.ASSIGNED: (S.WAITING, S.ANSWERED, S.CLOSED),
}


@transaction.atomic
def inquiry_set_status(*, inquiry: Inquiry, by, to: str, at=None) -> Inquiry:
    """Waiting for the requester (pauses the clock), back to work, or closed."""
    _secretariat(by)
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if to not in _ALLOWED or inquiry.status not in _ALLOWED[to]:
        raise OutreachError(_("An inquiry cannot move from “%(from)s” to “%(to)s”.") % {
            "from": inquiry.get_status_display(), "to": S(to).label if to in S.values else to})  # fmt: skip
    if to == S.ASSIGNED and not inquiry.assigned_to_id:
        raise OutreachError(_("Assign the inquiry to someone first."))
    _set_status(inquiry, to, by=by, at=at)
    inquiry.save()
    return inquiry


@transaction.atomic
def inquiry_note_add(*, inquiry: Inquiry, by, body: str) -> InquiryNote:
    _secretariat(by)
    body = (body or "").strip()
    if not body:
        raise OutreachError({"body": _("Write the note.")})
    return InquiryNote.objects.create(inquiry=inquiry, body=body, author=by)


# --- Answer templates and replies ----------------------------------------------------------


@transaction.atomic
def template_save(*, slug: str, by, name_es: str, name_en: str, subject_es: str, subject_en: str, body_es: str,
                  body_en: str, new: bool = False) -> AnswerTemplateVersion:  # fmt: skip
    """Create a template (``new``: its short name must be free) or add a new version of it;
    earlier versions stay, as replies cite them. Saving without a change adds no version."""
    _secretariat(by)
    if not (name_es or "").strip():
        raise OutreachError({"name_es": _("Give the template a name.")})
    for field, value in (("subject_es", subject_es), ("subject_en", subject_en), ("body_es", body_es),
                         ("body_en", body_en)):  # fmt: skip
        if not (value or "").strip():
            raise OutreachError({field: _("A template is written in both languages.")})
    if new and AnswerTemplate.objects.filter(slug=slug).exists():
        raise OutreachError({"slug": _("Another template has this short name.")})
    template, _created = AnswerTemplate.objects.get_or_create(slug=slug, defaults={"name_es": name_es,
                                                                                   "name_en": name_en})  # fmt: skip
    template.name_es, template.name_en = name_es.strip(), (name_en or "").strip()
    template.full_clean()
    template.save()
    text = {"subject_es": subject_es.strip(), "subject_en": subject_en.strip(), "body_es": body_es.strip(),
            "body_en": body_en.strip()}  # fmt: skip
    current = template.current
    if current is not None and all(getattr(current, k) == v for k, v in text.items()):
        return current
    number = (current.number if current else 0) + 1
    version = AnswerTemplateVersion(template=template, number=number, created_by=by, **text)
    version.full_clean()
    version.save()
    return version


@transaction.atomic
def template_set_active(*, template: AnswerTemplate, by, active: bool) -> AnswerTemplate:
    """Take a template out of use (it stays, with its versions, for the replies that cite it) or back."""
    _secretariat(by)
    template.is_active = active
    template.save(update_fields=["is_active"])
    return template


def template_fill(version: AnswerTemplateVersion, inquiry: Inquiry) -> tuple[str, str]:
    """The template in the requester's language with the known values put in; the [[…]]
    placeholders are left for the writer."""
    lang = inquiry.language if inquiry.language in ("es", "en") else "es"
    values = {"name": inquiry.name, "reference": inquiry.reference, "subject": inquiry.subject,
              "organization": inquiry.organization_name}  # fmt: skip
    subject, body = getattr(version, f"subject_{lang}"), getattr(version, f"body_{lang}")
    for key in AUTO_PLACEHOLDERS:
        subject, body = subject.replace("{" + key + "}", values[key]), body.replace("{" + key + "}", values[key])
    return subject, body


def documents_text(documents) -> str:
    """The documents sent with an answer, each with its public link (active language)."""
    lines = [f"- {d.symbol}, {d.title}: {settings.SITE_URL}{d.get_absolute_url()}" for d in documents]
    return _("Documents sent with this answer:") + "\n" + "\n".join(lines)


def unfilled_placeholders(text: str) -> list[str]:
    return MANUAL_PLACEHOLDER_RE.findall(text or "") + AUTO_PLACEHOLDER_RE.findall(text or "")


@transaction.atomic
def inquiry_reply(*, inquiry: Inquiry, by, body: str, subject: str = "", template_version=None, documents=(),
                  waiting: bool = False, at=None, send: bool = True) -> InquiryMessage:  # fmt: skip
    """Answer the requester. A reply with a placeholder left ([[…]]) is refused; the reply
    records the template version it was written from; documents sent are linked."""
    _secretariat(by)
    body = (body or "").strip()
    if not body:
        raise OutreachError({"body": _("Write the answer.")})
    left = unfilled_placeholders(body) + unfilled_placeholders(subject)
    if left:
        raise OutreachError({"body": _("Fill in the placeholders before sending: %(left)s") % {
            "left": ", ".join(left)}})  # fmt: skip
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if inquiry.is_erased:
        raise OutreachError(_("This inquiry's personal data was erased: it cannot be answered."))
    if template_version is not None and not template_version.pk:
        raise OutreachError({"template": _("Unknown template.")})
    documents = list(documents)
    closed = [d for d in documents if d.status != Document.Status.PUBLISHED or d.access_level != AccessLevel.PUBLIC]
    if closed:
        raise OutreachError({"documents": _(
            "The requester could not open these documents, which are not public: %(symbols)s. Send only "
            "published public documents.") % {"symbols": ", ".join(d.symbol for d in closed)}})  # fmt: skip
    at = at or timezone.now()
    with translation.override(inquiry.language):
        subject = subject.strip() or _("Your inquiry: %(subject)s") % {"subject": inquiry.subject or inquiry.reference}
        if documents:
            body += "\n\n" + documents_text(documents)
    message = _send(inquiry, subject=subject, body=body, by=by, template_version=template_version, at=at, send=send)
    if documents:
        inquiry.documents.add(*documents)
    if inquiry.first_response_at is None:
        inquiry.first_response_at = at
    if inquiry.assigned_to_id is None and by is not None:
        inquiry.assigned_to = by
    _set_status(inquiry, S.WAITING if waiting else S.ANSWERED, by=by, at=at)
    inquiry.save()
    return message


# --- Personal data ---------------------------------------------------------------------------


@transaction.atomic
def inquiry_erase(*, inquiry: Inquiry, by, at=None) -> Inquiry:
    """Erase the requester's personal data (on request, or at the end of the retention period).
    The row stays, with its dates, status, topic and country, so the counts still add up."""
    _secretariat(by)
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    names = list(InquiryAttachment.objects.filter(message__inquiry=inquiry).values_list("file", flat=True))
    InquiryAttachment.objects.filter(message__inquiry=inquiry).delete()
    inquiry.messages.update(body="", subject="", message_id="")
    inquiry.notes.all().delete()
    inquiry.name = inquiry.email = inquiry.organization_name = inquiry.subject = inquiry.text = ""
    inquiry.organization = None
    inquiry.erased_at = at or timezone.now()
    inquiry.save()

    def delete_files():
        for name in names:
            private_storage.delete(name)

    transaction.on_commit(delete_files)
    return inquiry


def inquiries_erase_expired(*, now=None) -> int:
    """Erase the personal data of inquiries closed more than the retention period ago."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=settings.OUTREACH_INQUIRY_RETENTION_DAYS)
    count = 0
    for inquiry in Inquiry.objects.filter(erased_at__isnull=True, closed_at__lt=limit):
        inquiry_erase(inquiry=inquiry, by=None, at=now)
        count += 1
    return count
