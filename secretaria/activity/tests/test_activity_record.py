"""The activity record complete: the site's steps as sentences, entries added by hand, filters,
CSV/XLSX export and the API."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_add, activity_record
from secretaria.comms import services as comms
from secretaria.meetings import services as meetings
from secretaria.meetings.models import LetterTemplate, Meeting
from secretaria.meetings.services.letters import Addressee

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def seminar(crm, st_officer):
    return meetings.meeting_create(
        by=st_officer, kind=Meeting.Kind.SEMINAR, slug="migracion-y-salud",
        title_es="Seminario Migración y Salud", title_en="Seminar on Migration and Health",
        start_date=D(2004, 10, 18), end_date=D(2004, 10, 19), time_zone="America/Guatemala",
        city="Ciudad de Guatemala", country=crm["countries"]["GT"], venue="Hotel Camino Real",
        working_languages=["es", "en"], sponsor_countries=[crm["countries"]["CA"], crm["countries"]["MX"]],
    )  # fmt: skip


def _on(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def test_a_letter_sent_reads_as_a_sentence_with_its_placeholders_filled(seminar, st_officer):
    template = LetterTemplate.objects.create(
        slug="gracias", kind=LetterTemplate.Kind.THANKS, name="Agradecimiento",
        subject_es="Gracias por su ponencia en el {meeting}", subject_en="Thank you for speaking at the {meeting}",
        body_es="Gracias.", body_en="Thanks.",
    )  # fmt: skip
    meetings.letter_send(meeting=seminar, template=template, by=st_officer,
                         addressees=[Addressee(name="Marta Castillo", email="", language="es")])  # fmt: skip

    entry = Activity.objects.get(kind=Activity.Kind.LETTER_SENT)
    assert "{meeting}" not in entry.summary_es and "{meeting}" not in entry.summary_en
    assert "Gracias por su ponencia en el Seminario Migración y Salud" in entry.summary_es
    assert "Thank you for speaking at the Seminar on Migration and Health" in entry.summary_en


def test_creating_a_list_and_sending_a_bulletin_go_on_the_record(crm, st_officer):
    from secretaria.comms.bulletins import bulletin_send
    from secretaria.comms.models import Bulletin

    lst = comms.mailing_list_create(by=st_officer, slug="sv", name_es="Novedades de la SV", name_en="VS news",
                                    access_level="public")  # fmt: skip
    bulletin = Bulletin.objects.create(
        period_start=D(2004, 5, 1), period_end=D(2004, 11, 30), title_es="Cambios en la SV",
        title_en="Changes to the VS", body_es="Cambios.", body_en="Changes.", access_level="public",
    )  # fmt: skip
    bulletin_send(bulletin=bulletin, mailing_list=lst, by=st_officer)

    created = Activity.objects.get(kind=Activity.Kind.LIST_CREATED)
    assert created.summary_es == "Lista de distribución «Novedades de la SV» creada"
    assert created.summary_en == "Distribution list “VS news” created"
    sent = Activity.objects.get(kind=Activity.Kind.BULLETIN_SENT)
    assert "Boletín «Cambios en la SV» enviado a la lista Novedades de la SV" in sent.summary_es
    assert sent.engagement_en == "VS news"


def test_the_secretariat_adds_a_moderation_by_hand_and_sees_it_in_the_record(seminar, st_officer, client_for):
    client = client_for(st_officer)
    response = client.post(reverse("meetings:activity_new"), {
        "on": "2004-10-18", "kind": "moderation", "meeting": seminar.pk,
        "summary_es": "Moderación del seminario a cargo del Coordinador",
        "summary_en": "The Coordinator moderated the seminar",
    })  # fmt: skip
    assert response.status_code == 302
    entry = Activity.objects.get(kind=Activity.Kind.MODERATION)
    assert entry.manual and entry.meeting == seminar and entry.actor == st_officer
    page = client.get(reverse("meetings:activity"), {"start": "2004-10-01", "end": "2004-10-31"}).content.decode()
    assert "Moderación del seminario a cargo del Coordinador" in page


def test_a_manual_entry_needs_both_languages_and_a_manual_kind(st_officer, client_for):
    client = client_for(st_officer)
    response = client.post(reverse("meetings:activity_new"),
                           {"on": "2004-10-18", "kind": "it_support", "summary_es": "Apoyo", "summary_en": ""})  # fmt: skip
    assert response.status_code == 200 and Activity.objects.count() == 0
    response = client.post(reverse("meetings:activity_new"),
                           {"on": "2004-10-18", "kind": "agenda_approved", "summary_es": "x", "summary_en": "y"})  # fmt: skip
    assert response.status_code == 200 and Activity.objects.count() == 0


def test_only_the_secretariat_sees_adds_or_exports_the_record(gt_official, client_for):
    client = client_for(gt_official)
    assert client.get(reverse("meetings:activity")).status_code == 403
    assert client.get(reverse("meetings:activity"), {"export": "csv"}).status_code == 403
    assert client.post(reverse("meetings:activity_new"), {}).status_code == 403
    assert client.get("/api/v1/activity").status_code == 403


def test_the_site_entries_cannot_be_removed_but_manual_ones_can(seminar, st_officer, client_for):
    site = Activity.objects.get(kind=Activity.Kind.MEETING_CREATED)
    manual = activity_add(by=st_officer, kind="it_support", on=D(2004, 10, 19), meeting=seminar,
                          summary_es="Apoyo en informática", summary_en="IT support")  # fmt: skip
    client = client_for(st_officer)
    client.post(reverse("meetings:activity_remove", args=[site.pk]))
    client.post(reverse("meetings:activity_remove", args=[manual.pk]))
    assert Activity.objects.filter(pk=site.pk).exists()
    assert not Activity.objects.filter(pk=manual.pk).exists()


def test_filters_and_the_csv_and_xlsx_exports_give_the_same_entries(seminar, st_officer, client_for):
    activity_record(kind="coordination", summary_es="Coordinación telefónica con la PPT",
                    summary_en="Phone coordination with the PPT", on=_on(D(2004, 9, 2)), manual=True)  # fmt: skip
    activity_record(kind="mission", summary_es="Visita a Panamá", summary_en="Visit to Panama",
                    on=_on(D(2004, 11, 8)), manual=True)  # fmt: skip
    client = client_for(st_officer)
    query = {"start": "2004-09-01", "end": "2004-09-30"}
    with translation.override("es"):
        csv_text = client.get(reverse("meetings:activity"), {**query, "export": "csv"}).content.decode("utf-8-sig")
    assert "Coordinación telefónica con la PPT" in csv_text and "Visita a Panamá" not in csv_text
    assert csv_text.splitlines()[0].startswith("Fecha,")
    xlsx = client.get(reverse("meetings:activity"), {"text": "panam", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = [c.value for row in sheet.iter_rows() for c in row]
    assert "Visita a Panamá" in cells and "Coordinación telefónica con la PPT" not in cells
    manual_only = client.get(reverse("meetings:activity"), {"origin": "manual", "start": "2004-01-01"})
    assert "Reunión creada: Seminario" not in manual_only.content.decode()
    assert "Visita a Panamá" in manual_only.content.decode()


def test_the_api_pages_the_record_and_takes_manual_entries(seminar, st_officer, client_for):
    client = client_for(st_officer)
    response = client.post("/api/v1/activity", {
        "on": "2004-10-19", "kind": "it_support", "meeting": "migracion-y-salud",
        "summary_es": "Apoyo administrativo e informático", "summary_en": "Administrative and IT support",
    }, content_type="application/json")  # fmt: skip
    assert response.status_code == 201 and response.json()["manual"] is True
    listing = client.get("/api/v1/activity", {"meeting": "migracion-y-salud", "limit": 1}).json()
    assert listing["count"] == 2 and len(listing["results"]) == 1
    assert listing["results"][0]["kind"] == "it_support"  # oldest first: 2004 before the meeting's creation
    refused = client.post("/api/v1/activity", {"on": "2004-10-19", "kind": "agenda_approved", "summary_es": "x",
                                               "summary_en": "y"}, content_type="application/json")  # fmt: skip
    assert refused.status_code == 400 and "detail" in refused.json()
    bad = client.get("/api/v1/activity", {"start": "2004-11-01", "end": "2004-10-01"})
    assert bad.status_code == 422 and bad.json()["detail"]
    unknown = client.get("/api/v1/activity", {"meeting": "no-such-meeting"})
    assert unknown.status_code == 422 and unknown.json()["detail"]
