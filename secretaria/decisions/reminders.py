"""Reminders of commitments falling due and the overdue digest to the Secretariat (run by the worker)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretaria.core.i18n import date_text, format_date
from secretaria.core.tasks import queue_email
from secretaria.decisions import selectors
from secretaria.decisions.models import (
    CommitmentParty,
    PartyStatus,
    ProgressNote,
    country_language,
)

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
