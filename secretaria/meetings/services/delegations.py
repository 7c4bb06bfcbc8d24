"""Delegations: a focal point names the members of its delegation and uploads the accreditation letter."""

from __future__ import annotations

import os

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretaria.core.access import AccessLevel
from secretaria.core.tasks import queue_email
from secretaria.directory.models import Person
from secretaria.documents import services as documents
from secretaria.documents.models import Document
from secretaria.files.filetypes import UploadRefused
from secretaria.meetings.links import RS, Ev, participation_event, registration_token, signed_link
from secretaria.meetings.models import (
    Invitation,
    Registration,
)
from secretaria.meetings.services.invitations import logistics_facts

ACCREDITATION_TYPES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}


ACCREDITATION_MAX_BYTES = 10 * 1024 * 1024


@transaction.atomic
def delegation_name_member(
    *,
    invitation: Invitation,
    given_name: str = "",
    family_name: str = "",
    email: str = "",
    role: str = Registration.Role.MEMBER,
    person: Person | None = None,
    by=None,
) -> Registration:
    """The focal point names one member of the delegation, within the quota; the member gets a link."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("meeting", "country", "organization")
        .get(pk=invitation.pk)
    )
    if not invitation.for_delegation or invitation.status != Invitation.Status.ACCEPTED:
        raise ValidationError(_("Only an accepted delegation invitation can name delegates."))
    active = invitation.registrations.exclude(status__in=[RS.CANCELLED, RS.REJECTED])
    if active.count() >= invitation.quota:
        raise ValidationError(
            _("The delegation already has its %(quota)s places; no more can be named.") % {"quota": invitation.quota}
        )
    if role == Registration.Role.HEAD and active.filter(role=Registration.Role.HEAD).exists():
        raise ValidationError({"role": _("The delegation already has a head.")})
    if person is None:
        email = email.strip().lower()
        person = Person.objects.filter(email__iexact=email).first() if email else None
        if person is None:
            if not (given_name.strip() and family_name.strip()):
                raise ValidationError(_("Give the delegate's given and family names."))
            person = Person(
                given_name=given_name.strip(),
                family_name=family_name.strip(),
                email=email,
                country=invitation.country,
                organization=invitation.organization,
            )
            person.full_clean()
            person.save()
    if Registration.objects.filter(meeting=invitation.meeting, person=person).exists():
        raise ValidationError(_("%(name)s is already registered for this meeting.") % {"name": person.full_name})
    registration = Registration.objects.create(
        invitation=invitation, meeting=invitation.meeting, person=person, role=role
    )
    participation_event(invitation, Ev.NAMED, registration=registration, actor=by, note=person.full_name)
    address = person.email or invitation.email
    if address:
        lang = invitation.language
        with translation.override(lang):
            body = render_to_string(
                "meetings/delegations/email/delegate.txt",
                {
                    "registration": registration,
                    "meeting": invitation.meeting,
                    "invitation": invitation,
                    "link": signed_link("registration_form", registration_token(registration), lang),
                    **logistics_facts(invitation.meeting, lang),
                },
            )
            subject = _("Your registration for %(meeting)s") % {"meeting": invitation.meeting.title}
        queue_email(subject=subject, body=body, to=[address])
    return registration


def accreditation_letter_check(upload) -> None:

    ext = os.path.splitext(upload.name or "")[1].lower()
    if ext not in ACCREDITATION_TYPES:
        raise ValidationError(_("The accreditation letter must be a PDF, a Word (.docx) file or an image (PNG, JPEG)."))
    if upload.size > ACCREDITATION_MAX_BYTES:
        raise ValidationError(_("The accreditation letter is larger than 10 MB."))
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in ACCREDITATION_TYPES[ext]):
        raise ValidationError(_("The file's content does not match its name (%(ext)s).") % {"ext": ext})


@transaction.atomic
def delegation_upload_letter(*, invitation: Invitation, upload, by=None) -> Invitation:
    """Keep the note verbale as a Secretariat-only document (a new upload replaces it; the old one is a revision)."""

    accreditation_letter_check(upload)
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=invitation.pk)
    meeting = invitation.meeting
    by = by if getattr(by, "is_authenticated", False) else None  # the focal point has no account
    try:
        document = invitation.accreditation_document
        if document is None:
            document = documents.document_create(
                by=None,
                symbol=f"CRM/ST/NV/{meeting.slug}/{invitation.pk}",
                date=timezone.localdate(),
                doc_type=Document.Type.LETTER,
                title_es=f"Nota verbal de acreditación: {_name_in(invitation, 'es')} — {meeting.title_es}",
                title_en=f"Accreditation letter: {_name_in(invitation, 'en')} — {meeting.title_en or meeting.title_es}",
                access_level=AccessLevel.SECRETARIAT,
            )
            invitation.accreditation_document = document
            invitation.save(update_fields=["accreditation_document"])
        documents.document_add_file(
            document=document, by=None, fileobj=upload, name=upload.name, language=invitation.language
        )
    except UploadRefused as exc:
        raise ValidationError(str(exc)) from None
    participation_event(invitation, Ev.LETTER_UPLOADED, actor=by, note=upload.name)
    return invitation


def _name_in(invitation: Invitation, lang: str) -> str:
    if invitation.country_id:
        return getattr(invitation.country, f"name_{lang}") or invitation.country.name_es
    if invitation.organization_id:
        return getattr(invitation.organization, f"name_{lang}") or invitation.organization.name_es
    return invitation.person.full_name if invitation.person_id else ""
