"""Three views of the participants, exports (audited) and name badges."""

import io

import pytest
from django.urls import reverse

from secretaria.core.models import AuditEvent
from secretaria.directory.models import Person
from secretaria.meetings import services as svc
from secretaria.meetings.models import Invitation, InviteeCategory, Registration
from secretaria.meetings.tests.seminar_fixtures import (  # noqa: F401 - fixtures: seminar, focal_points, speaker
    focal_points_gt_ca,
    seminar_in_two_months,
    speaker_marta,
)

pytestmark = pytest.mark.django_db


def _participant(seminar, st_officer, given, *, listed, hotel="Hotel Camino Real"):
    person = Person.objects.create(given_name=given, family_name="Ponente", email=f"{given.lower()}@example.org")
    svc.invitations_create(meeting=seminar, by=st_officer, people=[person], category=InviteeCategory.SPEAKER)
    invitation = Invitation.objects.get(meeting=seminar, person=person)
    svc.invitation_accept(invitation=invitation, registration_data={"hotel": hotel, "listed_publicly": listed,
                                                                    "passport_number": f"P-{given}"})  # fmt: skip
    registration = Registration.objects.get(invitation=invitation)
    svc.registration_approve(registration=registration, by=st_officer)
    return registration


@pytest.fixture
def participants(seminar, st_officer):
    return [
        _participant(seminar, st_officer, "Publica", listed=True),
        _participant(seminar, st_officer, "Reservada", listed=False, hotel="Hotel Reservado"),
    ]


def _list(client, seminar):
    return client.get(reverse("meetings:participants", kwargs={"slug": seminar.slug})).content.decode()


def test_the_public_list_shows_only_those_who_agreed(participants, seminar, client):
    html = _list(client, seminar)
    assert "Publica Ponente" in html
    assert "Reservada Ponente" not in html
    assert "Hotel Camino Real" not in html


def test_an_observer_cannot_see_the_secretariats_participant_data(participants, seminar, observer, client_for):
    html = _list(client_for(observer), seminar)
    assert "Reservada Ponente" not in html
    assert "Hotel" not in html and "P-Publica" not in html


def test_members_see_every_approved_participant_without_logistics(participants, seminar, gt_official, client_for):
    html = _list(client_for(gt_official), seminar)
    assert "Publica Ponente" in html and "Reservada Ponente" in html
    assert "Hotel Reservado" not in html


def test_the_secretariat_sees_the_full_list_with_logistics(participants, seminar, st_officer, client_for):
    html = _list(client_for(st_officer), seminar)
    assert "Reservada Ponente" in html and "Hotel Reservado" in html


def test_the_list_makes_a_constant_number_of_queries(participants, seminar, st_officer, client_for, count_queries):
    client = client_for(st_officer)
    _list(client, seminar)
    _participant(seminar, st_officer, "Extra0", listed=True)
    few = count_queries(lambda: _list(client, seminar))
    for i in range(1, 6):
        _participant(seminar, st_officer, f"Extra{i}", listed=True)
    assert count_queries(lambda: _list(client, seminar)) == few


def test_csv_export_is_audited_and_carries_logistics(participants, seminar, st_officer, client_for):
    url = reverse("meetings:participants_export", kwargs={"slug": seminar.slug, "fmt": "csv"})
    response = client_for(st_officer).get(url)

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "Reservada" in text and "Hotel Reservado" in text and "P-Reservada" in text
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.EXPORT)
    assert event.actor == st_officer and "participants" in event.target and event.details["count"] == "2"


def test_xlsx_export_opens_in_a_spreadsheet(participants, seminar, st_officer, client_for):
    from openpyxl import load_workbook

    url = reverse("meetings:participants_export", kwargs={"slug": seminar.slug, "fmt": "xlsx"})
    response = client_for(st_officer).get(url)

    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["Publica", "Reservada"]


def test_exports_are_refused_to_observers_and_members(participants, seminar, observer, gt_official, client_for):
    url = reverse("meetings:participants_export", kwargs={"slug": seminar.slug, "fmt": "csv"})
    assert client_for(observer).get(url).status_code == 403
    assert client_for(gt_official).get(url).status_code == 403
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.EXPORT).exists()


def test_name_badges_are_a_pdf_with_several_per_page(participants, seminar, st_officer, client_for):
    from secretaria.meetings.exports.participants import badges_pdf

    url = reverse("meetings:participants_badges", kwargs={"slug": seminar.slug})
    response = client_for(st_officer).get(url)

    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    many = badges_pdf(participants * 5, meeting_title=seminar.title)  # 10 badges: two pages of eight
    assert many.count(b"/Type /Page") - many.count(b"/Type /Pages") == 2


FORMULA = '=HYPERLINK("http://evil.example/","Pulse aquí")'


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_name_typed_as_a_formula_comes_out_as_text(fmt, seminar, st_officer, client_for):
    import csv

    from openpyxl import load_workbook

    registration = _participant(seminar, st_officer, "Formula", listed=True, hotel="@SUM(1+1)")
    Person.objects.filter(pk=registration.person_id).update(family_name=FORMULA)
    url = reverse("meetings:participants_export", kwargs={"slug": seminar.slug, "fmt": fmt})
    response = client_for(st_officer).get(url)

    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[1][0] == "'" + FORMULA
        assert "'@SUM(1+1)" in rows[1]
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        cell = sheet["A2"]
        assert cell.value == FORMULA and cell.data_type == "s"
        assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
