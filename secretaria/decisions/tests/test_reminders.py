import datetime

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from secretaria.decisions import reminders, services
from secretaria.decisions.models import PartyStatus, ProgressNote

DUE = datetime.date(2004, 10, 18)


def test_focal_points_are_reminded_before_the_due_date(parties, focal_points):
    sent = reminders.reminders_send(on=DUE - datetime.timedelta(days=10))
    recipients = sorted(address for message in mail.outbox for address in message.to)
    # Guatemala and Canada have focal points; Honduras none; the Secretariat's own address.
    assert recipients == ["focal-ca@example.org", "focal-gt@example.org", "st@localhost"]
    assert sent == 3
    canada = next(m for m in mail.outbox if m.to == ["focal-ca@example.org"])
    assert "Report on the preparation of the seminar." in canada.body
    assert ProgressNote.objects.filter(kind=ProgressNote.Kind.REMINDER).count() == 3


def test_a_party_is_not_reminded_twice_in_a_week_nor_once_done(parties, focal_points, gt_official):
    services.party_update(
        party=parties["GT"], by=gt_official, status=PartyStatus.DONE, text="Hecho", on=datetime.date(2004, 8, 1)
    )
    reminders.reminders_send(on=DUE - datetime.timedelta(days=10))
    first = len(mail.outbox)
    reminders.reminders_send(on=DUE - datetime.timedelta(days=8))
    assert len(mail.outbox) == first
    assert all(m.to != ["focal-gt@example.org"] for m in mail.outbox)


def test_nothing_is_sent_long_before_the_deadline(parties, focal_points):
    assert reminders.reminders_send(on=DUE - datetime.timedelta(days=60)) == 0


def test_the_secretariat_gets_a_digest_of_what_is_overdue(parties, settings):
    settings.SECRETARIAT_EMAIL = "st-crm@example.org"
    call_command("send_commitment_reminders", "--date", "2004-11-01")
    digest = next(m for m in mail.outbox if m.to == ["st-crm@example.org"] and "4" in m.subject)
    assert "Guatemala" in digest.body and "Honduras" in digest.body and "18 de octubre de 2004" in digest.body


def test_the_command_refuses_a_bad_date(db):
    with pytest.raises(CommandError):
        call_command("send_commitment_reminders", "--date", "yesterday")


def test_the_background_task_sends_reminders_and_the_digest(parties, focal_points, settings):
    from secretaria.decisions.tasks import send_commitment_reminders

    result = send_commitment_reminders.enqueue()
    assert result.return_value >= 1  # at least the overdue digest: the 2004 deadlines are past
    assert any(m.to == [settings.SECRETARIAT_EMAIL] for m in mail.outbox)
