"""Capacity, the waiting list, and the Secretariat's approval or rejection."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from secretaria.directory.models import Person
from secretaria.meetings import services as svc
from secretaria.meetings.models import Invitation, InviteeCategory, Registration
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db
RS = Registration.Status


@pytest.fixture
def three_speakers(seminar, st_officer):
    seminar.capacity = 2
    seminar.save()
    people = [
        Person.objects.create(given_name=n, family_name="Ponente", email=f"{n.lower()}@example.org")
        for n in ("Ana", "Beto", "Cora")
    ]
    svc.invitations_create(meeting=seminar, by=st_officer, people=people, category=InviteeCategory.SPEAKER)
    registrations = []
    for person in people:
        invitation = Invitation.objects.get(meeting=seminar, person=person)
        svc.invitation_accept(invitation=invitation, registration_data={"hotel": "Camino Real"})
        registrations.append(Registration.objects.get(invitation=invitation))
    return registrations


def test_when_the_meeting_is_full_the_next_registration_goes_to_the_waiting_list(three_speakers):
    assert [r.status for r in three_speakers] == [RS.REGISTERED, RS.REGISTERED, RS.WAITLISTED]


def test_a_freed_place_goes_to_the_waiting_list_in_order_and_the_person_is_told(three_speakers, st_officer):
    ana, _beto, cora = three_speakers
    mail.outbox.clear()

    svc.registration_reject(registration=ana, by=st_officer)

    cora.refresh_from_db()
    assert cora.status == RS.REGISTERED
    assert [e.kind for e in cora.events.all()][-1] == "promoted"
    assert mail.outbox[0].to == ["cora@example.org"]


def test_the_secretariat_approves_and_marks_attendance(three_speakers, st_officer):
    ana = three_speakers[0]
    svc.registration_approve(registration=ana, by=st_officer)
    svc.registration_mark_attended(registration=ana, by=st_officer)
    ana.refresh_from_db()
    assert ana.status == RS.ATTENDED
    assert [e.kind for e in ana.invitation.events.all()] == [
        "invited", "accepted", "registered", "approved", "attended"
    ]  # fmt: skip


def test_someone_on_a_full_waiting_list_cannot_be_approved_over_capacity(three_speakers, st_officer):
    with translation.override("en"), pytest.raises(ValidationError, match="full"):
        svc.registration_approve(registration=three_speakers[2], by=st_officer)


def test_only_the_secretariat_approves(three_speakers, ppt_official):
    with pytest.raises(PermissionDenied):
        svc.registration_approve(registration=three_speakers[0], by=ppt_official)


def test_approval_from_the_page(three_speakers, st_officer, client_for, seminar):
    ana = three_speakers[0]
    url = reverse(
        "meetings:participation_registration_action", kwargs={"slug": seminar.slug, "pk": ana.pk, "action": "approve"}
    )
    assert client_for(st_officer).post(url).status_code == 302
    ana.refresh_from_db()
    assert ana.status == RS.APPROVED


def test_a_member_official_cannot_approve_from_the_page(three_speakers, gt_official, client_for, seminar):
    ana = three_speakers[0]
    url = reverse(
        "meetings:participation_registration_action", kwargs={"slug": seminar.slug, "pk": ana.pk, "action": "approve"}
    )
    assert client_for(gt_official).post(url).status_code == 403
    ana.refresh_from_db()
    assert ana.status == RS.REGISTERED


def test_an_impossible_step_is_a_message_not_an_error(three_speakers, st_officer, client_for, seminar):
    cora = three_speakers[2]
    url = reverse(
        "meetings:participation_registration_action", kwargs={"slug": seminar.slug, "pk": cora.pk, "action": "attended"}
    )
    response = client_for(st_officer).post(url, follow=True)
    assert response.status_code == 200
    assert 'class="message error"' in response.content.decode() or "message error" in response.content.decode()


def test_the_secretariat_sees_the_history_of_an_invitation(three_speakers, st_officer, client_for, seminar):
    invitation = three_speakers[0].invitation
    url = reverse("meetings:participation_invitation", kwargs={"slug": seminar.slug, "pk": invitation.pk})
    page = client_for(st_officer).get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert 'class="timeline"' in page.content.decode()


def test_the_invitations_page_makes_a_constant_number_of_queries(three_speakers, st_officer, client_for, seminar,
                                                                 count_queries):  # fmt: skip
    client = client_for(st_officer)
    url = reverse("meetings:participation_manage", kwargs={"slug": seminar.slug})
    client.get(url)

    def add(numbers):
        for i in numbers:
            person = Person.objects.create(given_name=f"Extra{i}", family_name="Ponente", email=f"e{i}@example.org")
            svc.invitations_create(meeting=seminar, by=st_officer, people=[person], category=InviteeCategory.SPEAKER)
            svc.invitation_accept(invitation=Invitation.objects.get(person=person))

    pages = []
    add(range(1))
    few = count_queries(lambda: pages.append(client.get(url).content.decode()))
    add(range(1, 6))
    assert count_queries(lambda: pages.append(client.get(url).content.decode())) == few
    assert "Extra5 Ponente" in pages[-1]
