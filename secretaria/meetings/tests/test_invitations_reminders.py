"""Reminders to those who have not answered, before the deadline; by command or scheduled task."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from secretaria.directory.models import Person
from secretaria.meetings import services as svc
from secretaria.meetings.models import Invitation, InviteeCategory
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_invited(seminar, st_officer):
    seminar.registration_deadline = timezone.localdate() + datetime.timedelta(days=5)
    seminar.save()
    people = [
        Person.objects.create(given_name=n, family_name="Invitada", email=f"{n.lower()}@example.org")
        for n in ("Silencio", "Respuesta")
    ]
    svc.invitations_create(meeting=seminar, by=st_officer, people=people, category=InviteeCategory.SPEAKER)
    answered = Invitation.objects.get(person=people[1])
    svc.invitation_decline(invitation=answered)
    mail.outbox.clear()
    return people


def test_reminders_go_only_to_those_who_have_not_answered(two_invited):
    assert svc.invitations_send_reminders() == 1
    assert [m.to for m in mail.outbox] == [["silencio@example.org"]]
    assert mail.outbox[0].subject.startswith(("Recordatorio: invitación a", "Reminder: invitation to"))
    invitation = Invitation.objects.get(person=two_invited[0])
    assert invitation.reminder_count == 1 and [e.kind for e in invitation.events.all()][-1] == "reminded"


def test_a_reminder_is_not_repeated_the_next_day(two_invited):
    svc.invitations_send_reminders()
    assert svc.invitations_send_reminders(now=timezone.now() + datetime.timedelta(days=1)) == 0
    assert svc.invitations_send_reminders(now=timezone.now() + datetime.timedelta(days=3, hours=1)) == 1


def test_no_reminder_long_before_the_deadline(two_invited, seminar):
    seminar.registration_deadline = timezone.localdate() + datetime.timedelta(days=30)
    seminar.save()
    assert svc.invitations_send_reminders() == 0


def test_no_reminder_after_the_deadline(two_invited, seminar):
    seminar.registration_deadline = timezone.localdate() - datetime.timedelta(days=1)
    seminar.save()
    assert svc.invitations_send_reminders() == 0


def test_the_management_command_sends_them(two_invited, capsys):
    call_command("send_invitation_reminders")
    assert len(mail.outbox) == 1
    assert "1" in capsys.readouterr().out


def test_sending_schedules_the_reminder_run_when_the_backend_can_defer(seminar, st_officer, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    seminar.registration_deadline = timezone.localdate() + datetime.timedelta(days=20)
    seminar.save()
    result = svc.reminders_schedule(meeting=seminar)

    assert result is not None
    assert result.task.run_after.date() == seminar.registration_deadline - datetime.timedelta(
        days=svc.REMIND_BEFORE_DAYS
    )
    assert default_task_backend.results[-1].id == result.id
