import datetime

import pytest
from django.core.exceptions import PermissionDenied

from secretaria.activity.models import Activity
from secretaria.activity.selectors import activities_between
from secretaria.meetings.models import Meeting
from secretaria.meetings.services import MeetingTransitionError, meeting_create, meeting_set_status


@pytest.fixture
def seminar(crm, st_officer):
    return meeting_create(
        by=st_officer,
        kind=Meeting.Kind.SEMINAR,
        slug="migracion-y-salud",
        title_es="Seminario Migración y Salud",
        title_en="Seminar on Migration and Health",
        start_date=datetime.date(2004, 10, 18),
        end_date=datetime.date(2004, 10, 19),
        time_zone="America/Guatemala",
        city="Ciudad de Guatemala",
        country=crm["countries"]["GT"],
        sponsor_countries=[crm["countries"]["CA"], crm["countries"]["MX"]],
    )


def test_creating_a_meeting_records_the_activity(seminar, st_officer):
    activity = Activity.objects.get(meeting=seminar)
    assert activity.kind == Activity.Kind.MEETING_CREATED
    assert activity.actor == st_officer
    assert "Migración y Salud" in activity.summary_es
    assert sorted(c.iso2 for c in seminar.sponsor_countries.all()) == ["CA", "MX"]


def test_the_presidency_at_the_time_comes_from_the_start_date(seminar, crm):
    assert seminar.presidency is None  # the test directory has no 2004 term
    seminar.start_date = seminar.end_date = datetime.date.today()
    del seminar._presidency
    assert seminar.presidency.country == crm["countries"]["PA"]


def test_it_moves_through_the_normal_course_and_records_each_step(seminar, st_officer):
    for status in ["invitations_sent", "registration_open", "held", "report_published"]:
        meeting_set_status(meeting=seminar, status=status, by=st_officer)
    seminar.refresh_from_db()
    assert seminar.status == Meeting.Status.REPORT_PUBLISHED
    kinds = list(activities_between(None, None, meeting=seminar).values_list("kind", flat=True))
    assert kinds == [
        "meeting_created",
        "invitations_sent",
        "registration_opened",
        "meeting_status_changed",
        "report_published",
    ]


def test_it_refuses_a_jump_backwards(seminar, st_officer):
    meeting_set_status(meeting=seminar, status="registration_open", by=st_officer)
    with pytest.raises(MeetingTransitionError):
        meeting_set_status(meeting=seminar, status="planned", by=st_officer)


def test_cancelling_needs_a_notice(seminar, st_officer):
    with pytest.raises(MeetingTransitionError):
        meeting_set_status(meeting=seminar, status="cancelled", by=st_officer)
    meeting_set_status(
        meeting=seminar, status="cancelled", by=st_officer, notice_es="Suspendido por la tormenta.", notice_en=""
    )
    assert Meeting.objects.get(pk=seminar.pk).status_notice == "Suspendido por la tormenta."


def test_only_the_secretariat_changes_a_meeting(seminar, ppt_official):
    with pytest.raises(PermissionDenied):
        meeting_set_status(meeting=seminar, status="held", by=ppt_official)
