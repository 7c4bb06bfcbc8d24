"""The demo's invitations and thank-you letters of the "Migración y Salud" seminar; the personal feed selector."""

import datetime
import io

import pytest

from secretaria.directory import demo as directory_demo
from secretaria.meetings.demo import registration as demo_participation
from secretaria.meetings.models import Invitation, Letter, Meeting, Registration
from secretaria.meetings.selectors.participants import invited_meeting_ids_for_person
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db


class _Style:
    def __getattr__(self, name):
        return lambda text: text


@pytest.fixture
def demo_seminar(db):
    directory_demo.load(stdout=io.StringIO(), style=_Style())
    from secretaria.directory.models import Country

    meeting = Meeting.objects.create(
        kind=Meeting.Kind.SEMINAR, slug="seminario-migracion-y-salud",
        title_es="Seminario «Migración y Salud»", title_en="Seminar on Migration and Health",
        start_date=datetime.date(2004, 10, 18), end_date=datetime.date(2004, 10, 19),
        city="Ciudad de Guatemala", country=Country.objects.get(iso2="GT"), time_zone="America/Guatemala",
    )  # fmt: skip
    meeting.sponsor_countries.set(Country.objects.filter(iso2__in=["CA", "MX"]))
    return meeting


def test_the_demo_invites_the_seminar_and_thanks_its_speakers_on_behalf_of_canada_and_mexico(demo_seminar):
    demo_participation.load(stdout=io.StringIO(), style=_Style())
    demo_participation.load(stdout=io.StringIO(), style=_Style())  # idempotent

    invitations = Invitation.objects.filter(meeting=demo_seminar)
    assert invitations.filter(for_delegation=True, country__iso2="PA").exists()
    assert invitations.filter(category="observer").exists() and invitations.filter(category="civil_society").exists()
    assert invitations.filter(category="speaker").count() == 3
    assert Registration.objects.filter(meeting=demo_seminar, status="attended").count() >= 5
    letter = Letter.objects.get(meeting=demo_seminar)
    assert letter.recipients.count() == 3
    body = letter.recipients.get(email="jorge.villalobos@demo.example.org").body
    assert "Canadá y México" in body
    english = letter.recipients.get(email="catherine.leblanc@demo.example.org")
    assert english.language == "en" and "Canada and Mexico" in english.body


def test_the_demo_skips_quietly_without_the_seminar(db):
    out = io.StringIO()
    demo_participation.load(stdout=out, style=_Style())
    assert "skipped" in out.getvalue()


def test_invited_meetings_are_offered_to_the_personal_feed(seminar, speaker, st_officer):
    from secretaria.meetings import services as svc
    from secretaria.meetings.models import InviteeCategory

    assert invited_meeting_ids_for_person(speaker) == []
    svc.invitations_create(meeting=seminar, by=st_officer, people=[speaker], category=InviteeCategory.SPEAKER)
    assert invited_meeting_ids_for_person(speaker) == [seminar.pk]
    svc.invitation_decline(invitation=Invitation.objects.get(person=speaker))
    assert invited_meeting_ids_for_person(speaker) == []
