"""The sending end of a follow-up letter (run by the worker) and what sending it records."""

from __future__ import annotations

import datetime
import smtplib

from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.translation import gettext as _

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core.audit import audit_record
from secretaria.decisions import letters, selectors
from secretaria.decisions.models import (
    CommitmentParty,
    FollowUpLetter,
    ProgressNote,
)


def author_name(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return getattr(user, "display_name", "") or user.get_username()


def letter_not_sent(letter: FollowUpLetter, status: str, reason: str) -> FollowUpLetter:
    letter.status, letter.status_reason, letter.scheduled_for = status, reason, None
    letter.save(update_fields=["status", "status_reason", "scheduled_for"])
    audit_record(kind="follow_up_letter_not_sent", target=str(letter), reason=reason)
    return letter


def no_address_reason(letter: FollowUpLetter) -> str:
    return _("No focal point of %(country)s has an e-mail address in the directory.") % {"country": letter.country.name}


def letter_mark_sent(
    *, letter: FollowUpLetter, recipients: list[str], sent_at: datetime.datetime | None = None
) -> None:
    """The letter went out: a milestone in the history of every commitment it lists."""
    sent_at = sent_at or timezone.now()
    letter.status = FollowUpLetter.Status.SENT
    letter.sent_at = sent_at
    letter.recipients = recipients
    letter.save(update_fields=["status", "sent_at", "recipients"])
    author = letter.created_by
    parties = CommitmentParty.objects.filter(pk__in=[item["party_id"] for item in letter.items])
    notes = [
        ProgressNote(
            party=party,
            kind=ProgressNote.Kind.LETTER,
            occurred_on=letter.letter_date,
            recorded_at=sent_at,
            author=author,
            author_name=author_name(author),
            text=f"Carta de seguimiento enviada a {', '.join(recipients) or letter.country.name_es} / "
            f"Follow-up letter sent to {', '.join(recipients) or letter.country.name_en}",
            letter=letter,
        )
        for party in parties
    ]
    ProgressNote.objects.bulk_create(notes)
    meeting = letter.meeting
    activity_record(
        kind=Activity.Kind.FOLLOW_UP_SENT,
        actor=author,
        meeting=meeting,
        obj=letter,
        summary_es=f"Carta de seguimiento de las decisiones de la {meeting.title_es} enviada a {letter.country.name_es}",
        summary_en=f"Follow-up letter on the decisions of the {meeting.title_en or meeting.title_es} sent to {letter.country.name_en}",
        on=sent_at,
    )


def letter_deliver(*, letter: FollowUpLetter) -> int:
    """E-mail the letter (PDF and DOCX attached) to the country's focal points. Runs in the worker."""
    if letter.status == FollowUpLetter.Status.SENT:
        return 0
    recipients = selectors.focal_point_emails(country=letter.country)
    if not recipients:
        letter_not_sent(letter, FollowUpLetter.Status.FAILED, no_address_reason(letter))
        return 0
    content = letters.letter_content(letter)
    message = EmailMessage(subject=content.subject, body=content.email_body, to=recipients)
    slug = f"{letter.meeting.slug}-{letter.country.iso2.lower()}"
    message.attach(f"{slug}.pdf", letters.render_pdf(letter), "application/pdf")
    message.attach(
        f"{slug}.docx",
        letters.render_docx(letter),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    try:
        sent = message.send()
    except (OSError, smtplib.SMTPException) as exc:
        reason = _("The mail server refused it: %(error)s") % {"error": str(exc)[:200] or type(exc).__name__}
        letter_not_sent(letter, FollowUpLetter.Status.FAILED, reason)
        return 0
    letter_mark_sent(letter=letter, recipients=recipients)
    return sent
