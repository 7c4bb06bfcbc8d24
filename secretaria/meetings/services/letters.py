"""Letters to participants and speakers (thanks, certificates…): composing, sending, re-sending,
and the task that renders and mails one signed letter."""

from __future__ import annotations

import datetime
import smtplib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core.i18n import pick
from secretaria.core.letters import render_docx, render_pdf
from secretaria.directory.letters import signatory
from secretaria.directory.models import Person
from secretaria.meetings.letters import merge, merge_context, merge_for, on_behalf_texts, recipient_layout
from secretaria.meetings.links import language_for, require_participation_manager
from secretaria.meetings.models import (
    Letter,
    LetterRecipient,
    LetterTemplate,
    Meeting,
)
from secretaria.meetings.selectors import published_agenda


@dataclass
class Addressee:
    name: str
    email: str
    language: str
    person: Person | None = None
    delegation: str = ""


def addressees_of(registrations) -> list[Addressee]:
    result = []
    for r in registrations:
        result.append(
            Addressee(
                name=r.person.full_name,
                email=r.person.email or r.invitation.email,
                language=r.invitation.language,
                person=r.person,
                delegation=r.delegation_name,
            )
        )
    return result


def _person_delegation(person: Person, lang: str) -> str:
    if person.country_id:
        return pick(person.country, "name", lang)
    if person.organization_id:
        return pick(person.organization, "acronym", lang) or pick(person.organization, "name", lang)
    return ""


def agenda_speakers(meeting: Meeting) -> list[Addressee]:
    """The speakers of the meeting's approved agenda (its items' speakers), each once, in order of speaking."""

    version = published_agenda(meeting)
    if version is None:
        return []
    seen, result = set(), []
    items = list(version.items.all().prefetch_related("speakers__country", "speakers__organization"))
    speaker_ids = {person.pk for item in items for person in item.speakers.all()}
    # One query for every speaker's invitation, not one per speaker.
    invitations = {}
    for invitation in meeting.invitations.filter(person_id__in=speaker_ids).only("person_id", "email", "language"):
        invitations.setdefault(invitation.person_id, invitation)
    for item in items:
        for person in item.speakers.all():
            if person.pk in seen:
                continue
            seen.add(person.pk)
            invitation = invitations.get(person.pk)
            lang = invitation.language if invitation else language_for(person=person)
            result.append(
                Addressee(
                    name=person.full_name,
                    email=person.email or (invitation.email if invitation else ""),
                    language=lang,
                    person=person,
                    delegation=_person_delegation(person, lang),
                )
            )
    return result


@dataclass
class LetterDraft:
    """A letter not yet sent: its recipients merged, for the preview and then the sending."""

    letter: Letter
    recipients: list[LetterRecipient]
    signed_by_holder: bool

    @property
    def without_address(self) -> list[LetterRecipient]:
        return [r for r in self.recipients if not r.email]


def letter_compose(
    *,
    meeting: Meeting,
    template: LetterTemplate,
    addressees: list[Addressee],
    by,
    letter_date: datetime.date | None = None,
    on_behalf: str = "",
    on_behalf_es: str = "",
    on_behalf_en: str = "",
    on_behalf_of: str = "",
) -> LetterDraft:
    """Merge the template for each addressee without saving anything (the preview shows it; sending saves it).

    ``on_behalf``: one of ``Letter.OnBehalf`` (the sponsors, the PPT, someone else written in
    ``on_behalf_es``/``on_behalf_en``); ``on_behalf_of`` alone is a text in one language for both.
    """
    require_participation_manager(by)
    if not addressees:
        raise ValidationError(_("Choose at least one recipient."))
    letter_date = letter_date or timezone.localdate()
    if on_behalf_of and not on_behalf:
        on_behalf, on_behalf_es = Letter.OnBehalf.OTHER, on_behalf_of
    text_es, text_en = on_behalf_texts(
        meeting=meeting, choice=on_behalf, on=letter_date, other_es=on_behalf_es, other_en=on_behalf_en
    )
    if on_behalf and not text_es:
        reasons = {
            Letter.OnBehalf.SPONSORS: _("This meeting has no sponsors to write on behalf of."),
            Letter.OnBehalf.PPT: _("No Pro-Tempore Presidency on the letter's date to write on behalf of."),
        }
        raise ValidationError({"on_behalf": reasons.get(on_behalf, _("Write on whose behalf the letter is sent."))})
    uses_placeholder = "{on_behalf_of}" in (template.body_es + template.body_en)
    if uses_placeholder and not text_es:
        raise ValidationError({"on_behalf": _("This letter is written on someone's behalf: choose whose.")})
    letter = Letter(
        meeting=meeting,
        template=template,
        kind=template.kind,
        letter_date=letter_date,
        on_behalf=on_behalf,
        signed_on_behalf_of=text_es,
        signed_on_behalf_of_en=text_en,
        sent_by=by if getattr(by, "is_authenticated", False) else None,
    )
    recipients = []
    for a in addressees:
        lang = a.language if a.language in ("es", "en") else "es"
        merged = merge_for(
            template=template, meeting=meeting, person=a.person, name=a.name, lang=lang, delegation=a.delegation,
            on_behalf_of=text_en if lang == "en" else text_es,
        )  # fmt: skip
        recipients.append(
            LetterRecipient(
                letter=letter,
                person=a.person,
                name=a.name,
                email=a.email,
                language=lang,
                subject=merged.subject,
                body=merged.body,
                salutation=merged.salutation,
                delegation=a.delegation,
                not_sent_reason="" if a.email else _("No e-mail address in the directory or the invitation."),
            )
        )
    return LetterDraft(letter=letter, recipients=recipients, signed_by_holder=signatory(letter_date, "es").found)


@transaction.atomic
def letter_send(
    *,
    meeting: Meeting,
    template: LetterTemplate,
    addressees: list[Addressee],
    by,
    letter_date: datetime.date | None = None,
    on_behalf: str = "",
    on_behalf_es: str = "",
    on_behalf_en: str = "",
    on_behalf_of: str = "",
    on=None,
) -> Letter:
    """Merge the template for each addressee, keep the letters and send them (PDF and DOCX attached).

    A recipient without an address is kept with the reason it was not sent."""
    draft = letter_compose(
        meeting=meeting, template=template, addressees=addressees, by=by, letter_date=letter_date,
        on_behalf=on_behalf, on_behalf_es=on_behalf_es, on_behalf_en=on_behalf_en, on_behalf_of=on_behalf_of,
    )  # fmt: skip
    letter = draft.letter
    letter.sent_at = on or timezone.now()
    letter.save()
    for recipient in draft.recipients:
        recipient.letter = letter
        recipient.save()
        if recipient.email:
            transaction.on_commit(lambda pk=recipient.pk: send_letter.enqueue(recipient_id=pk))
    behalf_es, behalf_en = letter.signed_on_behalf_of, letter.signed_on_behalf_of_en
    # The subject as the addressees read it: its {meeting}, {city}… filled, never the raw template.
    subject = {
        lang: merge(
            getattr(template, f"subject_{lang}") or template.subject_es,
            merge_context(meeting=meeting, person=None, name="", lang=lang, on_behalf_of=behalf),
        )
        for lang, behalf in (("es", behalf_es), ("en", behalf_en))
    }
    activity_record(
        kind=Activity.Kind.LETTER_SENT,
        actor=by,
        meeting=meeting,
        obj=letter,
        summary_es=f"{meeting.title_es}: carta «{subject['es']}» enviada a {len(addressees)} destinatarios"
        + (f" en nombre de {behalf_es}" if behalf_es else ""),
        summary_en=f"{meeting.title_en or meeting.title_es}: letter “{subject['en']}” "
        f"sent to {len(addressees)} recipients" + (f" on behalf of {behalf_en}" if behalf_en else ""),
        on=on,
    )
    return letter


def letter_resend(*, recipient: LetterRecipient, by) -> None:
    require_participation_manager(by)
    if not recipient.email:
        raise ValidationError(_("This recipient has no e-mail address."))
    send_letter.enqueue(recipient_id=recipient.pk)


@task(queue_name="email")
def send_letter(recipient_id: int) -> int:
    """The worker renders the letter as PDF and DOCX and sends it as attachments; a failure is kept with its reason."""

    recipient = (
        LetterRecipient.objects.select_related("letter__meeting", "letter__template").filter(pk=recipient_id).first()
    )
    if recipient is None:
        return 0
    if not recipient.email:
        with translation.override(recipient.language):
            reason = _("No e-mail address in the directory or the invitation.")
        LetterRecipient.objects.filter(pk=recipient.pk).update(not_sent_reason=reason)
        return 0
    page = recipient_layout(recipient)
    message = EmailMultiAlternatives(
        subject=recipient.subject, body=page.as_text(with_letterhead=False), to=[recipient.email]
    )
    stem = f"carta-{recipient.letter.meeting.slug}-{recipient.pk}"
    message.attach(f"{stem}.pdf", render_pdf(page), "application/pdf")
    message.attach(
        f"{stem}.docx",
        render_docx(page),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    try:
        sent = message.send()
    except (OSError, smtplib.SMTPException) as exc:
        with translation.override(recipient.language):
            reason = _("The mail server refused it: %(error)s") % {"error": str(exc)[:200] or type(exc).__name__}
        LetterRecipient.objects.filter(pk=recipient.pk).update(not_sent_reason=reason)
        return 0
    LetterRecipient.objects.filter(pk=recipient.pk).update(
        sent_at=timezone.now(), send_count=F("send_count") + 1, not_sent_reason=""
    )
    return sent
