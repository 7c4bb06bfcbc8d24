"""A sent registration changes: by its invitee until the deadline, then by the Secretariat, with the
history kept (django-simple-history), shown to the Secretariat and audited."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from secretaria.core.models import AuditEvent
from secretaria.meetings import services as svc
from secretaria.meetings.models import Invitation, InviteeCategory, ParticipationEvent, Registration
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db

FORM = {
    "arrival": "2030-10-17T18:00",
    "departure": "2030-10-20T12:00",
    "hotel": "Hotel Camino Real",
    "dietary_needs": "",
    "accessibility_needs": "",
    "interpretation_language": "es",
    "passport_number": "X123",
    "passport_country": "Guatemala",
}


@pytest.fixture
def registered(seminar, speaker, st_officer):
    svc.invitations_create(meeting=seminar, by=st_officer, people=[speaker], category=InviteeCategory.SPEAKER)
    invitation = Invitation.objects.get(meeting=seminar, person=speaker)
    svc.invitation_accept(invitation=invitation, registration_data={"hotel": "Hotel Camino Real"})
    return Registration.objects.get(invitation=invitation)


def _edit_url(registration):
    return reverse("meetings:registration_edit", kwargs={"token": svc.registration_token(registration, "edit")})


def _past_deadline(seminar):
    seminar.registration_deadline = timezone.localdate() - datetime.timedelta(days=1)
    seminar.save()


# --- Service -----------------------------------------------------------------------------------


def test_the_invitee_changes_the_registration_before_the_deadline_and_the_history_keeps_the_old_details(registered):
    changed = svc.registration_update(registration=registered, data={"hotel": "Hotel Westin", "needs_visa": True})

    registered.refresh_from_db()
    assert changed == ["hotel", "needs_visa"]
    assert registered.hotel == "Hotel Westin" and registered.needs_visa
    assert registered.history.count() >= 2
    previous = registered.history.order_by("-history_date", "-history_id")[1]
    assert previous.hotel == "Hotel Camino Real"
    assert ParticipationEvent.objects.filter(registration=registered, kind="changed").count() == 1


def test_a_change_is_audited_with_the_fields_and_who(registered, st_officer):
    svc.registration_update(registration=registered, data={"hotel": "Hotel Westin"}, by=st_officer, reason="Llamada")

    event = AuditEvent.objects.get(kind=AuditEvent.Kind.REGISTRATION_CHANGED)
    assert event.actor == st_officer
    assert event.details["fields"] == "hotel" and event.details["by"] == "secretariat"
    assert event.details["reason"] == "Llamada"
    assert f"meetings.registration:{registered.pk}" in event.target


def test_saving_the_same_details_writes_nothing(registered):
    before = registered.history.count()
    assert svc.registration_update(registration=registered, data={"hotel": "Hotel Camino Real"}) == []
    assert registered.history.count() == before
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.REGISTRATION_CHANGED).exists()


def test_after_the_deadline_the_invitee_cannot_change_it_but_the_secretariat_can(registered, st_officer):
    _past_deadline(registered.meeting)

    with pytest.raises(ValidationError):
        svc.registration_update(registration=registered, data={"hotel": "Hotel Westin"})
    assert svc.registration_update(registration=registered, data={"hotel": "Hotel Westin"}, by=st_officer) == ["hotel"]
    registered.refresh_from_db()
    assert registered.hotel == "Hotel Westin"


def test_another_signed_in_user_cannot_change_someone_elses_registration(registered, gt_official):
    with pytest.raises(PermissionDenied):
        svc.registration_update(registration=registered, data={"hotel": "Hotel Westin"}, by=gt_official)


def test_a_rejected_registration_cannot_be_changed_even_by_the_secretariat(registered, st_officer):
    svc.registration_reject(registration=registered, by=st_officer)
    with pytest.raises(ValidationError):
        svc.registration_update(registration=registered, data={"hotel": "Hotel Westin"}, by=st_officer)


def test_a_bad_change_is_refused_and_changes_nothing(registered):
    with pytest.raises(ValidationError):
        svc.registration_update(
            registration=registered,
            data={
                "arrival": datetime.datetime(2030, 10, 20, tzinfo=datetime.UTC),
                "departure": datetime.datetime(2030, 10, 10, tzinfo=datetime.UTC),
            },
        )
    registered.refresh_from_db()
    assert registered.arrival is None


# --- The invitee's link ----------------------------------------------------------------------------


def test_the_invitee_opens_the_change_page_and_saves_with_the_link(registered, client):
    url = _edit_url(registered)
    page = client.get(url)
    assert page.status_code == 200
    assert "Modificar la inscripción de Marta Castillo" in page.content.decode()

    response = client.post(url, {**FORM, "hotel": "Hotel Westin"})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Sus cambios se guardaron." in body and "Su inscripción" in body
    registered.refresh_from_db()
    assert registered.hotel == "Hotel Westin"
    assert registered.history.first().history_user is None  # the invitee has no account


def test_the_change_link_answers_a_clear_410_after_the_deadline(registered, client):
    url = _edit_url(registered)
    _past_deadline(registered.meeting)

    response = client.get(url)

    assert response.status_code == 410
    assert "ahora solo la Secretaría puede modificar su inscripción" in response.content.decode()


def test_the_change_link_of_a_cancelled_registration_is_refused(registered, client, st_officer):
    url = _edit_url(registered)
    svc.registration_reject(registration=registered, by=st_officer)

    response = client.get(url)

    assert response.status_code == 410
    assert "La inscripción fue cancelada, rechazada o cerrada." in response.content.decode()


def test_an_altered_change_link_is_refused(registered, client):
    token = svc.registration_token(registered, "edit")
    response = client.get(reverse("meetings:registration_edit", kwargs={"token": token[:-2] + "zz"}))
    assert response.status_code == 400


# --- The Secretariat's page -----------------------------------------------------------------------


def test_the_secretariat_changes_a_registration_after_the_deadline_and_sees_its_history(
    registered, client_for, st_officer
):
    svc.registration_update(registration=registered, data={"hotel": "Hotel Westin"})
    _past_deadline(registered.meeting)
    client = client_for(st_officer)
    url = reverse("meetings:registration_manage_edit", kwargs={"slug": registered.meeting.slug, "pk": registered.pk})

    response = client.post(url, {**FORM, "hotel": "Hotel Barceló", "reason": "Correo de la delegación"}, follow=True)

    assert response.status_code == 200
    body = response.content.decode()
    assert "Se guardó la inscripción de Marta Castillo." in body
    assert "Historial de la inscripción" in body
    assert "Correo de la delegación" in body and "Luis Monzón" in body
    assert "<del>Hotel Westin</del> → <ins>Hotel Barceló</ins>" in body
    assert "<del>Hotel Camino Real</del> → <ins>Hotel Westin</ins>" in body
    assert "El/la participante (enlace personal)" in body
    assert "El/la participante ya no puede modificar estos datos" in body
    registered.refresh_from_db()
    assert registered.hotel == "Hotel Barceló"


def test_the_participants_page_links_to_the_change_page(registered, client_for, st_officer):
    page = client_for(st_officer).get(
        reverse("meetings:participation_manage", kwargs={"slug": registered.meeting.slug})
    )
    assert (
        reverse("meetings:registration_manage_edit", kwargs={"slug": registered.meeting.slug, "pk": registered.pk})
        in page.content.decode()
    )


@pytest.mark.parametrize("persona", ["gt_official", "observer", "ppt_official"])
def test_only_the_secretariat_reaches_the_change_page(registered, client_for, persona, request):
    url = reverse("meetings:registration_manage_edit", kwargs={"slug": registered.meeting.slug, "pk": registered.pk})
    assert client_for(request.getfixturevalue(persona)).get(url).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in_for_the_secretariats_change_page(registered, client):
    url = reverse("meetings:registration_manage_edit", kwargs={"slug": registered.meeting.slug, "pk": registered.pk})
    assert client.get(url).status_code == 302


def test_a_registration_made_before_the_history_was_kept_keeps_its_old_details_at_the_first_change(registered):
    registered.history.all().delete()  # as for the registrations made before this version, or bulk imports

    svc.registration_update(registration=registered, data={"hotel": "Hotel Westin"})

    states = svc.registration_history(registered)
    assert len(states) == 2
    assert states[0]["changes"] == [{"label": "hotel", "old": "Hotel Camino Real", "new": "Hotel Westin"}]
    assert states[1]["reason"] == "Estado antes del primer cambio registrado"
