"""What a signed-in invitee finds: "my invitations and registrations" (page and dashboard panel) and
the registration box of the meeting page, with the state and the link to act."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from secretaria.directory.models import Post, Term
from secretaria.meetings import services as svc
from secretaria.meetings.models import Invitation, InviteeCategory, Meeting, Registration
from secretaria.meetings.selectors.participants import participation_of, registration_box
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db

MINE = reverse("meetings:my_participation")


def _answer_links(body: str) -> list:
    """The invitations that the page's answer links name (tokens carry a timestamp: read them back)."""
    tokens = re.findall(r'href="/es/reuniones/invitacion/([^/"]+)/"', body)
    return [svc.token_read(token, "respond") for token in tokens]


@pytest.fixture
def gt_focal(gt_official):
    """The Guatemalan official holds Guatemala's focal-point post."""
    post = Post.objects.create(slug="gt-focal", title_es="Punto focal GT", country=gt_official.country,
                               is_focal_point=True)  # fmt: skip
    Term.objects.create(post=post, person=gt_official.person, start=timezone.localdate() - datetime.timedelta(days=9))
    return gt_official


@pytest.fixture
def personal(seminar, gt_official, st_officer):
    svc.invitations_create(meeting=seminar, by=st_officer, people=[gt_official.person],
                           category=InviteeCategory.DELEGATION)  # fmt: skip
    return Invitation.objects.get(meeting=seminar, person=gt_official.person)


# --- Selector ---------------------------------------------------------------------------------


def test_a_personal_invitation_shows_as_invited_with_the_answer_link(personal, gt_official):
    [line] = participation_of(gt_official)

    assert line.state == "invited" and line.meeting == personal.meeting
    assert _answer_links(f'href="{line.action_url}"') == [personal]
    assert line.deadline == personal.meeting.registration_deadline


def test_after_registering_the_line_is_pending_approval_with_the_change_link(personal, gt_official, st_officer):
    svc.invitation_accept(invitation=personal, registration_data={"hotel": "Hotel Camino Real"})
    [line] = participation_of(gt_official)
    assert line.state == "pending" and line.registration is not None
    assert "/modificar/" in line.action_url

    svc.registration_approve(registration=line.registration, by=st_officer)
    [line] = participation_of(gt_official)
    assert line.state == "approved" and line.action_url


def test_the_focal_point_sees_the_delegation_invitation_of_their_country(seminar, gt_focal, st_officer):
    svc.invitations_create(meeting=seminar, by=st_officer, member_states=True)
    # The directory's focal point for Guatemala is the official: the invitation is addressed to them.
    invitation = Invitation.objects.get(meeting=seminar, country=gt_focal.country)

    [line] = participation_of(gt_focal)

    assert line.kind == "delegation" and line.invitation == invitation
    assert line.state == "delegation_invited" and line.places == "0 de 2 designados"


def test_a_focal_point_sees_the_delegation_invitation_even_when_it_went_to_someone_else(
    seminar, gt_official, st_officer, focal_points
):
    """The invitation was sent to the focal point of the day (Gloria); the official took the post since."""
    svc.invitations_create(meeting=seminar, by=st_officer, member_states=True)
    invitation = Invitation.objects.get(meeting=seminar, country=gt_official.country)
    assert invitation.person == focal_points["GT"]
    svc.invitation_accept(invitation=invitation)
    post = Post.objects.get(slug="gt-focal")
    Term.objects.filter(post=post).update(end=timezone.localdate() - datetime.timedelta(days=1))
    Term.objects.create(post=post, person=gt_official.person, start=timezone.localdate())
    gt_focal = gt_official

    [line] = participation_of(gt_focal)

    assert line.state == "accepted" and line.state_label == "Invitación aceptada"
    assert line.action_url.startswith("/es/reuniones/invitacion/") and line.action_url.endswith("/delegacion/")


def test_other_officials_do_not_see_invitations_that_are_not_theirs(personal, hn_official, observer):
    assert participation_of(hn_official) == []
    assert participation_of(observer) == []


def test_no_action_once_the_deadline_has_passed(personal, gt_official):
    seminar = personal.meeting
    seminar.registration_deadline = timezone.localdate() - datetime.timedelta(days=1)
    seminar.save()

    [line] = participation_of(gt_official)

    assert line.state == "invited" and line.action_url == ""


def test_the_box_says_open_with_the_deadline_and_places_left(seminar, personal, gt_official):
    seminar.capacity = 10
    seminar.save()
    box = registration_box(gt_official, seminar)
    assert box.state == "open" and box.deadline == seminar.registration_deadline and box.places_left == 10
    assert [line.state for line in box.mine] == ["invited"]


def test_the_box_says_not_open_for_a_planned_meeting_without_invitations(seminar, anonymous):
    from django.contrib.auth.models import AnonymousUser

    assert registration_box(AnonymousUser(), seminar).state == "not_open"


def test_the_box_says_closed_after_the_deadline_and_held_after_the_meeting(seminar, gt_official):
    seminar.registration_deadline = timezone.localdate() - datetime.timedelta(days=1)
    seminar.save()
    assert registration_box(gt_official, seminar).state == "closed"
    seminar.status = Meeting.Status.HELD
    seminar.save()
    assert registration_box(gt_official, seminar).state == "held"


# --- Pages ------------------------------------------------------------------------------------


def test_the_my_invitations_page_lists_the_invitation_with_state_deadline_and_action(personal, client_for, gt_official):
    response = client_for(gt_official).get(MINE)

    assert response.status_code == 200
    body = response.content.decode()
    assert "Mis invitaciones e inscripciones" in body
    assert "Seminario «Migración y Salud»" in body
    assert "Está invitado/a" in body
    deadline = personal.meeting.registration_deadline
    assert "Plazo:" in body and str(deadline.year) in body
    assert _answer_links(body) == [personal]
    assert "Responder e inscribirse" in body


def test_the_my_invitations_page_puts_past_meetings_apart(personal, client_for, gt_official):
    seminar = personal.meeting
    seminar.start_date = seminar.end_date = datetime.date(2004, 10, 18)
    seminar.registration_deadline = datetime.date(2004, 10, 1)
    seminar.save()

    body = client_for(gt_official).get(MINE).content.decode()

    assert "Reuniones pasadas" in body and "La inscripción cerró el" in body
    assert "Responder e inscribirse" not in body


def test_the_my_invitations_page_needs_a_sign_in(client):
    response = client.get(MINE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_user_without_a_directory_person_is_told_why_nothing_is_listed(client_for, crm):
    from secretaria.accounts.services import user_create
    from secretaria.conftest import PASSWORD
    from secretaria.core.access import Role

    user = user_create(username="loose", email="loose@example.org", role=Role.REGISTERED, password=PASSWORD)

    body = client_for(user).get(MINE).content.decode()

    assert "Su cuenta no está vinculada a una persona del directorio" in body


def test_the_dashboard_shows_my_invitations_panel(personal, client_for, gt_official):
    body = client_for(gt_official).get(reverse("members:dashboard")).content.decode()

    assert 'id="panel-my-participation"' in body
    assert "Seminario «Migración y Salud»" in body and "Está invitado/a" in body
    assert MINE in body


def test_the_dashboard_panel_is_not_shown_to_the_secretariat_when_nothing_is_addressed_to_it(
    personal, client_for, st_officer
):
    body = client_for(st_officer).get(reverse("members:dashboard")).content.decode()
    assert 'id="panel-my-participation"' not in body


def test_the_meeting_page_box_tells_the_invitee_and_links_to_the_answer(personal, client_for, gt_official):
    body = client_for(gt_official).get(personal.meeting.get_absolute_url()).content.decode()

    assert 'id="registration-title"' in body
    assert "Abierta" in body and "Hasta el" in body
    assert "Está invitado/a" in body
    assert _answer_links(body) == [personal]


def test_the_meeting_page_box_says_pending_approval_after_registering(personal, client_for, gt_official):
    svc.invitation_accept(invitation=personal, registration_data={})

    body = client_for(gt_official).get(personal.meeting.get_absolute_url()).content.decode()

    assert "Inscrito/a, pendiente de aprobación" in body and "Modificar mi inscripción" in body


def test_the_meeting_page_box_tells_the_public_how_registration_works(personal, client):
    body = client.get(personal.meeting.get_absolute_url()).content.decode()

    assert 'id="registration-title"' in body
    assert "La inscripción es por invitación" in body and "inicie sesión" in body
    assert "Está invitado/a" not in body


def test_the_meeting_page_box_gives_the_secretariat_its_tools(personal, client_for, st_officer):
    body = client_for(st_officer).get(personal.meeting.get_absolute_url()).content.decode()
    assert reverse("meetings:participation_manage", kwargs={"slug": personal.meeting.slug}) in body


def test_a_registration_of_a_delegate_shows_in_my_list(seminar, focal_points, st_officer, hn_official, client_for):
    svc.invitations_create(meeting=seminar, by=st_officer, member_states=True)
    invitation = Invitation.objects.get(meeting=seminar, country__iso2="GT")
    svc.invitation_accept(invitation=invitation)
    svc.delegation_name_member(invitation=invitation, person=hn_official.person)

    [line] = participation_of(hn_official)

    assert line.kind == "delegate" and line.state == "named"
    assert line.registration == Registration.objects.get(person=hn_official.person)
    assert "Completar mi inscripción" in client_for(hn_official).get(MINE).content.decode()


def test_the_meeting_page_box_shows_the_places_left_in_spanish(personal, client):
    seminar = personal.meeting
    seminar.capacity = 10
    seminar.save()
    assert "Quedan 10 plazas" in client.get(seminar.get_absolute_url()).content.decode()
    seminar.capacity = 1
    seminar.save()
    assert "Queda 1 plaza" in client.get(seminar.get_absolute_url()).content.decode()
