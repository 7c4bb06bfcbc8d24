import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from secretaria.activity.models import Activity
from secretaria.meetings.models import Invitation, InviteeCategory, ParticipationEvent
from secretaria.meetings.services import invitations_create
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db


def test_it_invites_every_member_state_through_its_focal_point_in_its_language(seminar, focal_points, st_officer):
    result = invitations_create(meeting=seminar, by=st_officer, member_states=True, quota=3)

    assert len(result.created) == 11
    gt = Invitation.objects.get(meeting=seminar, country__iso2="GT")
    assert gt.person == focal_points["GT"] and gt.email == "focal-gt@example.org" and gt.quota == 3
    to_gt = next(m for m in mail.outbox if m.to == ["focal-gt@example.org"])
    # The Spanish invitation: the meeting's Spanish title and a link to the Spanish pages.
    assert "Seminario «Migración y Salud»" in to_gt.subject and "/es/" in to_gt.body
    to_ca = next(m for m in mail.outbox if m.to == ["focal-ca@example.org"])
    assert to_ca.subject == "Invitation to Seminar on Migration and Health" and "/en/" in to_ca.body


def test_a_state_without_focal_point_is_reported_and_not_mailed(seminar, focal_points, st_officer):
    result = invitations_create(meeting=seminar, by=st_officer, member_states=True)

    without = {inv.country.iso2 for inv in result.without_address}
    assert "HN" in without and "GT" not in without
    assert len(mail.outbox) == 2


def test_an_invitation_without_address_is_sent_once_the_directory_names_a_focal_point(
    seminar, focal_points, st_officer, client_for
):
    import datetime

    from django.utils import timezone

    from secretaria.directory.models import Person, Post, Term

    invitations_create(meeting=seminar, by=st_officer, member_states=True)
    honduras = Invitation.objects.get(meeting=seminar, country__iso2="HN")
    assert honduras.sent_at is None  # nothing was sent: it is not marked as sent either
    client = client_for(st_officer)
    page = client.get(reverse("meetings:participation_manage", args=[seminar.slug])).content.decode()
    assert reverse("meetings:participation_send_pending", args=[seminar.slug]) in page
    assert "Enviar las invitaciones no enviadas (9)" in page

    hn = honduras.country
    person = Person.objects.create(given_name="Héctor", family_name="Focal", email="focal-hn@example.org", country=hn)
    post = Post.objects.create(slug="hn-focal", title_es="Punto focal HN", country=hn, is_focal_point=True)
    Term.objects.create(post=post, person=person, start=timezone.localdate() - datetime.timedelta(days=1))
    mail.outbox.clear()

    response = client.post(reverse("meetings:participation_send_pending", args=[seminar.slug]))

    assert response.status_code == 302
    honduras.refresh_from_db()
    assert honduras.email == "focal-hn@example.org" and honduras.person == person and honduras.sent_at
    assert [m.to for m in mail.outbox] == [["focal-hn@example.org"]]
    assert ParticipationEvent.objects.filter(invitation=honduras, kind="invited").exists()
    # The others still have no address: they stay unsent, and sending again sends nothing twice.
    client.post(reverse("meetings:participation_send_pending", args=[seminar.slug]))
    assert len(mail.outbox) == 1


def test_an_observer_organisation_without_focal_point_gets_it_at_its_own_address(seminar, focal_points, st_officer):
    invitations_create(meeting=seminar, by=st_officer, observer_organizations=True)

    inv = Invitation.objects.get(meeting=seminar, organization__acronym_en="UNHCR")
    assert inv.category == InviteeCategory.OBSERVER and inv.for_delegation
    assert [m.to for m in mail.outbox] == [["registry@unhcr.example.org"]]


def test_it_invites_the_liaison_officers_of_a_network_each_personally(seminar, crm, gt_official, st_officer):
    invitations_create(meeting=seminar, by=st_officer, group=crm["groups"]["consular"])

    inv = Invitation.objects.get(meeting=seminar)
    assert inv.person == gt_official.person and not inv.for_delegation
    assert mail.outbox[0].to == ["gt_official@example.org"]


def test_inviting_twice_skips_those_already_invited(seminar, speaker, st_officer):
    invitations_create(meeting=seminar, by=st_officer, people=[speaker], category=InviteeCategory.SPEAKER)
    again = invitations_create(meeting=seminar, by=st_officer, people=[speaker], category=InviteeCategory.SPEAKER)

    assert again.created == [] and again.skipped == 1
    assert Invitation.objects.filter(meeting=seminar).count() == 1


def test_sending_is_recorded_as_an_activity_and_in_the_history(seminar, speaker, st_officer):
    invitations_create(meeting=seminar, by=st_officer, people=[speaker], category=InviteeCategory.SPEAKER)

    activity = Activity.objects.get(kind=Activity.Kind.INVITATIONS_SENT, meeting=seminar)
    assert activity.actor == st_officer and "1 invitations sent" in activity.summary_en
    assert list(ParticipationEvent.objects.values_list("kind", flat=True)) == ["invited"]


def test_only_the_secretariat_invites(seminar, speaker, gt_official):
    with pytest.raises(PermissionDenied):
        invitations_create(meeting=seminar, by=gt_official, people=[speaker])


def test_the_secretariat_invites_from_the_page(seminar, speaker, st_officer, client_for):
    url = reverse("meetings:participation_manage", kwargs={"slug": seminar.slug})
    response = client_for(st_officer).post(
        url, {"people": [speaker.pk], "category": "speaker", "quota": 2}, follow=True
    )

    assert response.status_code == 200
    assert "Marta Castillo" in response.content.decode()
    assert mail.outbox[0].to == ["marta@example.org"]


def test_the_invitations_page_is_closed_to_others(seminar, gt_official, observer, client_for, client):
    url = reverse("meetings:participation_manage", kwargs={"slug": seminar.slug})
    assert client_for(gt_official).get(url).status_code == 403
    assert client_for(observer).get(url).status_code == 403
    assert client.get(url).status_code == 302


def test_the_page_refuses_an_empty_invitation_with_a_form_error(seminar, st_officer, client_for):
    url = reverse("meetings:participation_manage", kwargs={"slug": seminar.slug})
    response = client_for(st_officer).post(url, {"category": "speaker", "quota": 2}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Elija a quién invitar." in response.content.decode()


def test_unsent_invitations_are_not_sent_for_a_cancelled_meeting(seminar, focal_points, st_officer, client_for):
    from secretaria.meetings.services import meeting_set_status

    invitations_create(meeting=seminar, by=st_officer, member_states=True)
    meeting_set_status(meeting=seminar, status="cancelled", by=st_officer, notice_es="Suspendido.")
    mail.outbox.clear()
    client = client_for(st_officer)
    url = reverse("meetings:participation_send_pending", args=[seminar.slug])
    assert url not in client.get(reverse("meetings:participation_manage", args=[seminar.slug])).content.decode()
    page = client.post(url, follow=True).content.decode()
    assert "No se envían invitaciones para una reunión en estado «cancelada»." in page
    assert mail.outbox == []


def test_a_country_without_an_address_is_shown_as_not_sent_with_the_reason_not_as_invited(
    seminar, focal_points, st_officer, client_for
):
    invitations_create(meeting=seminar, by=st_officer, member_states=True)
    honduras = Invitation.objects.get(meeting=seminar, country__iso2="HN")
    client = client_for(st_officer)

    page = client.get(reverse("meetings:participation_manage", args=[seminar.slug])).content.decode()
    row = page.split(reverse("meetings:participation_invitation", args=[seminar.slug, honduras.pk]))[1]
    row = row.split("</tr>")[0]
    assert "Invitación enviada" not in row
    assert "No enviada" in row and "Ningún punto focal de Honduras en el directorio" in row
    gt = Invitation.objects.get(meeting=seminar, country__iso2="GT")
    gt_row = page.split(reverse("meetings:participation_invitation", args=[seminar.slug, gt.pk]))[1].split("</tr>")[0]
    assert "Enviada, sin respuesta aún" in gt_row

    detail = client.get(reverse("meetings:participation_invitation", args=[seminar.slug, honduras.pk]))
    assert "Ningún punto focal de Honduras en el directorio" in detail.content.decode()
    meeting_page = client.get(seminar.get_absolute_url()).content.decode()
    assert "Enviada, sin respuesta aún: 2" in meeting_page and "No enviada: 9" in meeting_page
