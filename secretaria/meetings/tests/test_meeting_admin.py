"""The admin shows invitations, registrations, letters and contracted services read-only."""

import pytest
from django.urls import reverse

from secretaria.meetings.models import ContractedService, Invitation, Letter, LetterTemplate, Registration
from secretaria.meetings.services import bench_participants

pytestmark = pytest.mark.django_db

MODELS = [ContractedService, Invitation, Registration, Letter, LetterTemplate]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_admin_lists_the_meetings_workflow_records(model, seminar, admin_user, client_for):
    bench_participants(meeting=seminar, count=2)
    meta = model._meta
    response = client_for(admin_user).get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert response.status_code == 200


def test_registrations_are_read_only_in_the_admin_and_letter_templates_editable(seminar, admin_user, client_for):
    bench_participants(meeting=seminar, count=1)
    registration = Registration.objects.get(meeting=seminar)
    client = client_for(admin_user)
    page = client.get(reverse("admin:meetings_registration_change", args=[registration.pk])).content.decode()
    assert 'name="_save"' not in page  # view only
    assert client.get(reverse("admin:meetings_registration_add")).status_code == 403
    assert client.get(reverse("admin:meetings_contractedservice_add")).status_code == 403
    assert client.get(reverse("admin:meetings_lettertemplate_add")).status_code == 200
    invitation = registration.invitation
    response = client.post(reverse("admin:meetings_invitation_change", args=[invitation.pk]), {"status": "declined"})
    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED


def test_a_contracted_service_shows_its_history_read_only(seminar, st_officer, admin_user, client_for):
    from secretaria.meetings.tests.contracts_helpers import make_supplier, quote

    service = quote(seminar, st_officer, make_supplier())
    page = client_for(admin_user).get(reverse("admin:meetings_contractedservice_change", args=[service.pk]))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()


def test_a_meeting_added_in_the_admin_is_announced_to_the_lists(admin_user, client_for, crm):
    from secretaria.meetings.models import Meeting
    from secretaria.outbox.models import Event

    response = client_for(admin_user).post(
        reverse("admin:meetings_meeting_add"),
        {
            "kind": "workshop", "slug": "taller-palermo", "title_es": "Taller sobre la Convención de Palermo",
            "start_date": "2004-12-06", "end_date": "2004-12-07", "time_zone": "America/Panama",
            "access_level": "public", "working_languages": '["es"]', "capacity": "",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get(slug="taller-palermo")
    assert Event.objects.filter(kind="meeting.announced", payload__meeting_id=meeting.pk).exists()
