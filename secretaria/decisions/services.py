"""Writes of the decisions app: decisions, commitments, parties' progress, letters and reminders."""

from __future__ import annotations

import datetime
import hashlib
import smtplib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.core import access
from secretaria.core.access import DEFAULT_NEW_LEVEL, AccessLevel
from secretaria.core.audit import audit_access_change, audit_record
from secretaria.core.i18n import date_text, format_date
from secretaria.core.tasks import queue_email
from secretaria.decisions import selectors
from secretaria.decisions.models import (
    OPEN_STATUSES,
    Commitment,
    CommitmentParty,
    Decision,
    FollowUpLetter,
    PartyStatus,
    ProgressNote,
    ProgressNoteFile,
    country_language,
)
from secretaria.decisions.parsing import pair_texts
from secretaria.files.filetypes import detect, sanitize_filename
from secretaria.files.storage import private_storage
from secretaria.search import services as search_services

SEARCH_KIND = "decision"


def _index(decision: Decision) -> None:
    search_services.index_object(SEARCH_KIND, decision)


def _require(user, rule: str, obj=None) -> None:
    if not access.can(user, rule, obj):
        raise PermissionDenied(_("You do not have permission to do this."))


def _author_name(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return getattr(user, "display_name", "") or user.get_username()


# --- Decisions ---------------------------------------------------------------------------


def decision_create(
    *,
    meeting,
    number: int,
    by,
    paragraph: str = "",
    text_es: str = "",
    text_en: str = "",
    theme=None,
    kind: str = Decision.Kind.OPERATIONAL,
    access_level: str = access.AccessLevel.MEMBERS,
    access_group=None,
    supersedes: Decision | None = None,
    country_detail_public: bool = False,
) -> Decision:
    _require(by, "decisions.manage")
    decision = Decision(
        meeting=meeting,
        number=number,
        paragraph=paragraph.strip().lower(),
        text_es=text_es.strip(),
        text_en=text_en.strip(),
        theme=theme,
        kind=kind,
        access_level=access_level,
        access_group=access_group,
        supersedes=supersedes,
        country_detail_public=country_detail_public,
    )
    decision.full_clean()
    decision.save()
    audit_record(kind="decision_created", actor=by, target=f"decisions.decision:{decision.pk} {decision}")
    _index(decision)
    return decision


_EDITABLE = {
    "text_es",
    "text_en",
    "theme",
    "kind",
    "access_level",
    "access_group",
    "supersedes",
    "country_detail_public",
}


def decision_update(*, decision: Decision, by, **changes) -> Decision:
    _require(by, "decisions.manage")
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise TypeError(f"decision_update() cannot change {sorted(unknown)}")
    old_level, old_group = decision.access_level, decision.access_group_id
    for name, value in changes.items():
        setattr(decision, name, value)
    decision.full_clean()
    decision.save()
    audit_access_change(
        obj=decision,
        old_level=old_level,
        new_level=decision.access_level,
        old_group=old_group,
        new_group=decision.access_group_id,
        by=by,
    )
    _index(decision)
    return decision


def decision_supersede(*, decision: Decision, earlier: Decision, by) -> Decision:
    """Record that ``decision`` replaces ``earlier`` (both pages then show the link)."""
    if earlier.pk == decision.pk:
        raise ValidationError({"supersedes": _("A decision cannot supersede itself.")})
    return decision_update(decision=decision, by=by, supersedes=earlier)


@transaction.atomic
def decisions_import(
    *,
    meeting,
    text_es: str,
    text_en: str,
    by,
    theme=None,
    access_level: str = access.AccessLevel.MEMBERS,
    access_group=None,
) -> list[Decision]:
    """Save the decisions split from a pasted declaration (reviewed first on the preview page).

    A number already recorded for the meeting has its text replaced, not duplicated. A
    numbered paragraph that only introduces lettered sub-paragraphs is informational.
    """
    _require(by, "decisions.manage")
    pairing = pair_texts(text_es, text_en)
    if not pairing.items:
        raise ValidationError(_("No numbered paragraph was found in the text."))
    has_letters = {item.number for item in pairing.items if item.paragraph}
    saved = []
    for item in pairing.items:
        kind = (
            Decision.Kind.INFORMATIONAL
            if not item.paragraph and item.number in has_letters
            else Decision.Kind.OPERATIONAL
        )
        decision, created = Decision.objects.get_or_create(
            meeting=meeting,
            number=item.number,
            paragraph=item.paragraph,
            defaults={
                "text_es": item.text_es,
                "text_en": item.text_en,
                "kind": kind,
                "theme": theme,
                "access_level": access_level,
                "access_group": access_group,
            },
        )
        if not created:
            decision.text_es = item.text_es or decision.text_es
            decision.text_en = item.text_en or decision.text_en
            decision.save(update_fields=["text_es", "text_en", "updated_at"])
        saved.append(decision)
        _index(decision)
    audit_record(
        kind="decisions_imported", actor=by, target=f"meetings.meeting:{meeting.pk} {meeting}", count=len(saved)
    )
    activity_record(
        kind=Activity.Kind.OTHER,
        actor=by,
        meeting=meeting,
        summary_es=f"Registro de {len(saved)} decisiones y párrafos de la reunión {meeting.title_es}",
        summary_en=f"{len(saved)} decisions and paragraphs of {meeting.title_en or meeting.title_es} recorded",
    )
    return saved


# --- Commitments and parties ---------------------------------------------------------------


def commitment_create(
    *,
    decision: Decision,
    by,
    description_es: str = "",
    description_en: str = "",
    due_date: datetime.date | None = None,
    due_before_meeting=None,
    parties: list[dict] | None = None,
) -> Commitment:
    """``parties``: dicts such as ``{"kind": "country", "country": gt}`` or ``{"kind": "secretariat"}``."""
    _require(by, "decisions.manage")
    if not (description_es or description_en):
        raise ValidationError({"description_es": _("Describe the commitment in at least one language.")})
    commitment = Commitment(
        decision=decision,
        description_es=description_es.strip(),
        description_en=description_en.strip(),
        due_date=due_date,
        due_before_meeting=due_before_meeting,
        order=decision.commitments.count() + 1,
    )
    commitment.full_clean()
    commitment.save()
    for spec in parties or []:
        party_add(commitment=commitment, by=by, **spec)
    audit_record(kind="commitment_created", actor=by, target=f"decisions.commitment:{commitment.pk}")
    return commitment


def party_add(*, commitment: Commitment, by, kind: str, country=None, group=None, organization=None) -> CommitmentParty:
    _require(by, "decisions.manage")
    party = CommitmentParty(commitment=commitment, kind=kind, country=country, group=group, organization=organization)
    party.full_clean()
    party.save()
    return party


MAX_EVIDENCE_FILES = 5


def check_evidence_files(files: Iterable[tuple]) -> list[tuple]:
    """(fileobj, name, filetype, sha256, size) for each upload, or UploadRefused for the first
    refused: the same checks as the library's files (content sniffing, size, dangerous types)."""
    files = list(files)
    if len(files) > MAX_EVIDENCE_FILES:
        raise ValidationError(
            {"evidence_files": _("At most %(max)s files may be attached to one note.") % {"max": MAX_EVIDENCE_FILES}}
        )
    checked = []
    for fileobj, name in files:
        name = sanitize_filename(name)
        digest, size = hashlib.sha256(), 0
        fileobj.seek(0)
        for chunk in iter(lambda f=fileobj: f.read(1 << 16), b""):
            digest.update(chunk)
            size += len(chunk)
        fileobj.seek(0)
        checked.append((fileobj, name, detect(fileobj, name, size), digest.hexdigest(), size))
    return checked


def _store_evidence_files(note: ProgressNote, checked: list[tuple], *, level: str, by) -> None:
    # Every check ran before this point: only a database error can leave a file unreferenced.
    for fileobj, name, filetype, sha256, size in checked:
        fileobj.seek(0)
        stored = private_storage.save(
            f"decisions/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{filetype.extensions[0]}", File(fileobj)
        )
        ProgressNoteFile.objects.create(
            note=note,
            file=stored,
            original_name=name,
            file_type=filetype.code,
            content_type=filetype.mime,
            size=size,
            sha256=sha256,
            access_level=level,
            uploaded_by=by if getattr(by, "is_authenticated", False) else None,
        )


def party_update(
    *,
    party: CommitmentParty,
    by,
    status: str | None = None,
    text: str = "",
    evidence_url: str = "",
    evidence_documents: list | None = None,
    evidence_files: Iterable[tuple] = (),
    evidence_files_level: str = DEFAULT_NEW_LEVEL,
    on: datetime.date | None = None,
    request=None,
) -> ProgressNote:
    """A status change and/or a note on one party's commitment, logged with who and when.

    ``evidence_documents`` are documents.Document rows the author may read (checked here).
    ``evidence_files`` are (fileobj, name) uploads, a national report say: each goes through the
    documents app's hostile-upload checks before anything is written (UploadRefused says why),
    and is readable at ``evidence_files_level`` by those who see the note.
    """
    _require(by, "decisions.update_party", party)
    status = status or party.status
    if status not in PartyStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    text = (text or "").strip()
    evidence_documents = list(evidence_documents or [])
    for document in evidence_documents:
        if not access.can_view(by, document.access_level, document.access_group_id) or document.is_draft:
            raise ValidationError({"evidence_documents": _("You cannot cite a document you may not read.")})
    if evidence_files_level not in AccessLevel.values or evidence_files_level == AccessLevel.GROUP:
        raise ValidationError({"evidence_files_level": _("Choose who may read the files from the list.")})
    checked = check_evidence_files(evidence_files)
    if status == party.status and not text and not evidence_url and not evidence_documents and not checked:
        raise ValidationError(_("Change the status or write a note."))
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date cannot be in the future.")})
    note = ProgressNote(
        party=party,
        kind=ProgressNote.Kind.UPDATE,
        occurred_on=on,
        author=by,
        author_name=_author_name(by),
        status_from=party.status,
        status_to=status,
        text=text,
        evidence_url=evidence_url,
    )
    note.full_clean()
    with transaction.atomic():
        note.save()
        if evidence_documents:
            note.evidence_documents.set(evidence_documents)
        _store_evidence_files(note, checked, level=evidence_files_level, by=by)
        if status != party.status:
            party.status = status
            party.status_changed_at = timezone.now()
            party.save(update_fields=["status", "status_changed_at"])
            audit_record(
                kind="commitment_status_changed",
                actor=by,
                request=request,
                target=f"decisions.commitmentparty:{party.pk} {party.name_in('en')}",
                old=note.status_from,
                new=status,
            )
    return note


# --- Follow-up letters ---------------------------------------------------------------------


def _letter_items(meeting, country, lang: str) -> list[dict]:
    items = []
    for party in selectors.country_parties_for_meeting(meeting, country).filter(status__in=OPEN_STATUSES):
        commitment = party.commitment
        with translation.override(lang):
            status_label = str(PartyStatus(party.status).label)
        items.append(
            {
                "party_id": party.pk,
                "decision": f"{commitment.decision.label_in(lang)}",
                "decision_text": commitment.decision.text_es
                if lang == "es"
                else (commitment.decision.text_en or commitment.decision.text_es),
                "commitment": commitment.description_es
                if lang == "es"
                else (commitment.description_en or commitment.description_es),
                "status": party.status,
                "status_label": status_label,
                "deadline": date_text(commitment.due_date, lang)
                if commitment.due_date
                else commitment.deadline_in(lang),
            }
        )
    return items


def letter_prepare(*, meeting, country, by, letter_date: datetime.date | None = None) -> FollowUpLetter:
    """A draft letter listing ``country``'s open commitments on ``meeting``'s decisions, as they stand."""
    _require(by, "decisions.manage")
    lang = country_language(country.iso2)
    return FollowUpLetter.objects.create(
        meeting=meeting,
        country=country,
        language=lang,
        letter_date=letter_date or timezone.localdate(),
        items=_letter_items(meeting, country, lang),
        created_by=by,
    )


@dataclass
class PrepareResult:
    prepared: list[FollowUpLetter]
    nothing_open: list  # countries responsible for commitments of the meeting, all of them closed


def letters_prepare_all(*, meeting, by, letter_date: datetime.date | None = None) -> PrepareResult:
    """One draft letter per member country with at least one open commitment on the meeting's
    decisions; the countries whose commitments are all closed get none, and are named."""
    _require(by, "decisions.manage")
    prepared, nothing_open = [], []
    for country in selectors.countries_with_commitments(meeting):
        if not selectors.country_parties_for_meeting(meeting, country).filter(status__in=OPEN_STATUSES).exists():
            nothing_open.append(country)
            continue
        prepared.append(letter_prepare(meeting=meeting, country=country, by=by, letter_date=letter_date))
    return PrepareResult(prepared=prepared, nothing_open=nothing_open)


def letters_prepare(*, meeting, by, letter_date: datetime.date | None = None) -> list[FollowUpLetter]:
    """One draft letter per member country with open commitments on the meeting's decisions."""
    return letters_prepare_all(meeting=meeting, by=by, letter_date=letter_date).prepared


def _not_sent(letter: FollowUpLetter, status: str, reason: str) -> FollowUpLetter:
    letter.status, letter.status_reason, letter.scheduled_for = status, reason, None
    letter.save(update_fields=["status", "status_reason", "scheduled_for"])
    audit_record(kind="follow_up_letter_not_sent", target=str(letter), reason=reason)
    return letter


def _nothing_to_report(letter: FollowUpLetter) -> str:
    return _("%(country)s has no open commitment on these decisions: there is nothing to follow up.") % {
        "country": letter.country.name
    }


def _no_address(letter: FollowUpLetter) -> str:
    return _("No focal point of %(country)s has an e-mail address in the directory.") % {"country": letter.country.name}


def letter_send(*, letter: FollowUpLetter, by, run_after: datetime.datetime | None = None) -> FollowUpLetter:
    """Hand the letter to the background worker, now or at ``run_after``. A letter that lists no
    open commitment is not sent (status "skipped", with the reason)."""
    from secretaria.decisions.tasks import deliver_follow_up_letter

    _require(by, "decisions.manage")
    if letter.status == FollowUpLetter.Status.SENT:
        raise ValidationError(_("This letter has already been sent."))
    if not letter.items:
        return _not_sent(letter, FollowUpLetter.Status.SKIPPED, _nothing_to_report(letter))
    if run_after is not None and run_after <= timezone.now():
        run_after = None
    if run_after is not None and not deliver_follow_up_letter.get_backend().supports_defer:
        raise ValidationError(_("The background worker of this installation cannot send at a later date."))
    letter.status = FollowUpLetter.Status.SCHEDULED
    letter.scheduled_for = run_after
    letter.status_reason = ""
    letter.save(update_fields=["status", "scheduled_for", "status_reason"])
    task = deliver_follow_up_letter.using(run_after=run_after) if run_after else deliver_follow_up_letter
    task.enqueue(letter_id=letter.pk)
    letter.refresh_from_db()
    return letter


@dataclass
class SendAllResult:
    queued: list[FollowUpLetter]
    skipped: list[FollowUpLetter]
    no_address: list[FollowUpLetter]


def letters_to_send(meeting):
    """The meeting's letters not sent yet and not waiting for a later date, newest first per country."""
    return selectors.letters_for_meeting(meeting).exclude(
        status__in=[FollowUpLetter.Status.SENT, FollowUpLetter.Status.SCHEDULED]
    )


def letters_send_all(*, meeting, by, letter_ids=None) -> SendAllResult:
    """Send every letter of the meeting not sent yet (or those of ``letter_ids``): those with
    nothing to report are skipped and those whose country has no focal point with an address are
    marked not sent, each with the reason; the others are handed to the worker."""
    _require(by, "decisions.manage")
    letters = letters_to_send(meeting)
    if letter_ids is not None:
        letters = letters.filter(pk__in=list(letter_ids))
    result = SendAllResult(queued=[], skipped=[], no_address=[])
    seen_countries = set()
    for letter in letters:
        if letter.country_id in seen_countries:
            continue  # an older draft to the same country: the newest one is sent
        seen_countries.add(letter.country_id)
        if not letter.items:
            result.skipped.append(_not_sent(letter, FollowUpLetter.Status.SKIPPED, _nothing_to_report(letter)))
        elif not selectors.focal_point_emails(country=letter.country):
            result.no_address.append(_not_sent(letter, FollowUpLetter.Status.FAILED, _no_address(letter)))
        else:
            result.queued.append(letter_send(letter=letter, by=by))
    return result


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
            author_name=_author_name(author),
            text=f"Carta de seguimiento enviada a {', '.join(recipients) or letter.country.name_es} / "
            f"Follow-up letter sent to {', '.join(recipients) or letter.country.name_en}",
            letter=letter,
        )
        for party in parties
    ]
    ProgressNote.objects.bulk_create(notes)
    meeting = letter.meeting
    activity_record(
        kind=Activity.Kind.LETTER_SENT,
        actor=author,
        meeting=meeting,
        obj=letter,
        summary_es=f"Carta de seguimiento de las decisiones de la {meeting.title_es} enviada a {letter.country.name_es}",
        summary_en=f"Follow-up letter on the decisions of the {meeting.title_en or meeting.title_es} sent to {letter.country.name_en}",
        on=sent_at,
    )


def letter_deliver(*, letter: FollowUpLetter) -> int:
    """E-mail the letter (PDF and DOCX attached) to the country's focal points. Runs in the worker."""
    from django.core.mail import EmailMessage

    from secretaria.decisions import letters

    if letter.status == FollowUpLetter.Status.SENT:
        return 0
    recipients = selectors.focal_point_emails(country=letter.country)
    if not recipients:
        _not_sent(letter, FollowUpLetter.Status.FAILED, _no_address(letter))
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
        _not_sent(letter, FollowUpLetter.Status.FAILED, reason)
        return 0
    letter_mark_sent(letter=letter, recipients=recipients)
    return sent


# --- Reminders and the overdue digest ----------------------------------------------------


def party_recipients(party: CommitmentParty, on: datetime.date | None = None) -> list[str]:
    if party.kind == CommitmentParty.Kind.SECRETARIAT:
        return [settings.SECRETARIAT_EMAIL]
    return selectors.focal_point_emails(
        country=party.country if party.kind == CommitmentParty.Kind.COUNTRY else None,
        group=party.group if party.kind == CommitmentParty.Kind.NETWORK else None,
        organization=party.organization if party.kind == CommitmentParty.Kind.ORGANIZATION else None,
        ppt=party.kind == CommitmentParty.Kind.PPT,
        on=on,
    )


def reminders_send(*, on: datetime.date | None = None, days_ahead: int = 14, every_days: int = 7) -> int:
    """Remind the focal points of each open commitment falling due within ``days_ahead`` days.

    A party is reminded at most once every ``every_days`` days. Returns the e-mails queued.
    """
    on = on or timezone.localdate()
    queued = 0
    for party in selectors.parties_due_between(on, on + datetime.timedelta(days=days_ahead)):
        if party.last_reminded_on and party.last_reminded_on > on - datetime.timedelta(days=every_days):
            continue
        recipients = party_recipients(party, on)
        if not recipients:
            continue
        lang = country_language(party.country.iso2) if party.country_id else "es"
        commitment = party.commitment
        with translation.override(lang):
            subject = _("Reminder: commitment due %(deadline)s") % {"deadline": commitment.deadline_in(lang)}
            body = "\n\n".join(
                [
                    _("This is a reminder from the Technical Secretariat of the Regional Conference on Migration."),
                    f"{commitment.decision.meeting.title}, {commitment.decision.label_in(lang)}",
                    commitment.description_es
                    if lang == "es"
                    else (commitment.description_en or commitment.description_es),
                    _("Responsible: %(party)s. Status: %(status)s. Due: %(deadline)s.")
                    % {
                        "party": party.name_in(lang),
                        "status": PartyStatus(party.status).label,
                        "deadline": date_text(commitment.due_date, lang)
                        if commitment.due_date
                        else commitment.deadline_in(lang),
                    },
                    _("You can record progress in the members' area."),
                ]
            )
        queue_email(subject=subject, body=body, to=recipients)
        ProgressNote.objects.create(
            party=party,
            kind=ProgressNote.Kind.REMINDER,
            occurred_on=on,
            text=f"Recordatorio enviado / Reminder sent: {', '.join(recipients)}",
        )
        party.last_reminded_on = on
        party.save(update_fields=["last_reminded_on"])
        queued += 1
    return queued


def overdue_digest_send(*, on: datetime.date | None = None) -> int:
    """One e-mail to the Secretariat listing every open commitment past its deadline."""
    on = on or timezone.localdate()
    overdue = list(selectors.parties_overdue(on))
    if not overdue:
        return 0
    lines = []
    for party in overdue:
        commitment = party.commitment
        lines.append(
            f"- {commitment.decision.full_label} — {party.name} — {party.get_status_display()} — "
            f"{format_date(commitment.deadline)}: {commitment.description[:200]}"
        )
    subject = _("Overdue commitments: %(count)s") % {"count": len(overdue)}
    body = (
        _("Open commitments past their deadline on %(date)s:") % {"date": format_date(on)} + "\n\n" + "\n".join(lines)
    )
    queue_email(subject=subject, body=body, to=[settings.SECRETARIAT_EMAIL])
    return 1
