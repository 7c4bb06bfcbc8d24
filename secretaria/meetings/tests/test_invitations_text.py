"""The invitation's sentence reads well in both languages, whatever the meeting's title."""

import pytest
from django.core import mail

from secretaria.meetings.services import invitations_create
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db


def test_the_invitation_names_the_meeting_grammatically_in_both_languages(seminar, focal_points, st_officer):
    mail.outbox.clear()
    invitations_create(meeting=seminar, by=st_officer, member_states=True, quota=3)
    to_gt = next(m for m in mail.outbox if m.to == ["focal-gt@example.org"])
    # Not "invita a Guatemala a Seminario…": the title follows a noun, so no article is missing.
    assert "invita a Guatemala a la siguiente reunión: Seminario «Migración y Salud»." in to_gt.body
    to_ca = next(m for m in mail.outbox if m.to == ["focal-ca@example.org"])
    assert "invites Canada to the following meeting: Seminar on Migration and Health." in to_ca.body
