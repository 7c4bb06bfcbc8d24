"""The focal point accepts for the state, names the delegation within the quota and sends the note verbale."""

import io
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from secretaria.meetings import services as svc
from secretaria.meetings.models import Invitation, Registration
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def gt_invitation(seminar, focal_points, st_officer):
    svc.invitations_create(meeting=seminar, by=st_officer, member_states=True, quota=2)
    return Invitation.objects.get(meeting=seminar, country__iso2="GT")


@pytest.fixture
def accepted(gt_invitation):
    svc.invitation_accept(invitation=gt_invitation)
    gt_invitation.refresh_from_db()
    return gt_invitation


def test_the_focal_point_accepts_and_is_taken_to_name_the_delegation(gt_invitation, client):
    url = reverse("meetings:invitation_respond", kwargs={"token": svc.invitation_token(gt_invitation)})
    response = client.post(url, {"answer": "accept"})

    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Guatemala" in page.content.decode()
    gt_invitation.refresh_from_db()
    assert gt_invitation.status == Invitation.Status.ACCEPTED


def test_the_focal_point_also_receives_the_delegation_link_by_e_mail(gt_invitation, client):
    mail.outbox.clear()
    svc.invitation_accept(invitation=gt_invitation)

    assert [m.to for m in mail.outbox] == [["focal-gt@example.org"]]
    link = re.sub(r"^https?://[^/]+", "", re.search(r"https?://\S+", mail.outbox[0].body).group(0))
    assert client.get(link).status_code == 200


def test_the_focal_point_names_the_delegation_and_each_delegate_registers(accepted, client):
    url = reverse("meetings:invitation_delegation", kwargs={"token": svc.invitation_token(accepted, "delegation")})
    mail.outbox.clear()
    client.post(url, {"form": "delegate", "given_name": "Carla", "family_name": "Head", "email": "carla@example.org",
                      "role": "head"})  # fmt: skip

    head = Registration.objects.get(invitation=accepted)
    assert head.role == Registration.Role.HEAD and head.status == Registration.Status.NAMED
    assert head.person.country.iso2 == "GT"
    assert mail.outbox[0].to == ["carla@example.org"]
    link = re.sub(r"^https?://[^/]+", "", re.search(r"https?://\S+", mail.outbox[0].body).group(0))

    response = client.post(link, {"hotel": "Hotel Camino Real", "interpretation_language": "es"})

    assert response.status_code == 200
    head.refresh_from_db()
    assert head.status == Registration.Status.REGISTERED and head.hotel == "Hotel Camino Real"
    # The used link now opens the sent registration for changes (until the deadline), not a 410.
    again = client.get(link, follow=True)
    assert again.status_code == 200 and "Modificar la inscripción de Carla Head" in again.content.decode()


def test_a_delegation_cannot_exceed_its_quota(accepted):
    svc.delegation_name_member(invitation=accepted, given_name="A", family_name="Uno", role="head")
    svc.delegation_name_member(invitation=accepted, given_name="B", family_name="Dos")

    with translation.override("en"), pytest.raises(ValidationError, match="2 places"):
        svc.delegation_name_member(invitation=accepted, given_name="C", family_name="Tres")


def test_the_quota_refusal_is_shown_on_the_page(accepted, client):
    url = reverse("meetings:invitation_delegation", kwargs={"token": svc.invitation_token(accepted, "delegation")})
    svc.delegation_name_member(invitation=accepted, given_name="A", family_name="Uno", role="head")
    svc.delegation_name_member(invitation=accepted, given_name="B", family_name="Dos")

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert "Name this delegate" not in page.content.decode()
    assert Registration.objects.filter(invitation=accepted).count() == 2


def test_a_delegation_has_one_head(accepted, client):
    url = reverse("meetings:invitation_delegation", kwargs={"token": svc.invitation_token(accepted, "delegation")})
    svc.delegation_name_member(invitation=accepted, given_name="A", family_name="Uno", role="head")

    response = client.post(url, {"form": "delegate", "given_name": "B", "family_name": "Dos", "role": "head"})

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert Registration.objects.filter(invitation=accepted).count() == 1


def test_a_person_already_in_the_directory_is_picked_not_duplicated(accepted, focal_points):
    registration = svc.delegation_name_member(invitation=accepted, email="FOCAL-GT@example.org", role="head")
    assert registration.person == focal_points["GT"]


def test_the_delegation_link_does_not_work_before_accepting(gt_invitation, client):
    url = reverse("meetings:invitation_delegation", kwargs={"token": svc.invitation_token(gt_invitation, "delegation")})
    assert client.get(url).status_code == 410


def _pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("nota-verbal.pdf", b"%PDF-1.4\n% note verbale\n", content_type="application/pdf")


def test_the_focal_point_uploads_the_accreditation_letter_kept_as_a_secretariat_only_document(
    accepted, client, client_for, st_officer, gt_official, settings, tmp_path
):
    from secretaria.core.access import AccessLevel

    settings.MEDIA_ROOT = str(tmp_path)
    url = reverse("meetings:invitation_delegation", kwargs={"token": svc.invitation_token(accepted, "delegation")})
    client.post(url, {"form": "letter", "letter": _pdf()})

    accepted.refresh_from_db()
    document = accepted.accreditation_document
    assert document.access_level == AccessLevel.SECRETARIAT and document.doc_type == "letter"
    assert document.files.get().original_name == "nota-verbal.pdf"
    assert [e.kind for e in accepted.events.all()][-1] == "letter_uploaded"
    download = reverse(
        "meetings:participation_accreditation", kwargs={"slug": accepted.meeting.slug, "pk": accepted.pk}
    )
    response = client_for(st_officer).get(download, follow=True)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert client_for(gt_official).get(download).status_code == 403
    file_url = reverse("documents:download", kwargs={"pk": document.files.get().pk})
    assert client_for(gt_official).get(file_url).status_code == 404
    assert client.get(file_url).status_code in (302, 404)


def test_a_second_upload_replaces_the_letter_and_keeps_the_first_as_a_revision(accepted, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    svc.delegation_upload_letter(invitation=accepted, upload=_pdf())
    second = SimpleUploadedFile("nota-2.pdf", b"%PDF-1.4\n% corrected\n")
    svc.delegation_upload_letter(invitation=accepted, upload=second)
    accepted.refresh_from_db()
    doc_file = accepted.accreditation_document.files.get()
    assert doc_file.original_name == "nota-2.pdf" and doc_file.revisions.count() == 1


def test_a_letter_that_is_not_pdf_docx_or_image_is_refused_clearly(accepted, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = reverse("meetings:invitation_delegation", kwargs={"token": svc.invitation_token(accepted, "delegation")})
    bad = SimpleUploadedFile("nota.exe", b"MZ\x90\x00", content_type="application/octet-stream")

    response = client.post(url, {"form": "letter", "letter": bad}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "La carta de acreditación debe ser un PDF" in response.content.decode()
    accepted.refresh_from_db()
    assert accepted.accreditation_document is None


def test_a_file_whose_content_does_not_match_its_name_is_refused(accepted):
    fake = SimpleUploadedFile("nota.pdf", io.BytesIO(b"not a pdf").read())
    with pytest.raises(ValidationError):
        svc.delegation_upload_letter(invitation=accepted, upload=fake)


def test_declining_after_naming_cancels_the_delegates(accepted):
    registration = svc.delegation_name_member(invitation=accepted, given_name="A", family_name="Uno", role="head")
    svc.invitation_decline(invitation=accepted)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_an_accreditation_letter_whose_name_is_not_utf8_is_kept(accepted, client, settings, tmp_path):
    from secretaria.core.tests.multipart import SANITIZED_NAME, post_with_raw_file_name

    settings.MEDIA_ROOT = str(tmp_path)
    url = reverse("meetings:invitation_delegation", kwargs={"token": svc.invitation_token(accepted, "delegation")})
    post_with_raw_file_name(client, url, {"form": "letter"}, "letter", b"%PDF-1.4\n% note verbale\n")
    accepted.refresh_from_db()
    assert accepted.accreditation_document.files.get().original_name == SANITIZED_NAME
