"""Writes of follow-up letters: preparing them and queueing them for the worker."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretaria.core.i18n import date_text
from secretaria.decisions import selectors
from secretaria.decisions.models import (
    OPEN_STATUSES,
    FollowUpLetter,
    PartyStatus,
    country_language,
)
from secretaria.decisions.sending import letter_not_sent, no_address_reason
from secretaria.decisions.services.decisions import _require
from secretaria.decisions.tasks import deliver_follow_up_letter

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


def _nothing_to_report(letter: FollowUpLetter) -> str:
    return _("%(country)s has no open commitment on these decisions: there is nothing to follow up.") % {
        "country": letter.country.name
    }


def letter_send(*, letter: FollowUpLetter, by, run_after: datetime.datetime | None = None) -> FollowUpLetter:
    """Hand the letter to the background worker, now or at ``run_after``. A letter that lists no
    open commitment is not sent (status "skipped", with the reason)."""
    _require(by, "decisions.manage")
    if letter.status == FollowUpLetter.Status.SENT:
        raise ValidationError(_("This letter has already been sent."))
    if not letter.items:
        return letter_not_sent(letter, FollowUpLetter.Status.SKIPPED, _nothing_to_report(letter))
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
            result.skipped.append(letter_not_sent(letter, FollowUpLetter.Status.SKIPPED, _nothing_to_report(letter)))
        elif not selectors.focal_point_emails(country=letter.country):
            result.no_address.append(letter_not_sent(letter, FollowUpLetter.Status.FAILED, no_address_reason(letter)))
        else:
            result.queued.append(letter_send(letter=letter, by=by))
    return result
