import datetime

import pytest
from django.utils import timezone

from secretaria.activity.services import activity_add, activity_record
from secretaria.meetings import services as meetings
from secretaria.meetings.models import Meeting

D = datetime.date


@pytest.fixture
def seminar(crm, st_officer):
    meeting = meetings.meeting_create(
        by=st_officer, kind=Meeting.Kind.SEMINAR, slug="migracion-y-salud",
        title_es="Seminario sobre Migración y Salud", title_en="Seminar on Migration and Health",
        start_date=D(2004, 10, 18), end_date=D(2004, 10, 19), time_zone="America/Guatemala",
        city="Ciudad de Guatemala", country=crm["countries"]["GT"], venue="Hotel Camino Real",
        working_languages=["es", "en"], sponsor_countries=[crm["countries"]["CA"], crm["countries"]["MX"]],
    )  # fmt: skip
    on = timezone.make_aware(datetime.datetime(2004, 9, 6, 10))
    activity_record(kind="agenda_sent_for_comment", meeting=meeting, on=on,
                    summary_es="Seminario: agenda enviada a los patrocinadores",
                    summary_en="Seminar: agenda sent to the sponsors")  # fmt: skip
    activity_add(by=st_officer, kind="moderation", on=D(2004, 10, 18), meeting=meeting,
                 summary_es="Moderación del evento a cargo del Coordinador, a petición de los países patrocinadores",
                 summary_en="The Coordinator moderated the event at the sponsor countries' request")  # fmt: skip
    return meeting
